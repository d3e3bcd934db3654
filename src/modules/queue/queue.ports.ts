/**
 * What the queue needs from the owner of bookings, declared here so the queue does not import the
 * bookings module (bookings import the queue's door for check-in; these ports break the cycle).
 * src/app.ts hands the bookings service in as these ports.
 */
import type { Executor } from '../../db/client.js';

export type VisitEnd = 'COMPLETED' | 'NO_SHOW';

export interface VisitOutcomes {
  /** In the ticket's transaction: a checked-in booking's visit ends as `status`, with its event. */
  endVisit(tx: Executor, bookingId: string, status: VisitEnd): Promise<void>;
  /** After commit: the booking's holder hears of the change (bookingUpdated). */
  visitEnded(visit: { bookingId: string; userId: string }): void;
}

/** An appointment place of a service (15 minutes or the service's length) and how many are free. */
export interface FreePlace {
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  available: number;
}

export interface FreePlaces {
  /**
   * Places of a service at a branch between two local days (inclusive, at most a month), as the
   * booking rules offer them; empty when the branch takes no appointments for the service.
   */
  freePlaces(branchId: string, serviceId: string, from: string, to: string): Promise<FreePlace[]>;
}
