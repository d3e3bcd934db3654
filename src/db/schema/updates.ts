/**
 * The account feed (accountUpdates): every event concerning a user, numbered per user in commit
 * order, kept at least ACCOUNT_UPDATES_RETENTION_HOURS so a client that reconnects with its cursor
 * replays what it missed. `account_feed_heads` holds each user's last number: appending takes its
 * row lock until commit, so a user's events commit in the order of their numbers and a reader that
 * saw number n never later finds an n-1 appearing behind it.
 */
import { bigint, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { ts } from './columns.js';

export const accountFeedHeads = pgTable('account_feed_heads', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  seq: bigint('seq', { mode: 'number' }).notNull(),
});

export const accountEvents = pgTable(
  'account_events',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    /** BOOKING, TICKET, APPLICATION_EVENT, NOTIFICATION, CHAT_MESSAGE, PAYMENT (src/shared/account-feed.ts). */
    kind: text('kind').notNull(),
    subjectId: text('subject_id').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.seq] }), index('account_events_at_idx').on(t.at)],
);
