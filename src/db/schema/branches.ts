/**
 * Branches (offices) with their regions, weekly hours, dated exceptions and the services they
 * offer. Times of day are local to the branch's IANA time zone; everything else is UTC.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, doublePrecision, index, integer, pgTable, primaryKey, smallint, text, time, uuid } from 'drizzle-orm/pg-core';
import { services } from './catalog.js';
import { ts } from './columns.js';

export const regions = pgTable('regions', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
});

export const branches = pgTable(
  'branches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    locality: text('locality').notNull(),
    address: text('address').notNull(),
    lat: doublePrecision('lat').notNull(),
    lon: doublePrecision('lon').notNull(),
    timezone: text('timezone').notNull(),
    phone: text('phone'),
    windows: integer('windows').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('branches_region_locality_idx').on(t.regionCode, t.locality),
    // A bounding box on (lat, lon) narrows "near" queries before the exact haversine distance.
    index('branches_lat_lon_idx').on(t.lat, t.lon),
    index('branches_name_idx').on(t.name),
    check('branches_lat', sql`${t.lat} BETWEEN -90 AND 90`),
    check('branches_lon', sql`${t.lon} BETWEEN -180 AND 180`),
    check('branches_windows', sql`${t.windows} BETWEEN 1 AND 200`),
  ],
);

export const workingHours = pgTable(
  'working_hours',
  {
    branchId: uuid('branch_id')
      .notNull()
      .references(() => branches.id, { onDelete: 'cascade' }),
    weekday: smallint('weekday').notNull(),
    opens: time('opens').notNull(),
    closes: time('closes').notNull(),
    breakStart: time('break_start'),
    breakEnd: time('break_end'),
  },
  (t) => [
    primaryKey({ columns: [t.branchId, t.weekday] }),
    check('working_hours_weekday', sql`${t.weekday} BETWEEN 1 AND 7`),
    check('working_hours_order', sql`${t.opens} < ${t.closes}`),
    check(
      'working_hours_break',
      sql`(${t.breakStart} IS NULL AND ${t.breakEnd} IS NULL) OR (${t.breakStart} IS NOT NULL AND ${t.breakEnd} IS NOT NULL AND ${t.opens} < ${t.breakStart} AND ${t.breakStart} < ${t.breakEnd} AND ${t.breakEnd} < ${t.closes})`,
    ),
  ],
);

export const scheduleExceptions = pgTable(
  'schedule_exceptions',
  {
    branchId: uuid('branch_id')
      .notNull()
      .references(() => branches.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    closed: boolean('closed').notNull(),
    opens: time('opens'),
    closes: time('closes'),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.branchId, t.date] }),
    check('schedule_exceptions_hours', sql`${t.closed} OR (${t.opens} IS NOT NULL AND ${t.closes} IS NOT NULL AND ${t.opens} < ${t.closes})`),
  ],
);

export const branchServices = pgTable(
  'branch_services',
  {
    branchId: uuid('branch_id')
      .notNull()
      .references(() => branches.id, { onDelete: 'cascade' }),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    /** Appointments per 15-minute place: the windows serving this service by appointment. */
    capacity: integer('capacity').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.branchId, t.serviceId] }),
    index('branch_services_service_idx').on(t.serviceId),
    check('branch_services_capacity', sql`${t.capacity} BETWEEN 1 AND 50`),
  ],
);
