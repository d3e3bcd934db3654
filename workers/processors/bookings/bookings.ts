/** Booking jobs: expiry of unconfirmed bookings, the periodic sweep, the 24-hour reminder. */
import { UnrecoverableError, type Job } from 'bullmq';
import { expireBooking, remindBooking, sweepBookings } from '../../../src/jobs/registry.js';
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

export async function remindBookingProcessor(job: Job, deps: ProcessorDeps): Promise<string> {
  const parsed = remindBooking.schema.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`bad payload: ${parsed.error.message}`);
  return (await deps.services.bookings.remind(parsed.data.bookingId, parsed.data.startsAt)) ? 'SENT' : 'STALE';
}
