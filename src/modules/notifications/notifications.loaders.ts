/** Per-request loaders of the notification centre. */
import DataLoader from 'dataloader';
import type { Database } from '../../db/client.js';
import { deliveriesOf, type DeliveryRow } from './notifications.repository.js';

export function createNotificationLoaders(db: Database) {
  return {
    deliveriesByNotification: new DataLoader<string, DeliveryRow[]>(async (ids) => {
      const rows = await deliveriesOf(db, ids);
      return ids.map((id) => rows.filter((r) => r.notificationId === id));
    }),
  };
}
