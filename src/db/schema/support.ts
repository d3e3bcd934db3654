/**
 * Feedback (praise, remarks, complaints with an answer deadline) and chats between citizens and
 * operators. A subject is a booking, an application or a branch; the branch decides which
 * operators see a complaint or a chat.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';
import { users } from './accounts.js';
import { applications } from './applications.js';
import { branches } from './branches.js';

export const feedbackKindEnum = pgEnum('feedback_kind', ['PRAISE', 'REMARK', 'COMPLAINT', 'REQUEST']);
/** Support cases (complaints and requests for help): CRITICAL answered within SUPPORT_CRITICAL_MINUTES, NORMAL within SUPPORT_NORMAL_MINUTES. */
export const supportPriorityEnum = pgEnum('support_priority', ['CRITICAL', 'NORMAL']);

export const feedback = pgTable(
  'feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: feedbackKindEnum('kind').notNull(),
    rating: integer('rating'),
    text: text('text'),
    /** 'APPLICATION', 'BOOKING', 'BRANCH' or 'GENERAL' (a help request: its own id), and its id: one feedback per subject per user. */
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    applicationId: uuid('application_id').references(() => applications.id, { onDelete: 'cascade' }),
    bookingId: uuid('booking_id'),
    /** The branch whose operators see and answer it (from the subject); null: the general line. */
    branchId: uuid('branch_id').references(() => branches.id, { onDelete: 'set null' }),
    answer: text('answer'),
    answeredAt: ts('answered_at'),
    answeredBy: uuid('answered_by').references(() => users.id, { onDelete: 'set null' }),
    /** Complaints: the answer is due by then; `overdueAt` is set by the sweep once it passes unanswered. */
    answerDueAt: ts('answer_due_at'),
    overdueAt: ts('overdue_at'),
    priority: supportPriorityEnum('priority').notNull().default('NORMAL'),
    /** Cases only: ОБР-2026-0000042 (a per-year counter, support_case_counters). */
    caseNumber: text('case_number'),
    /** The staff member who last replied on the case (answer or follow-up): told of the citizen's follow-ups; cleared when deactivated. */
    assignedTo: uuid('assigned_to').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('feedback_user_subject_key').on(t.userId, t.subjectType, t.subjectId),
    uniqueIndex('feedback_case_number_key').on(t.caseNumber),
    index('feedback_assigned_idx').on(t.assignedTo).where(sql`${t.assignedTo} IS NOT NULL`),
    index('feedback_branch_idx').on(t.branchId, t.createdAt),
    index('feedback_due_idx').on(t.answerDueAt).where(sql`${t.answer} IS NULL AND ${t.overdueAt} IS NULL`),
    check('feedback_rating', sql`${t.rating} IS NULL OR ${t.rating} BETWEEN 1 AND 5`),
  ],
);

/** The thread of a support case: additions by the citizen and by the answering staff. */
export const feedbackFollowUps = pgTable(
  'feedback_follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    feedbackId: uuid('feedback_id')
      .notNull()
      .references(() => feedback.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    fromStaff: boolean('from_staff').notNull(),
    authorName: text('author_name').notNull(),
    text: text('text').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('feedback_follow_ups_feedback_idx').on(t.feedbackId, t.createdAt, t.id)],
);

/** Case numbers per calendar year: one row per year, incremented in the case's transaction. */
export const supportCaseCounters = pgTable('support_case_counters', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull().default(0),
});

export const chatThreads = pgTable(
  'chat_threads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    applicationId: uuid('application_id').references(() => applications.id, { onDelete: 'cascade' }),
    /** Null: the general line, answered by any operator. */
    branchId: uuid('branch_id').references(() => branches.id, { onDelete: 'set null' }),
    open: boolean('open').notNull().default(true),
    closedAt: ts('closed_at'),
    lastMessageAt: ts('last_message_at').notNull().defaultNow(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('chat_threads_user_idx').on(t.userId, t.lastMessageAt), index('chat_threads_branch_open_idx').on(t.branchId, t.open)],
);

export const chatMessages = pgTable(
  'chat_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => chatThreads.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** CITIZEN, OPERATOR or SYSTEM. */
    authorRole: text('author_role').notNull(),
    authorName: text('author_name').notNull(),
    text: text('text').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('chat_messages_thread_idx').on(t.threadId, t.createdAt, t.id)],
);
