/** bookings.expire: a booking still unconfirmed at its confirmBy gives its place back (no-op otherwise). */
import { UnrecoverableError, type Job } from 'bullmq';
import { expireBooking, sweepBookings } from '../../../src/jobs/registry.js';
import type { ProcessorDeps } from '../types.js';

export async function expireBookingProcessor(job: Job, deps: ProcessorDeps): Promise<string> {
  const parsed = expireBooking.schema.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`bad payload: ${parsed.error.message}`);
  const expired = await deps.services.bookings.expire(parsed.data.bookingId);
  return expired ? 'EXPIRED' : 'UNCHANGED';
}

export async function sweepBookingsProcessor(job: Job, deps: ProcessorDeps): Promise<number> {
  if (!sweepBookings.schema.safeParse(job.data).success) throw new UnrecoverableError('bad payload');
  return deps.services.bookings.sweepExpired();
}
