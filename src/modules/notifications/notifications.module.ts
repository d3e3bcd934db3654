/**
 * Builds the notification centre: the VAPID keys, its services, the resolver, `node(id)` for
 * Notification, the delivery job with its processor, and the SMS receipt webhook. Users are read
 * through the NotificationRecipients port (src/app.ts passes accounts' directory), so this module
 * depends on no module that owns users.
 */
import { noAccountFeed, type AccountFeed } from '../../shared/account-feed.js';
import type { Config } from '../../config/env.js';
import type { Database } from '../../db/client.js';
import type { JobContract } from '../../jobs/define.js';
import type { GraphQLContext } from '../../shared/graphql/context.js';
import { nodeType } from '../../shared/graphql/relay.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import type { ModuleParts } from '../../shared/module.js';
import type { AppPubSub } from '../../shared/pubsub.js';
import { DeliveryService } from './delivery.service.js';
import { NotificationFeedService } from './feed.service.js';
import { smsWebhookRouter } from './notifications.http.js';
import { deliverNotification, notificationProcessors, notificationRetention, pruneNotificationsJob } from './notifications.jobs.js';
import { notificationsLoaders } from './notifications.loaders.js';
import { toNotification } from './notifications.mappers.js';
import { NotificationResolver } from './notifications.resolver.js';
import { NotificationsService } from './notifications.service.js';
import { NotificationPreferencesService } from './preferences.service.js';
import { PushSubscriptionsService } from './push-subscriptions.service.js';
import type { NotificationRecipients } from './recipients.port.js';
import { loadVapidKeys } from './vapid.js';
import { resealVapidKeys } from './notifications.repository.js';
import type { ResealCount } from '../../db/reseal.js';
import type { FieldCipher } from '../../shared/crypto/field-cipher.js';

export interface NotificationsModuleDeps {
  config: Config;
  log: Logger;
  clock: Clock;
  db: Database;
  pubsub: AppPubSub;
  /** Who notifications go to (accounts' directory fits). */
  recipients: NotificationRecipients;
  /** Seals the generated VAPID private key at rest (the system module's data cipher). */
  cipher: FieldCipher;
  /** The account feed (accountUpdates): notifications reaching the in-app feed join it. */
  feed?: AccountFeed;
}

export interface NotificationsModule extends ModuleParts {
  /** The door: `notify` for every module that tells a user something. */
  notifications: NotificationsService;
  /** Sends deliveries (workers) and settles SMS receipts. */
  delivery: DeliveryService;
  preferences: NotificationPreferencesService;
  feed: NotificationFeedService;
  push: PushSubscriptionsService;
  /** Re-seals the stored VAPID key pair not sealed with the current data key (rotate-data-key). */
  reseal(batchSize: number): Promise<ResealCount>;
  close(): Promise<void>;
}

export async function createNotificationsModule(deps: NotificationsModuleDeps): Promise<NotificationsModule> {
  const { config, log, clock, db, pubsub, recipients } = deps;
  const vapid = await loadVapidKeys(db, deps.cipher, config);
  const preferences = new NotificationPreferencesService({ db, clock });
  const notifications = new NotificationsService({ clock, recipients, preferences, feed: deps.feed ?? noAccountFeed });
  const delivery = new DeliveryService({ config, log, clock, db, pubsub, vapid, recipients, preferences });
  const feed = new NotificationFeedService({ db, clock, pubsub });
  const push = new PushSubscriptionsService({ config, db, clock, vapid });
  const loaders = (ctx: GraphQLContext) => notificationsLoaders(ctx, db);
  const retention = notificationRetention({ db, clock, retentionDays: config.NOTIFICATION_RETENTION_DAYS });
  return {
    notifications,
    delivery,
    preferences,
    feed,
    push,
    reseal: (batchSize) => resealVapidKeys(db, deps.cipher, batchSize),
    resolvers: [new NotificationResolver(feed, preferences, push, loaders)],
    nodes: [nodeType('Notification', (viewer, id) => feed.notification(viewer, id), (row) => toNotification(row))],
    jobs: [deliverNotification, pruneNotificationsJob] as ReadonlyArray<JobContract<unknown>>,
    processors: [...notificationProcessors(delivery), retention.processor],
    schedules: [retention.schedule],
    routers: [smsWebhookRouter({ config, delivery })],
    close: () => delivery.close(),
  };
}
