/**
 * The notification pipeline's tables. A notification is written in the same transaction as the
 * change that causes it, with one delivery per channel; the outbox row that carries the work to
 * BullMQ is written in that transaction too (see src/jobs/outbox.ts).
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ts } from './columns.js';
import { users } from './accounts.js';

export const notificationCategoryEnum = pgEnum('notification_category', [
  'APPLICATION_STATUS',
  'BOOKING',
  'DOCUMENT_EXPIRY',
  'LOAD_ALERT',
  'SECURITY',
  'CHAT',
  'SYSTEM',
]);
export const notificationChannelEnum = pgEnum('notification_channel', ['EMAIL', 'SMS', 'PUSH', 'IN_APP']);
export const deliveryStatusEnum = pgEnum('delivery_status', ['QUEUED', 'SENT', 'DELIVERED', 'FAILED', 'SKIPPED']);

/**
 * Partitioned by UTC month of `created_at` (migration 0030; README, "Running at national scale"), so
 * the key includes it. A new row's id is a UUIDv7 carrying its `created_at` to the millisecond
 * (src/db/uuid7.ts; the check holds every row to it), so a look-up by id alone reads one month.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').notNull().default(sql`uuid_v7(now())`),
    /** Null for messages to a contact that has no account yet (a registration code). */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    category: notificationCategoryEnum('category').notNull(),
    template: text('template').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    /** Urgent messages (codes, security) skip quiet hours. */
    urgent: boolean('urgent').notNull().default(false),
    /** Codes and other secrets are not shown in the in-app feed. */
    secret: boolean('secret').notNull().default(false),
    /**
     * The rendered texts of the channels a failed delivery may fall back to (messages that
     * matter only: bookings, application status); null for everything else, codes included.
     */
    fallbackContent: jsonb('fallback_content').$type<Partial<Record<'SMS' | 'EMAIL' | 'PUSH', { subject?: string; text: string }>>>(),
    /** Shown in the user's in-app feed (IN_APP chosen for the category, not a secret). */
    inFeed: boolean('in_feed').notNull().default(false),
    readAt: ts('read_at'),
    /** Cleared from the feed by its owner; deliveries keep their history. */
    deletedAt: ts('deleted_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.createdAt] }),
    index('notifications_user_created_idx').on(t.userId, t.createdAt, t.id),
    index('notifications_feed_idx').on(t.userId, t.createdAt, t.id).where(sql`${t.inFeed} AND ${t.deletedAt} IS NULL`),
    check('notifications_id_time', sql`uuid_v7_time(${t.id}) IS NULL OR (${t.createdAt} >= uuid_v7_time(${t.id}) AND ${t.createdAt} < uuid_v7_time(${t.id}) + interval '1 millisecond')`),
  ],
);

/**
 * Partitioned with their notification: by UTC month of the notification's `created_at`, which each
 * delivery carries (`notification_created_at`), so dropping a month drops both halves together.
 * No foreign key to `notifications` (one to a partitioned table needs its whole key, and detaching
 * a referenced month checks every delivery): deliveries are only written for a notification just
 * written or read. A new delivery's id is a UUIDv7 of its notification's millisecond, so a look-up
 * by the delivery's id alone reads one month too.
 */
export const deliveries = pgTable(
  'deliveries',
  {
    id: uuid('id').notNull().default(sql`uuid_v7(now())`),
    notificationId: uuid('notification_id').notNull(),
    notificationCreatedAt: ts('notification_created_at').notNull(),
    channel: notificationChannelEnum('channel').notNull(),
    /** Phone or e-mail address the message goes to. */
    destination: text('destination'),
    /** The rendered message: SMS text, or e-mail subject and text. */
    content: jsonb('content').$type<{ subject?: string; text: string }>().notNull(),
    status: deliveryStatusEnum('status').notNull().default('QUEUED'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    providerRef: text('provider_ref'),
    sentAt: ts('sent_at'),
    deliveredAt: ts('delivered_at'),
    /** Held back by quiet hours until this moment (the outbox job is delayed until then). */
    scheduledFor: ts('scheduled_for'),
    /** Sent because the delivery with this id failed for good (one fallback per notification). */
    fallbackOf: uuid('fallback_of'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.notificationCreatedAt] }),
    uniqueIndex('deliveries_notification_channel_key').on(t.notificationId, t.channel, t.notificationCreatedAt),
    check('deliveries_id_time', sql`uuid_v7_time(${t.id}) IS NULL OR (${t.notificationCreatedAt} >= uuid_v7_time(${t.id}) AND ${t.notificationCreatedAt} < uuid_v7_time(${t.id}) + interval '1 millisecond')`),
    index('deliveries_provider_ref_idx').on(t.providerRef),
    check('deliveries_attempts', sql`${t.attempts} >= 0`),
  ],
);

/**
 * Transactional outbox: jobs written with the change that causes them, moved to BullMQ by the
 * relay once committed. Nothing is lost when Redis is down at commit time. Partitioned by UTC day
 * of `created_at` (custom migration 0029, src/jobs/outbox-retention.ts), so the primary key
 * includes it; whole days past OUTBOX_RETENTION_DAYS are dropped once nothing in them is needed.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
    job: text('job').notNull(),
    payload: jsonb('payload').$type<unknown>().notNull(),
    /** BullMQ job id: a relay that runs twice cannot enqueue the same work twice. */
    jobId: text('job_id').notNull(),
    delayMs: integer('delay_ms').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    relayedAt: ts('relayed_at'),
    /** The request that wrote the row (requestId) and its trace context (W3C traceparent), for the job's logs and spans. */
    meta: jsonb('meta').$type<Record<string, string>>(),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.createdAt] }),
    index('outbox_pending_idx').on(t.id).where(sql`${t.relayedAt} IS NULL`),
  ],
);
