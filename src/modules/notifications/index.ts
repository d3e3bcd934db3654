/** The front door of the notifications module: the only file other code imports from it. */
// type-graphql's decorators need the metadata polyfill before any class of the module loads.
import 'reflect-metadata';
export { createNotificationsModule, type NotificationsModule, type NotificationsModuleDeps } from './notifications.module.js';
export { NotificationsService } from './notifications.service.js';
export type { DeliveryChannel, NotifyInput } from './notifications.service.js';
export { DeliveryService } from './delivery.service.js';
export { NotificationPreferencesService } from './preferences.service.js';
export { NotificationFeedService } from './feed.service.js';
export { PushSubscriptionsService } from './push-subscriptions.service.js';
export type { NotificationRecipients, Recipient } from './recipients.port.js';
export { notificationTopic, type NotificationEvent } from './notifications.events.js';
export { deliverNotification } from './notifications.jobs.js';
export { notificationsLoaders } from './notifications.loaders.js';
export { NotificationResolver } from './notifications.resolver.js';
export { toNotification, toPreferences } from './notifications.mappers.js';
export { Notification, NotificationPreferences } from './notifications.types.js';
export type { TemplateName, TemplateVars } from './templates.js';
