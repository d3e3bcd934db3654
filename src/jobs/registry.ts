/** Every job contract of the application: the worker refuses to start when one has no processor. */
import { z } from 'zod';
import { defineJob, type JobContract } from './define.js';

export const deliverNotification = defineJob({
  name: 'notifications.deliver',
  queue: 'notifications',
  schema: z.object({ deliveryId: z.uuid() }),
});

export const pruneAccounts = defineJob({
  name: 'accounts.prune',
  queue: 'maintenance',
  schema: z.object({}),
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

/** Periodic: flags complaints whose answer deadline passed unanswered. */
export const flagOverdueComplaints = defineJob({
  name: 'feedback.flagOverdue',
  queue: 'maintenance',
  schema: z.object({}),
});

export const allJobs: ReadonlyArray<JobContract<unknown>> = [deliverNotification, pruneAccounts, remindExpiringDocuments, pruneOrphanAttachments, flagOverdueComplaints] as ReadonlyArray<JobContract<unknown>>;
