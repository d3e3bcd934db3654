/**
 * The electronic queue: open windows, tickets numbered per branch and day, load samples (24 hours
 * kept) and load alerts. Ticket numbers are unique per branch and local day by constraint; the
 * counter row is the point of serialization under concurrent takeTicket calls.
 */
import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, date, index, integer, pgEnum, pgTable, primaryKey, real, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { branches } from './branches.js';
import { services } from './catalog.js';
import { ts } from './columns.js';

export const ticketStatusEnum = pgEnum('ticket_status', ['WAITING', 'CALLED', 'SERVING', 'COMPLETED', 'NO_SHOW', 'CANCELLED']);

/** A row per open window; closing a window deletes it. */
export const branchWindows = pgTable(
  'branch_windows',
  {
    branchId: uuid('branch_id')
      .notNull()
      .references(() => branches.id, { onDelete: 'cascade' }),
    number: smallint('number').notNull(),
    operatorId: uuid('operator_id').references(() => users.id, { onDelete: 'set null' }),
    openedAt: ts('opened_at').notNull(),
    /** The ticket at the window now; null: the window is free. */
    ticketId: uuid('ticket_id'),
  },
  (t) => [primaryKey({ columns: [t.branchId, t.number] }), check('branch_windows_number', sql`${t.number} >= 1`)],
);

export const ticketCounters = pgTable(
  'ticket_counters',
  {
    branchId: uuid('branch_id')
      .notNull()
      .references(() => branches.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.branchId, t.day] })],
);

export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    branchId: uuid('branch_id')
      .notNull()
      .references(() => branches.id, { onDelete: 'cascade' }),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Set for tickets made from a booking at check-in (bookings arrive with their own issue). */
    bookingId: uuid('booking_id'),
    /** The branch's local day the ticket belongs to. */
    day: date('day', { mode: 'string' }).notNull(),
    seq: integer('seq').notNull(),
    number: text('number').notNull(),
    /** 0: booked visitor (called first), 1: walk-in. */
    priority: smallint('priority').notNull().default(1),
    status: ticketStatusEnum('status').notNull().default('WAITING'),
    window: smallint('window'),
    issuedAt: ts('issued_at').notNull(),
    calledAt: ts('called_at'),
    completedAt: ts('completed_at'),
    /** Why the ticket ended other than at a window (e.g. "отделение закрылось"). */
    note: text('note'),
    /** Who issued a walk-in ticket (an operator; later the hall's kiosk client); null: taken by its holder. */
    issuedBy: uuid('issued_by'),
    /** "Almost your turn": tell the holder once when this many or fewer are ahead. */
    alertWhenAhead: integer('alert_when_ahead'),
    /** When that alert fired (it fires once per threshold set). */
    alertedAt: ts('alerted_at'),
  },
  (t) => [
    uniqueIndex('tickets_branch_day_seq_key').on(t.branchId, t.day, t.seq),
    uniqueIndex('tickets_branch_day_number_key').on(t.branchId, t.day, t.number),
    index('tickets_waiting_idx').on(t.branchId, t.priority, t.issuedAt).where(sql`${t.status} = 'WAITING'`),
    index('tickets_branch_called_idx').on(t.branchId, t.calledAt),
    index('tickets_user_idx').on(t.userId, t.issuedAt),
    check('tickets_seq', sql`${t.seq} >= 1`),
    check('tickets_called_has_window', sql`${t.status} NOT IN ('CALLED', 'SERVING') OR ${t.window} IS NOT NULL`),
    check('tickets_alert_when_ahead', sql`${t.alertWhenAhead} IS NULL OR ${t.alertWhenAhead} >= 0`),
    index('tickets_user_active_idx').on(t.userId).where(sql`${t.status} IN ('WAITING', 'CALLED', 'SERVING')`),
  ],
);

/**
 * Raw load samples: partitioned by day of `at` (custom migration 0027, src/db/partitions.ts), so the
 * primary key includes `at`; whole days past LOAD_HISTORY_HOURS are dropped, not deleted row by row.
 */
export const branchLoadSamples = pgTable(
  'branch_load_samples',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
    branchId: uuid('branch_id')
      .notNull()
      .references(() => branches.id, { onDelete: 'cascade' }),
    at: ts('at').notNull(),
    waiting: integer('waiting').notNull(),
    averageWaitMinutes: integer('average_wait_minutes').notNull(),
    openWindows: integer('open_windows').notNull(),
    freeWindows: integer('free_windows').notNull(),
    level: text('level').notNull(),
  },
  (t) => [primaryKey({ columns: [t.id, t.at] }), index('branch_load_samples_branch_at_idx').on(t.branchId, t.at), index('branch_load_samples_at_idx').on(t.at)],
);

export const loadAlerts = pgTable(
  'load_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    branchId: uuid('branch_id')
      .notNull()
      .references(() => branches.id, { onDelete: 'cascade' }),
    maxWaiting: integer('max_waiting').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull(),
    firedAt: ts('fired_at'),
  },
  (t) => [
    index('load_alerts_active_idx').on(t.branchId, t.maxWaiting).where(sql`${t.active}`),
    index('load_alerts_user_idx').on(t.userId, t.createdAt),
    check('load_alerts_max_waiting', sql`${t.maxWaiting} >= 0`),
  ],
);

/**
 * A branch's queue day: when it closes (from its hours and exceptions), when its closing job was
 * scheduled and when the day was closed. The closing is idempotent; this row makes the sweeper
 * schedule each day's job once and find days whose job never ran.
 */
export const queueDays = pgTable(
  'queue_days',
  {
    branchId: uuid('branch_id')
      .notNull()
      .references(() => branches.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    closesAt: ts('closes_at').notNull(),
    closedAt: ts('closed_at'),
  },
  (t) => [primaryKey({ columns: [t.branchId, t.day] }), index('queue_days_open_idx').on(t.closesAt).where(sql`${t.closedAt} IS NULL`)],
);

/**
 * Hourly aggregates of the load samples, by the branch's local hour of week (0 = Monday 00:00),
 * kept LOAD_AGGREGATE_WEEKS: what the forecast reads. Recomputed from the raw samples for the
 * hours they still cover (idempotent upsert).
 */
export const branchLoadHours = pgTable(
  'branch_load_hours',
  {
    branchId: uuid('branch_id')
      .notNull()
      .references(() => branches.id, { onDelete: 'cascade' }),
    hourStart: ts('hour_start').notNull(),
    hourOfWeek: smallint('hour_of_week').notNull(),
    samples: integer('samples').notNull(),
    avgWaiting: real('avg_waiting').notNull(),
    avgOpenWindows: real('avg_open_windows').notNull(),
    avgWaitMinutes: real('avg_wait_minutes').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.branchId, t.hourStart] }),
    index('branch_load_hours_week_idx').on(t.branchId, t.hourOfWeek),
    check('branch_load_hours_hour_of_week', sql`${t.hourOfWeek} BETWEEN 0 AND 167`),
  ],
);
