/**
 * What other modules may read of bookings, through the front door: a booking by id (feedback
 * checks whose visit it is, its status and branch). Changes to bookings stay in this module.
 */
import type { Database, Executor } from '../../db/client.js';
import * as repo from './bookings.repository.js';
import type { BookingRow } from './bookings.repository.js';

export interface BookingsDirectory {
  /** A booking by id, read with `tx` when given (inside the caller's transaction). */
  bookingById(id: string, tx?: Executor): Promise<BookingRow | undefined>;
}

export function createBookingsDirectory(db: Database): BookingsDirectory {
  return {
    bookingById: (id, tx = db) => repo.findBooking(tx, id),
  };
}
