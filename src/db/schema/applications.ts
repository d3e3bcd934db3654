/**
 * Applications for services: the current state (data, attachments, status), every submitted
 * version, the status timeline and the comments. Status changes are compare-and-set on the
 * status column, so two operators moving one application at once give one success.
 */
import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { roleEnum, users } from './accounts.js';
import { branches } from './branches.js';
import { services } from './catalog.js';
import { ts } from './columns.js';
import { dependants } from './family.js';
import { attachments } from './documents.js';

export const applicationStatusEnum = pgEnum('application_status', [
  'DRAFT',
  'SUBMITTED',
  'ACCEPTED',
  'IN_PROGRESS',
  'ACTION_REQUIRED',
  'READY_FOR_PICKUP',
  'COMPLETED',
  'REJECTED',
  'CANCELLED',
]);
export const applicationActorEnum = pgEnum('application_actor', ['CITIZEN', 'OPERATOR', 'ADMIN', 'SYSTEM']);

export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** MFC-2026-0000123, assigned on submission. */
    number: text('number'),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    branchId: uuid('branch_id').references(() => branches.id),
    /** Set when the citizen acts for a dependant (their child or ward). */
    forDependantId: uuid('for_dependant_id').references(() => dependants.id),
    status: applicationStatusEnum('status').notNull().default('DRAFT'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    attachmentIds: uuid('attachment_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** The version the current data is (1 until the first amendment). */
    version: integer('version').notNull().default(1),
    resultAttachmentId: uuid('result_attachment_id').references(() => attachments.id),
    dueDate: date('due_date', { mode: 'string' }),
    submittedAt: ts('submitted_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('applications_number_key').on(t.number),
    index('applications_user_idx').on(t.userId, t.createdAt, t.id),
    index('applications_branch_idx').on(t.branchId, t.status, t.submittedAt).where(sql`${t.status} <> 'DRAFT'`),
    // The staff queue's page (oldest submission first) read in order, not sorted: at national scale a branch holds thousands.
    index('applications_branch_queue_idx').on(t.branchId, t.submittedAt, t.id).where(sql`${t.status} <> 'DRAFT'`),
    check('applications_version', sql`${t.version} >= 1`),
    check('applications_submitted', sql`(${t.status} = 'DRAFT') = (${t.submittedAt} IS NULL) AND (${t.status} = 'DRAFT') = (${t.number} IS NULL)`),
  ],
);

/** Submitted versions, all kept: version 1 at submission, one more per amendment. */
export const applicationVersions = pgTable(
  'application_versions',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    attachmentIds: uuid('attachment_ids').array().notNull(),
    branchId: uuid('branch_id').references(() => branches.id),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.version] })],
);

/** The timeline: every status change (and announced amendment) with time, actor and comment. */
export const applicationEvents = pgTable(
  'application_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    status: applicationStatusEnum('status').notNull(),
    actor: applicationActorEnum('actor').notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    comment: text('comment'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('application_events_application_idx').on(t.applicationId, t.at, t.id)],
);

export const applicationComments = pgTable(
  'application_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorRole: roleEnum('author_role').notNull(),
    authorName: text('author_name').notNull(),
    text: text('text').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('application_comments_application_idx').on(t.applicationId, t.createdAt)],
);

/** Application numbers per calendar year: MFC-2026-0000001, … (one row per year, incremented in the submission's transaction). */
export const applicationCounters = pgTable('application_counters', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull().default(0),
});
