/** Per-request loaders of bookings. */
import DataLoader from 'dataloader';
import type { Database } from '../../db/client.js';
import { perRequest } from '../../shared/graphql/context.js';
import { byKeys, groupByKeys } from '../../shared/ids.js';
import * as repo from './bookings.repository.js';
import type { BookingEventRow, BookingRow } from './bookings.repository.js';

export function createBookingLoaders(db: Database) {
  return {
    bookingById: new DataLoader<string, BookingRow | null>(async (ids) => byKeys(ids, await repo.findBookingsByIds(db, ids), (r) => r.id)),
    /** By booking (its id and creation: the history's months start there). */
    eventsByBooking: new DataLoader<{ id: string; createdAt: Date }, BookingEventRow[], string>(
      async (keys) => {
        const rows = await repo.eventsOf(db, keys);
        return groupByKeys(keys.map((k) => k.id), rows, (r) => r.bookingId);
      },
      { cacheKeyFn: (k) => k.id },
    ),
  };
}

/** The module's loaders for one operation: `bookingsLoaders(ctx, db)`. */
export const bookingsLoaders = perRequest((db: Database) => createBookingLoaders(db));
