/** The queue module's drizzle access to the branch's day: its closing time, and closing it (one function per query). */
import { and, eq, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { branchWindows, queueDays, tickets } from '../../db/schema/index.js';
import { ticketColumns, type TicketRow } from './queue.repository.js';


export async function branchZones(db: Executor): Promise<Array<{ id: string; timezone: string }>> {
  const rows = await db.execute<{ id: string; timezone: string }>(sql`SELECT id, timezone FROM branches`);
  return rows.map((r) => ({ id: r.id, timezone: r.timezone }));
}

/**
 * Records (or moves, while the day is open) a day's closing time; true when it is new or moved,
 * i.e. when its closing job is to be scheduled.
 */
export async function upsertDay(db: Executor, branchId: string, day: string, closesAt: Date): Promise<boolean> {
  const rows = await db
    .insert(queueDays)
    .values({ branchId, day, closesAt })
    .onConflictDoUpdate({
      target: [queueDays.branchId, queueDays.day],
      set: { closesAt },
      setWhere: sql`${queueDays.closedAt} IS NULL AND ${queueDays.closesAt} <> ${closesAt.toISOString()}::timestamptz`,
    })
    .returning({ day: queueDays.day });
  return rows.length > 0;
}

export async function findDay(db: Executor, branchId: string, day: string): Promise<{ closesAt: Date; closedAt: Date | null } | undefined> {
  const [row] = await db.select({ closesAt: queueDays.closesAt, closedAt: queueDays.closedAt }).from(queueDays).where(and(eq(queueDays.branchId, branchId), eq(queueDays.day, day)));
  return row;
}

/** Days past their closing time not closed yet (their job was missed or is late). */
export async function dueDays(db: Executor, now: Date): Promise<Array<{ branchId: string; day: string }>> {
  return db
    .select({ branchId: queueDays.branchId, day: queueDays.day })
    .from(queueDays)
    .where(and(isNull(queueDays.closedAt), lte(queueDays.closesAt, now)));
}

/** Branch days before the branch's current local day that still have tickets in the queue. */
export async function staleDays(db: Executor, now: Date): Promise<Array<{ branchId: string; day: string }>> {
  const rows = await db.execute<{ branch_id: string; day: string }>(sql`
    SELECT DISTINCT t.branch_id, t.day::text AS day FROM ${tickets} t JOIN branches b ON b.id = t.branch_id
    WHERE t.status IN ('WAITING', 'CALLED', 'SERVING') AND t.day < (${now.toISOString()}::timestamptz AT TIME ZONE b.timezone)::date`);
  return rows.map((r) => ({ branchId: r.branch_id, day: r.day }));
}

/** Closes the tickets of the day (and earlier) still open: waiting and called ones CANCELLED with the note, the one being served COMPLETED. */
export async function closeDayTickets(tx: Executor, p: { branchId: string; day: string; now: Date; note: string }): Promise<{ cancelled: TicketRow[]; completed: TicketRow[] }> {
  const ofDay = and(eq(tickets.branchId, p.branchId), lte(tickets.day, p.day));
  const cancelled = await tx
    .update(tickets)
    .set({ status: 'CANCELLED', completedAt: p.now, note: p.note })
    .where(and(ofDay, inArray(tickets.status, ['WAITING', 'CALLED'])))
    .returning(ticketColumns);
  const completed = await tx
    .update(tickets)
    .set({ status: 'COMPLETED', completedAt: p.now })
    .where(and(ofDay, eq(tickets.status, 'SERVING')))
    .returning(ticketColumns);
  return { cancelled, completed };
}

/** Windows opened before the day's end are closed with it (a window opened for the next day stays). */
export async function closeWindowsOpenedBefore(tx: Executor, branchId: string, before: Date): Promise<number> {
  const rows = await tx.delete(branchWindows).where(and(eq(branchWindows.branchId, branchId), lt(branchWindows.openedAt, before))).returning({ n: branchWindows.number });
  return rows.length;
}

export async function markDayClosed(tx: Executor, p: { branchId: string; day: string; closesAt: Date; now: Date }): Promise<void> {
  await tx
    .insert(queueDays)
    .values({ branchId: p.branchId, day: p.day, closesAt: p.closesAt, closedAt: p.now })
    .onConflictDoUpdate({ target: [queueDays.branchId, queueDays.day], set: { closedAt: p.now } });
}
