/** Per-request loaders of the notification centre: a notification's deliveries, batched. */
import DataLoader from 'dataloader';
import type { Database } from '../../db/client.js';
import { perRequest } from '../../shared/graphql/context.js';
import { deliveriesOf, type DeliveryRow } from './notifications.repository.js';

export function createNotificationLoaders(db: Database) {
  return {
    deliveriesByNotification: new DataLoader<string, DeliveryRow[]>(async (ids) => {
      const rows = await deliveriesOf(db, ids);
      return ids.map((id) => rows.filter((r) => r.notificationId === id));
    }),
  };
}

export type NotificationLoaders = ReturnType<typeof createNotificationLoaders>;

/** The loaders of the current operation: `notificationsLoaders(ctx, db)`. */
export const notificationsLoaders = perRequest((db: Database) => createNotificationLoaders(db));
