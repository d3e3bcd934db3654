/**
 * The notification centre's own tables: each user's channel preferences and quiet hours, and the
 * web-push subscriptions of their browsers and devices. The feed itself is `notifications`.
 */
import { jsonb, pgTable, text, uniqueIndex, uuid, index } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';
import { users } from './accounts.js';

export type ChannelName = 'EMAIL' | 'SMS' | 'PUSH' | 'IN_APP';

export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** Category -> chosen channels; a category not present here uses the defaults. */
  categories: jsonb('categories').$type<Partial<Record<string, ChannelName[]>>>().notNull().default({}),
  /** Local HH:MM in `timezone`; both null means no quiet hours. */
  quietHoursStart: text('quiet_hours_start'),
  quietHoursEnd: text('quiet_hours_end'),
  timezone: text('timezone').notNull().default('Europe/Moscow'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    endpoint: text('endpoint').notNull(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    userAgent: text('user_agent'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('push_subscriptions_endpoint_key').on(t.endpoint), index('push_subscriptions_user_idx').on(t.userId)],
);
