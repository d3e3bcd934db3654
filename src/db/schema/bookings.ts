/**
 * Bookings (appointments). No place is ever given twice: every 15-minute place of a branch's
 * service is a row of `slot_places` whose CHECK (taken <= capacity) PostgreSQL enforces under any
 * concurrency (the row lock serializes the increments; the CHECK refuses the one too many). A
 * citizen's active bookings cannot overlap in time: an exclusion constraint (migration 0007).
 */
import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, date, index, integer, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { branches } from './branches.js';
import { services } from './catalog.js';
import { ts } from './columns.js';
import { dependants } from './family.js';

export const bookingStatusEnum = pgEnum('booking_status', ['PENDING_CONFIRMATION', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED', 'CANCELLED', 'EXPIRED', 'NO_SHOW']);

export const slotPlaces = pgTable(
  'slot_places',
  {
    branchId: uuid('branch_id')
      .notNull()
      .references(() => branches.id, { onDelete: 'cascade' }),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    startsAt: ts('starts_at').notNull(),
    taken: integer('taken').notNull().default(0),
    capacity: integer('capacity').notNull(),
  },
  (t) => [primaryKey({ columns: [t.branchId, t.serviceId, t.startsAt] }), check('slot_places_taken', sql`${t.taken} >= 0 AND ${t.taken} <= ${t.capacity}`)],
);

/**
 * Each citizen's count of active bookings (PENDING_CONFIRMATION, CONFIRMED, CHECKED_IN), kept by a
 * trigger on `bookings` (migration 0029) on every insert and status change, whatever code path
 * makes it. The booking statement locks the citizen's row and checks BOOKING_MAX_ACTIVE against
 * its latest version, so simultaneous bookings of one citizen queue on it and the limit holds
 * (a count of `bookings` in the statement's snapshot cannot see a booking not yet committed).
 */
export const bookingHolders = pgTable(
  'booking_holders',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    active: integer('active').notNull().default(0),
  },
  (t) => [check('booking_holders_active_not_negative', sql`${t.active} >= 0`)],
);

export const bookings = pgTable(
  'bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    branchId: uuid('branch_id')
      .notNull()
      .references(() => branches.id),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    /** Set when the citizen acts for a dependant (their child or ward). */
    forDependantId: uuid('for_dependant_id').references(() => dependants.id),
    purpose: text('purpose'),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    originalStartsAt: ts('original_starts_at').notNull(),
    status: bookingStatusEnum('status').notNull().default('PENDING_CONFIRMATION'),
    confirmBy: ts('confirm_by'),
    rescheduleCount: integer('reschedule_count').notNull().default(0),
    /** A client's retry with the same Idempotency-Key gets the same booking. */
    idempotencyKey: text('idempotency_key'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('bookings_number_key').on(t.number),
    uniqueIndex('bookings_user_idempotency_key').on(t.userId, t.idempotencyKey),
    index('bookings_user_starts_idx').on(t.userId, t.startsAt),
    index('bookings_pending_idx').on(t.confirmBy).where(sql`${t.status} = 'PENDING_CONFIRMATION'`),
    check('bookings_time_order', sql`${t.startsAt} < ${t.endsAt}`),
    check('bookings_reschedules', sql`${t.rescheduleCount} >= 0`),
  ],
);

/**
 * A booking's history. Partitioned by UTC month of `at` (migration 0031; README, "Running at
 * national scale"), so the key includes it; an event is never older than its booking, so a read of
 * bookings' histories bounds `at` by their creation.
 */
export const bookingEvents = pgTable(
  'booking_events',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    status: bookingStatusEnum('status').notNull(),
    at: ts('at').notNull(),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.id, t.at] }), index('booking_events_booking_idx').on(t.bookingId, t.at)],
);

/** "Tell me when a place frees up": fires once; a freed place is held for the first watcher in order of watching. */
export const slotWatches = pgTable(
  'slot_watches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    branchId: uuid('branch_id')
      .notNull()
      .references(() => branches.id, { onDelete: 'cascade' }),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }).notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull(),
    firedAt: ts('fired_at'),
    /** The freed place held for this watcher (an unconfirmed booking); set once: one hold per watch. */
    heldBookingId: uuid('held_booking_id').references(() => bookings.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('slot_watches_active_idx').on(t.branchId, t.serviceId, t.fromDate).where(sql`${t.active}`),
    index('slot_watches_user_idx').on(t.userId, t.createdAt),
    uniqueIndex('slot_watches_held_booking_key').on(t.heldBookingId),
    check('slot_watches_range', sql`${t.fromDate} <= ${t.toDate}`),
  ],
);

/**
 * A citizen's subscribable calendar feed (webcal) of their visits. The secret URL is not stored:
 * it is an HMAC of the user id and `generation` (src/modules/bookings/calendar-feed.ts), so a
 * reset (generation + 1) kills every earlier URL. No row: generation 0.
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    generation: integer('generation').notNull().default(0),
    resetAt: ts('reset_at').notNull(),
  },
  (t) => [check('calendar_feeds_generation', sql`${t.generation} >= 0`)],
);
