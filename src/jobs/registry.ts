/** Every job contract of the application: the worker refuses to start when one has no processor. */
import { z } from 'zod';
import { defineJob, type JobContract } from './define.js';

export const pruneAccounts = defineJob({
  name: 'accounts.prune',
  queue: 'maintenance',
  schema: z.object({}),
});


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

/** Daily: owners of documents expiring within DOCUMENT_EXPIRY_REMINDER_DAYS are reminded once. */
export const remindExpiringDocuments = defineJob({
  name: 'documents.remindExpiring',
  queue: 'maintenance',
  schema: z.object({}),
});

/** Daily: uploads nothing refers to after ATTACHMENT_ORPHAN_HOURS are deleted, with their files. */
export const pruneOrphanAttachments = defineJob({
  name: 'documents.pruneOrphans',
  queue: 'maintenance',
  schema: z.object({}),
});

export const allJobs: ReadonlyArray<JobContract<unknown>> = [pruneAccounts, sampleLoad, expireBooking, sweepBookings, remindBooking, remindExpiringDocuments, pruneOrphanAttachments] as ReadonlyArray<JobContract<unknown>>;
