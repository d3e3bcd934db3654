/** The front door of the notifications module: the only file other code imports from it. */
// type-graphql's decorators need the metadata polyfill before any class of the module loads.
import 'reflect-metadata';
export { createNotificationsModule, type NotificationsModuleDeps } from './notifications.module.js';
export type { NotificationRecipients, Recipient } from './recipients.port.js';
export { NotificationsService, type NotifyInput } from './notifications.service.js';
export { DeliveryService } from './delivery.service.js';
export { NotificationPreferencesService } from './preferences.service.js';
export { notificationTopic, type NotificationEvent } from './notifications.events.js';
export { deliverNotification } from './notifications.jobs.js';
export { NotificationResolver } from './notifications.resolver.js';
/** For User.notificationPreferences, resolved in accounts (which may depend on this module, not the reverse). */
export { toPreferences } from './notifications.mappers.js';
export { Notification, NotificationPreferences } from './notifications.types.js';
export type { TemplateName, TemplateVars } from './templates.js';
