/**
 * The documents module's jobs: contracts (shared by the outbox producer and the worker), their
 * processors (which call the door services) and their schedules. Both run daily on the
 * maintenance queue.
 */
import { z } from 'zod';
import type { Config } from '../../config/env.js';
import { defineJob, defineProcessor, defineSchedule, type JobContract, type ProcessorDefinition, type ScheduleDefinition } from '../../jobs/define.js';
import type { AttachmentsService } from './attachments.service.js';
import { DOCUMENTS_TIMEZONE } from './documents.rules.js';
import type { DocumentsService } from './documents.service.js';

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

const DAY_MS = 86_400_000;

export function documentsJobs(deps: { config: Config; documents: DocumentsService; attachments: AttachmentsService }): {
  jobs: ReadonlyArray<JobContract<unknown>>;
  processors: ProcessorDefinition[];
  schedules: ScheduleDefinition[];
} {
  return {
    jobs: [remindExpiringDocuments, pruneOrphanAttachments] as ReadonlyArray<JobContract<unknown>>,
    processors: [defineProcessor(remindExpiringDocuments, () => deps.documents.remindExpiring()), defineProcessor(pruneOrphanAttachments, () => deps.attachments.pruneOrphans())],
    schedules: [
      // The reminder cron is read in Moscow time, like the documents' dates.
      defineSchedule(remindExpiringDocuments, { pattern: deps.config.DOCUMENT_EXPIRY_CRON, tz: DOCUMENTS_TIMEZONE }),
      defineSchedule(pruneOrphanAttachments, { every: DAY_MS }),
    ],
  };
}
