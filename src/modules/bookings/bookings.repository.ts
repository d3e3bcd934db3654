/**
 * The only drizzle importer of the bookings module: one function per query, explicit columns. The
 * database's constraints decide races (CHECK on places, exclusion on a citizen's overlapping
 * bookings, unique idempotency key); the functions that hit them answer a domain result instead.
 */
import { and, asc, desc, eq, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { isUniqueViolation, pgErrorCode } from '../../db/errors.js';
import { runPrepared } from '../../db/prepared.js';
import { bookingEvents, bookings, branchServices, slotPlaces, slotWatches } from '../../db/schema/index.js';

export type BookingRow = typeof bookings.$inferSelect;
export type BookingStatus = BookingRow['status'];
export type BookingEventRow = typeof bookingEvents.$inferSelect;
export type SlotWatchRow = typeof slotWatches.$inferSelect;

export const bookingColumns = {
  id: bookings.id,
  number: bookings.number,
  userId: bookings.userId,
  branchId: bookings.branchId,
  serviceId: bookings.serviceId,
  forDependantId: bookings.forDependantId,
  purpose: bookings.purpose,
  startsAt: bookings.startsAt,
  endsAt: bookings.endsAt,
  originalStartsAt: bookings.originalStartsAt,
  status: bookings.status,
  confirmBy: bookings.confirmBy,
  rescheduleCount: bookings.rescheduleCount,
  idempotencyKey: bookings.idempotencyKey,
  createdAt: bookings.createdAt,
  updatedAt: bookings.updatedAt,
};

const eventColumns = { id: bookingEvents.id, bookingId: bookingEvents.bookingId, status: bookingEvents.status, at: bookingEvents.at, note: bookingEvents.note };

export const watchColumns = {
  id: slotWatches.id,
  userId: slotWatches.userId,
  branchId: slotWatches.branchId,
  serviceId: slotWatches.serviceId,
  fromDate: slotWatches.fromDate,
  toDate: slotWatches.toDate,
  active: slotWatches.active,
  createdAt: slotWatches.createdAt,
  firedAt: slotWatches.firedAt,
  heldBookingId: slotWatches.heldBookingId,
};

/** 23514 (CHECK taken <= capacity): the place is full. 23P01 (bookings_no_overlap): the citizen already has a visit then. */
const CHECK_VIOLATION = '23514';
const EXCLUSION_VIOLATION = '23P01';

/** Appointments per place for the service at the branch; null when the branch does not offer it. */
export async function capacityOf(db: Executor, branchId: string, serviceId: string): Promise<number | null> {
  const [row] = await db
    .select({ capacity: branchServices.capacity })
    .from(branchServices)
    .where(and(eq(branchServices.branchId, branchId), eq(branchServices.serviceId, serviceId)));
  return row?.capacity ?? null;
}

export async function setCapacity(db: Executor, branchId: string, serviceId: string, capacity: number): Promise<boolean> {
  const rows = await db
    .update(branchServices)
    .set({ capacity })
    .where(and(eq(branchServices.branchId, branchId), eq(branchServices.serviceId, serviceId)))
    .returning({ capacity: branchServices.capacity });
  // Places not yet full follow the new capacity (never below what is taken: the CHECK holds).
  await db.execute(sql`UPDATE ${slotPlaces} SET capacity = GREATEST(${capacity}, taken) WHERE branch_id = ${branchId} AND service_id = ${serviceId} AND starts_at > now()`);
  return rows.length === 1;
}

/** Places taken per start, between two instants. */
export async function takenBetween(db: Executor, p: { branchId: string; serviceId: string; from: Date; to: Date }): Promise<Map<number, number>> {
  const rows = await db
    .select({ startsAt: slotPlaces.startsAt, taken: slotPlaces.taken })
    .from(slotPlaces)
    .where(and(eq(slotPlaces.branchId, p.branchId), eq(slotPlaces.serviceId, p.serviceId), gte(slotPlaces.startsAt, p.from), lt(slotPlaces.startsAt, p.to)));
  return new Map(rows.map((r) => [r.startsAt.getTime(), r.taken]));
}

/**
 * Takes one place in each 15-minute slot of a booking. The CHECK (taken <= capacity) on the row
 * refuses the one place too many: then 'SLOT_TAKEN' (under a savepoint, so the caller's
 * transaction stays usable; it rolls back when the caller throws).
 */
export async function takePlaces(db: Executor, p: { branchId: string; serviceId: string; starts: Date[]; capacity: number }): Promise<'SLOT_TAKEN' | undefined> {
  try {
    await db.transaction((sp) =>
      sp
        .insert(slotPlaces)
        .values(p.starts.map((startsAt) => ({ branchId: p.branchId, serviceId: p.serviceId, startsAt, taken: 1, capacity: p.capacity })))
        .onConflictDoUpdate({ target: [slotPlaces.branchId, slotPlaces.serviceId, slotPlaces.startsAt], set: { taken: sql`${slotPlaces.taken} + 1` } }),
    );
    return undefined;
  } catch (err) {
    if (pgErrorCode(err) === CHECK_VIOLATION) return 'SLOT_TAKEN';
    throw err;
  }
}

export async function releasePlaces(db: Executor, p: { branchId: string; serviceId: string; starts: Date[] }): Promise<void> {
  if (p.starts.length === 0) return;
  await db
    .update(slotPlaces)
    .set({ taken: sql`${slotPlaces.taken} - 1` })
    .where(and(eq(slotPlaces.branchId, p.branchId), eq(slotPlaces.serviceId, p.serviceId), inArray(slotPlaces.startsAt, p.starts), sql`${slotPlaces.taken} > 0`));
}

export async function nextNumber(db: Executor): Promise<number> {
  const rows = await db.execute<{ n: string }>(sql`SELECT nextval('booking_numbers')::text AS n`);
  return Number(rows[0]?.n ?? 0);
}

/** The new booking; 'OVERLAP' when the citizen has an active one at that time, 'DUPLICATE' when the idempotency key was used. */
export async function insertBooking(db: Executor, values: typeof bookings.$inferInsert): Promise<BookingRow | 'OVERLAP' | 'DUPLICATE'> {
  try {
    const [row] = await db.transaction((sp) => sp.insert(bookings).values(values).returning(bookingColumns));
    if (!row) throw new Error('insert bookings returned nothing');
    return row;
  } catch (err) {
    if (pgErrorCode(err) === EXCLUSION_VIOLATION) return 'OVERLAP';
    if (isUniqueViolation(err) && values.idempotencyKey) return 'DUPLICATE';
    throw err;
  }
}

export async function insertEvent(db: Executor, values: typeof bookingEvents.$inferInsert): Promise<void> {
  await db.insert(bookingEvents).values(values);
}

export async function findBooking(db: Executor, id: string): Promise<BookingRow | undefined> {
  const [row] = await db.select(bookingColumns).from(bookings).where(eq(bookings.id, id));
  return row;
}

export async function findByIdempotencyKey(db: Executor, userId: string, key: string): Promise<BookingRow | undefined> {
  const [row] = await db.select(bookingColumns).from(bookings).where(and(eq(bookings.userId, userId), eq(bookings.idempotencyKey, key)));
  return row;
}

/**
 * Locks the citizen's count of active bookings (booking_holders, kept by a trigger) until the
 * transaction ends and gives one row when it is under `max` in its latest version, none at the
 * limit: a booking of the same citizen being written meanwhile is waited for and counted,
 * whatever the snapshot. The first step of the booking statement (bookings.hold.ts) and of a
 * slot-watch handoff.
 */
export const lockHolderUnder = (userId: string, max: number) => sql`
  INSERT INTO booking_holders AS h (user_id) VALUES (${userId}::uuid)
  ON CONFLICT (user_id) DO UPDATE SET active = h.active WHERE h.active < ${max}::int
  RETURNING h.active AS n`;

/** Whether the citizen is under `max` active bookings, their count locked until the transaction ends (lockHolderUnder). */
export async function lockActiveUnder(db: Executor, userId: string, max: number): Promise<boolean> {
  return (await db.execute(lockHolderUnder(userId, max))).length > 0;
}

/** Moves a booking to `status` only from one of `from`; undefined when it was not in one. */
export async function transition(db: Executor, id: string, from: BookingStatus[], values: Partial<typeof bookings.$inferInsert> & { status: BookingStatus; updatedAt: Date }): Promise<BookingRow | undefined> {
  const [row] = await db.update(bookings).set(values).where(and(eq(bookings.id, id), inArray(bookings.status, from))).returning(bookingColumns);
  return row;
}

/** Moves a booking to another time (from one of `from`); 'OVERLAP' when the citizen has another active visit then. */
export async function moveBooking(
  db: Executor,
  id: string,
  from: BookingStatus[],
  values: { status: BookingStatus; startsAt: Date; endsAt: Date; rescheduleCount: number; updatedAt: Date },
): Promise<BookingRow | undefined | 'OVERLAP'> {
  try {
    return await db.transaction((sp) => transition(sp, id, from, values));
  } catch (err) {
    if (pgErrorCode(err) === EXCLUSION_VIOLATION) return 'OVERLAP';
    throw err;
  }
}

export async function bookingsOfUser(
  db: Executor,
  p: { userId: string; statuses?: BookingStatus[] | null; upcomingAfter?: Date | null; limit: number; offset: number },
): Promise<{ rows: BookingRow[]; total: number }> {
  const where = and(
    eq(bookings.userId, p.userId),
    p.statuses && p.statuses.length > 0 ? inArray(bookings.status, p.statuses) : undefined,
    p.upcomingAfter ? gte(bookings.startsAt, p.upcomingAfter) : undefined,
  );
  const rows = await db
    .select({ booking: bookingColumns, total: sql<number>`count(*) OVER ()::int` })
    .from(bookings)
    .where(where)
    // Upcoming visits first (soonest first), then past ones (latest first).
    .orderBy(sql`CASE WHEN ${bookings.startsAt} >= now() THEN 0 ELSE 1 END`, sql`CASE WHEN ${bookings.startsAt} >= now() THEN ${bookings.startsAt} END ASC`, desc(bookings.startsAt))
    .limit(p.limit)
    .offset(p.offset);
  return { rows: rows.map((r) => r.booking), total: rows[0]?.total ?? 0 };
}

/** Histories (by month of `at`, 0031) start at their booking's creation: the earlier months are pruned before it runs; one text per batch, prepared. */
export async function eventsOf(db: Executor, of: ReadonlyArray<{ id: string; createdAt: Date }>): Promise<BookingEventRow[]> {
  if (of.length === 0) return [];
  const ids = sql`${sql.param(of.map((b) => b.id))}::uuid[]`;
  const since = new Date(Math.min(...of.map((b) => b.createdAt.getTime())));
  return runPrepared(db.select(eventColumns).from(bookingEvents).where(and(sql`${bookingEvents.bookingId} = any(${ids})`, gte(bookingEvents.at, since))).orderBy(asc(bookingEvents.at), asc(bookingEvents.id)));
}

export async function findBookingsByIds(db: Executor, ids: readonly string[]): Promise<BookingRow[]> {
  if (ids.length === 0) return [];
  return db.select(bookingColumns).from(bookings).where(inArray(bookings.id, [...ids]));
}

/** The branch's bookings in `statuses` starting from `from` (before `to`), locked FOR UPDATE for a schedule change. */
export async function lockUpcomingAt(db: Executor, p: { branchId: string; statuses: BookingStatus[]; from: Date; to?: Date }): Promise<BookingRow[]> {
  return db
    .select(bookingColumns)
    .from(bookings)
    .where(and(eq(bookings.branchId, p.branchId), inArray(bookings.status, p.statuses), gte(bookings.startsAt, p.from), p.to ? lt(bookings.startsAt, p.to) : undefined))
    .orderBy(asc(bookings.startsAt))
    .for('update');
}

/** Unconfirmed bookings past their confirmBy (at most 500 a pass). */
export async function overduePending(db: Executor, now: Date): Promise<string[]> {
  const rows = await db
    .select({ id: bookings.id })
    .from(bookings)
    .where(and(eq(bookings.status, 'PENDING_CONFIRMATION'), lt(bookings.confirmBy, now)))
    .limit(500);
  return rows.map((r) => r.id);
}

/** Confirmed bookings that started before `startedBefore` and were never checked in. */
export async function missedVisits(db: Executor, startedBefore: Date): Promise<string[]> {
  const rows = await db
    .select({ id: bookings.id })
    .from(bookings)
    .where(and(eq(bookings.status, 'CONFIRMED'), lt(bookings.startsAt, startedBefore)))
    .limit(500);
  return rows.map((r) => r.id);
}

// ---------------------------------------------------------------- slot watches

export async function insertWatch(db: Executor, values: typeof slotWatches.$inferInsert): Promise<SlotWatchRow> {
  const [row] = await db.insert(slotWatches).values(values).returning(watchColumns);
  if (!row) throw new Error('insert slot_watches returned nothing');
  return row;
}

export async function watchesOfUser(db: Executor, userId: string): Promise<SlotWatchRow[]> {
  return db.select(watchColumns).from(slotWatches).where(eq(slotWatches.userId, userId)).orderBy(desc(slotWatches.createdAt));
}

export async function deactivateWatch(db: Executor, id: string, userId: string): Promise<boolean> {
  const rows = await db
    .update(slotWatches)
    .set({ active: false })
    .where(and(eq(slotWatches.id, id), eq(slotWatches.userId, userId), eq(slotWatches.active, true)))
    .returning({ id: slotWatches.id });
  return rows.length === 1;
}

/** Fires (deactivates) the watches a freed place on `day` satisfies; each fires once. */
export async function fireWatches(db: Executor, p: { branchId: string; serviceId: string; day: string; now: Date; exceptUserId: string }): Promise<SlotWatchRow[]> {
  return db
    .update(slotWatches)
    .set({ active: false, firedAt: p.now })
    .where(
      and(
        eq(slotWatches.branchId, p.branchId),
        eq(slotWatches.serviceId, p.serviceId),
        eq(slotWatches.active, true),
        lte(slotWatches.fromDate, p.day),
        gte(slotWatches.toDate, p.day),
        sql`${slotWatches.userId} <> ${p.exceptUserId}`,
      ),
    )
    .returning(watchColumns);
}

/** Bookings that still bring the citizen to the branch: what lets its operators see the citizen. */
const OPEN_BOOKING: BookingStatus[] = ['PENDING_CONFIRMATION', 'CONFIRMED', 'CHECKED_IN'];

export async function hasOpenBookingAt(db: Executor, userId: string, branchId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: bookings.id })
    .from(bookings)
    .where(and(eq(bookings.userId, userId), eq(bookings.branchId, branchId), inArray(bookings.status, OPEN_BOOKING)))
    .limit(1);
  return row !== undefined;
}

export async function citizensWithOpenBookingAt(db: Executor, branchId: string): Promise<string[]> {
  const rows = await db.selectDistinct({ userId: bookings.userId }).from(bookings).where(and(eq(bookings.branchId, branchId), inArray(bookings.status, OPEN_BOOKING)));
  return rows.map((r) => r.userId);
}
