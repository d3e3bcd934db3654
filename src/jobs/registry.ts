/** Every job contract of the application: the worker refuses to start when one has no processor. */
import { z } from 'zod';
import { defineJob, type JobContract } from './define.js';


export const sampleLoad = defineJob({
  name: 'queue.sampleLoad',
  queue: 'maintenance',
  schema: z.object({}),
});

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

export const allJobs: ReadonlyArray<JobContract<unknown>> = [sampleLoad, expireBooking, sweepBookings, remindBooking] as ReadonlyArray<JobContract<unknown>>;
