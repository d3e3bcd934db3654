/**
 * What the queue needs from the owner of bookings, declared here so the queue does not import the
 * bookings module (bookings import the queue's door for check-in; this port breaks the cycle).
 * src/app.ts hands the bookings service in as this port.
 */
import type { Executor } from '../../db/client.js';

export type VisitEnd = 'COMPLETED' | 'NO_SHOW';

export interface VisitOutcomes {
  /** In the ticket's transaction: a checked-in booking's visit ends as `status`, with its event. */
  endVisit(tx: Executor, bookingId: string, status: VisitEnd): Promise<void>;
  /** After commit: the booking's holder hears of the change (bookingUpdated). */
  visitEnded(visit: { bookingId: string; userId: string }): void;
}
