/** The front door of the notifications module: the only file other code imports from it. */
export { DeliveryService } from './delivery.service.js';
export { smsWebhookRouter } from './notifications.http.js';
export { createNotificationLoaders } from './notifications.loaders.js';
export { NotificationResolver, UserNotificationPreferencesResolver, toNotification } from './notifications.resolver.js';
export { NotificationsService, loadVapidKeys } from './notifications.service.js';
export type { NotifyInput } from './notifications.service.js';
export type { TemplateName, TemplateVars } from './templates.js';
