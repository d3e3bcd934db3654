/**
 * The bookings' jobs: expiry of an unconfirmed booking (delayed, at its confirmBy), the periodic
 * sweep (lost expiries, missed visits), the reminder before a visit, and a schedule change's
 * re-check. Each processor calls the bookings door service.
 */
import { z } from 'zod';
import type { ScheduleChange } from '../branches/index.js';
import { defineJob, defineProcessor, defineSchedule, type JobContract, type ProcessorDefinition, type ScheduleDefinition } from '../../jobs/define.js';

/** Expires a booking still unconfirmed at its confirmBy (delayed job; a no-op once confirmed). */
export const expireBooking = defineJob({
  name: 'bookings.expire',
  queue: 'maintenance',
  schema: z.object({ bookingId: z.uuid() }),
});

/** Periodic safety net: expires every booking past its confirmBy (in case a delayed job was lost). */
export const sweepBookings = defineJob({
  name: 'bookings.sweep',
  queue: 'maintenance',
  schema: z.object({}),
});

/** The reminder 24 hours before a visit; a stale one (moved or cancelled visit) does nothing. */
export const remindBooking = defineJob({
  name: 'bookings.remind',
  queue: 'maintenance',
  schema: z.object({ bookingId: z.uuid(), startsAt: z.iso.datetime() }),
});

/**
 * A schedule change looks again, BOOKING_SCHEDULE_RECHECK_SECONDS after its commit, for bookings
 * that no longer fit: one whose statement committed after the change's transaction looked (or that
 * an instance booked from hours it had cached until the change's broadcast reached it).
 */
export const recheckSchedule = defineJob({
  name: 'bookings.recheckSchedule',
  queue: 'maintenance',
  schema: z.object({ branchId: z.uuid(), date: z.iso.date().optional(), reason: z.string() }),
});

/** Periodic: the months ahead of bookings' histories created, whole months past BOOKING_EVENTS_RETENTION_DAYS dropped. */
export const pruneBookingEventsJob = defineJob({
  name: 'bookings.pruneEvents',
  queue: 'maintenance',
  schema: z.object({}),
});

/** What the processors call (BookingsService). */
export interface BookingJobsHandler {
  expire(bookingId: string): Promise<unknown>;
  sweepExpired(): Promise<number>;
  remind(bookingId: string, startsAt: string): Promise<boolean>;
  recheckSchedule(change: ScheduleChange): Promise<number>;
  pruneEvents(): Promise<unknown>;
}

const SWEEP_EVERY_MS = 60_000;
const PRUNE_EVENTS_EVERY_MS = 6 * 3_600_000;

export function bookingJobs(bookings: BookingJobsHandler): {
  jobs: ReadonlyArray<JobContract<unknown>>;
  processors: ProcessorDefinition[];
  schedules: ScheduleDefinition[];
} {
  return {
    jobs: [expireBooking, sweepBookings, remindBooking, recheckSchedule, pruneBookingEventsJob] as ReadonlyArray<JobContract<unknown>>,
    processors: [
      defineProcessor(expireBooking, async ({ bookingId }) => ((await bookings.expire(bookingId)) ? 'EXPIRED' : 'UNCHANGED')),
      defineProcessor(sweepBookings, () => bookings.sweepExpired()),
      defineProcessor(remindBooking, async ({ bookingId, startsAt }) => ((await bookings.remind(bookingId, startsAt)) ? 'SENT' : 'STALE')),
      defineProcessor(recheckSchedule, (change) => bookings.recheckSchedule(change)),
      defineProcessor(pruneBookingEventsJob, () => bookings.pruneEvents()),
    ],
    schedules: [defineSchedule(sweepBookings, { every: SWEEP_EVERY_MS }), defineSchedule(pruneBookingEventsJob, { every: PRUNE_EVENTS_EVERY_MS })],
  };
}
