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
    eventsByBooking: new DataLoader<string, BookingEventRow[]>(async (ids) => {
      const rows = await repo.eventsOf(db, ids);
      return groupByKeys(ids, rows, (r) => r.bookingId);
    }),
  };
}

/** The module's loaders for one operation: `bookingsLoaders(ctx, db)`. */
export const bookingsLoaders = perRequest((db: Database) => createBookingLoaders(db));
