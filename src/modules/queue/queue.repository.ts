/** The only drizzle importer of the queue module: one function per query, explicit columns. */
import { and, asc, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { branchLoadSamples, branchWindows, loadAlerts, ticketCounters, tickets } from '../../db/schema/index.js';

export type TicketRow = typeof tickets.$inferSelect;
export type WindowRow = typeof branchWindows.$inferSelect;
export type SampleRow = typeof branchLoadSamples.$inferSelect;
export type AlertRow = typeof loadAlerts.$inferSelect;

/** The columns of each row type, read and returned everywhere that row type is. */
const ticketColumns = {
  id: tickets.id,
  branchId: tickets.branchId,
  serviceId: tickets.serviceId,
  userId: tickets.userId,
  bookingId: tickets.bookingId,
  day: tickets.day,
  seq: tickets.seq,
  number: tickets.number,
  priority: tickets.priority,
  status: tickets.status,
  window: tickets.window,
  issuedAt: tickets.issuedAt,
  calledAt: tickets.calledAt,
  completedAt: tickets.completedAt,
};

const windowColumns = {
  branchId: branchWindows.branchId,
  number: branchWindows.number,
  operatorId: branchWindows.operatorId,
  openedAt: branchWindows.openedAt,
  ticketId: branchWindows.ticketId,
};

const sampleColumns = {
  id: branchLoadSamples.id,
  branchId: branchLoadSamples.branchId,
  at: branchLoadSamples.at,
  waiting: branchLoadSamples.waiting,
  averageWaitMinutes: branchLoadSamples.averageWaitMinutes,
  openWindows: branchLoadSamples.openWindows,
  freeWindows: branchLoadSamples.freeWindows,
  level: branchLoadSamples.level,
};

const alertColumns = {
  id: loadAlerts.id,
  userId: loadAlerts.userId,
  branchId: loadAlerts.branchId,
  maxWaiting: loadAlerts.maxWaiting,
  active: loadAlerts.active,
  createdAt: loadAlerts.createdAt,
  firedAt: loadAlerts.firedAt,
};

export interface LoadFigures {
  branchId: string;
  waiting: number;
  averageWaitMinutes: number;
  openWindows: number;
  freeWindows: number;
  /** Mean minutes at a window over the last hour (null: no data). */
  serviceMinutes: number | null;
}

/** The next number of the branch's day: one row per branch and day, incremented under its lock. */
export async function nextSeq(db: Executor, branchId: string, day: string): Promise<number> {
  const [row] = await db
    .insert(ticketCounters)
    .values({ branchId, day, last: 1 })
    .onConflictDoUpdate({ target: [ticketCounters.branchId, ticketCounters.day], set: { last: sql`${ticketCounters.last} + 1` } })
    .returning({ last: ticketCounters.last });
  if (!row) throw new Error('ticket counter returned nothing');
  return row.last;
}

export async function insertTicket(db: Executor, values: typeof tickets.$inferInsert): Promise<TicketRow> {
  const [row] = await db.insert(tickets).values(values).returning(ticketColumns);
  if (!row) throw new Error('insert tickets returned nothing');
  return row;
}

export async function findTicket(db: Executor, id: string): Promise<TicketRow | undefined> {
  const [row] = await db.select(ticketColumns).from(tickets).where(eq(tickets.id, id));
  return row;
}

export async function ticketsOfUser(db: Executor, userId: string, since: Date): Promise<TicketRow[]> {
  return db.select(ticketColumns).from(tickets).where(and(eq(tickets.userId, userId), gte(tickets.issuedAt, since))).orderBy(desc(tickets.issuedAt));
}

/** Tickets waiting or at a window now, in calling order. */
export async function liveQueue(db: Executor, branchId: string): Promise<TicketRow[]> {
  return db
    .select(ticketColumns)
    .from(tickets)
    .where(and(eq(tickets.branchId, branchId), inArray(tickets.status, ['WAITING', 'CALLED', 'SERVING'])))
    .orderBy(sql`CASE WHEN ${tickets.status} = 'WAITING' THEN 1 ELSE 0 END`, asc(tickets.priority), asc(tickets.issuedAt));
}

/** Position (1-based) of each waiting ticket in its branch's calling order. */
export async function positions(db: Executor, ticketIds: readonly string[]): Promise<Map<string, number>> {
  if (ticketIds.length === 0) return new Map();
  const rows = await db.execute<{ id: string; position: number }>(sql`
    SELECT t.id, (SELECT count(*)::int FROM ${tickets} o
                   WHERE o.branch_id = t.branch_id AND o.status = 'WAITING'
                     AND (o.priority, o.issued_at, o.id) <= (t.priority, t.issued_at, t.id)) AS position
    FROM ${tickets} t WHERE t.id = ANY(${sql.param([...ticketIds])}::uuid[]) AND t.status = 'WAITING'`);
  return new Map(rows.map((r) => [r.id, Number(r.position)]));
}

export async function openWindow(db: Executor, p: { branchId: string; number: number; operatorId: string; now: Date }): Promise<void> {
  await db.insert(branchWindows).values({ branchId: p.branchId, number: p.number, operatorId: p.operatorId, openedAt: p.now }).onConflictDoNothing();
}

export async function findWindow(db: Executor, branchId: string, number: number, forUpdate = false): Promise<WindowRow | undefined> {
  const q = db.select(windowColumns).from(branchWindows).where(and(eq(branchWindows.branchId, branchId), eq(branchWindows.number, number)));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function closeWindow(db: Executor, branchId: string, number: number): Promise<void> {
  await db.delete(branchWindows).where(and(eq(branchWindows.branchId, branchId), eq(branchWindows.number, number)));
}

export async function setWindowTicket(db: Executor, branchId: string, number: number, ticketId: string | null): Promise<void> {
  await db.update(branchWindows).set({ ticketId }).where(and(eq(branchWindows.branchId, branchId), eq(branchWindows.number, number)));
}

export async function clearWindowOf(db: Executor, ticketId: string): Promise<void> {
  await db.update(branchWindows).set({ ticketId: null }).where(eq(branchWindows.ticketId, ticketId));
}

/** Claims the next waiting ticket: booked visitors first, then by time; parallel callers skip each other's rows. */
export async function claimNextWaiting(db: Executor, branchId: string): Promise<TicketRow | undefined> {
  const [row] = await db
    .select(ticketColumns)
    .from(tickets)
    .where(and(eq(tickets.branchId, branchId), eq(tickets.status, 'WAITING')))
    .orderBy(asc(tickets.priority), asc(tickets.issuedAt), asc(tickets.id))
    .limit(1)
    .for('update', { skipLocked: true });
  return row;
}

export async function updateTicket(db: Executor, id: string, values: Partial<typeof tickets.$inferInsert>, fromStatuses: TicketRow['status'][]): Promise<TicketRow | undefined> {
  const [row] = await db
    .update(tickets)
    .set(values)
    .where(and(eq(tickets.id, id), inArray(tickets.status, fromStatuses)))
    .returning(ticketColumns);
  return row;
}

/** Load figures of many branches in one statement. */
export async function loadFigures(db: Executor, branchIds: readonly string[], now: Date): Promise<LoadFigures[]> {
  if (branchIds.length === 0) return [];
  const hourAgo = new Date(now.getTime() - 3_600_000).toISOString();
  const rows = await db.execute<{ branch_id: string; waiting: number; avg_wait: number | null; open_windows: number; free_windows: number; service_minutes: number | null }>(sql`
    SELECT b.id AS branch_id,
      (SELECT count(*)::int FROM ${tickets} t WHERE t.branch_id = b.id AND t.status = 'WAITING') AS waiting,
      (SELECT round(avg(extract(epoch FROM t.called_at - t.issued_at)) / 60)::int FROM ${tickets} t
         WHERE t.branch_id = b.id AND t.called_at >= ${hourAgo}::timestamptz) AS avg_wait,
      (SELECT count(*)::int FROM ${branchWindows} w WHERE w.branch_id = b.id) AS open_windows,
      (SELECT count(*)::int FROM ${branchWindows} w WHERE w.branch_id = b.id AND w.ticket_id IS NULL) AS free_windows,
      (SELECT avg(extract(epoch FROM t.completed_at - t.called_at)) / 60 FROM ${tickets} t
         WHERE t.branch_id = b.id AND t.status = 'COMPLETED' AND t.completed_at >= ${hourAgo}::timestamptz) AS service_minutes
    FROM branches b WHERE b.id = ANY(${sql.param([...branchIds])}::uuid[])`);
  return rows.map((r) => ({
    branchId: r.branch_id,
    waiting: Number(r.waiting),
    averageWaitMinutes: Number(r.avg_wait ?? 0),
    openWindows: Number(r.open_windows),
    freeWindows: Number(r.free_windows),
    serviceMinutes: r.service_minutes === null ? null : Number(r.service_minutes),
  }));
}

export async function lastSample(db: Executor, branchId: string): Promise<SampleRow | undefined> {
  const [row] = await db.select(sampleColumns).from(branchLoadSamples).where(eq(branchLoadSamples.branchId, branchId)).orderBy(desc(branchLoadSamples.at)).limit(1);
  return row;
}

export async function insertSample(db: Executor, values: typeof branchLoadSamples.$inferInsert): Promise<void> {
  await db.insert(branchLoadSamples).values(values);
}

export async function replaceSample(db: Executor, id: number, values: Partial<typeof branchLoadSamples.$inferInsert>): Promise<void> {
  await db.update(branchLoadSamples).set(values).where(eq(branchLoadSamples.id, id));
}

export async function samplesSince(db: Executor, branchIds: readonly string[], since: Date): Promise<SampleRow[]> {
  if (branchIds.length === 0) return [];
  return db.select(sampleColumns).from(branchLoadSamples).where(and(inArray(branchLoadSamples.branchId, [...branchIds]), gt(branchLoadSamples.at, since))).orderBy(asc(branchLoadSamples.at));
}

export async function pruneSamples(db: Executor, before: Date): Promise<number> {
  const rows = await db.delete(branchLoadSamples).where(lt(branchLoadSamples.at, before)).returning({ id: branchLoadSamples.id });
  return rows.length;
}

export async function allBranchIds(db: Executor): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(sql`SELECT id FROM branches`);
  return rows.map((r) => r.id);
}

// ---------------------------------------------------------------- alerts

export async function insertAlert(db: Executor, values: typeof loadAlerts.$inferInsert): Promise<AlertRow> {
  const [row] = await db.insert(loadAlerts).values(values).returning(alertColumns);
  if (!row) throw new Error('insert load_alerts returned nothing');
  return row;
}

export async function alertsOfUser(db: Executor, userId: string): Promise<AlertRow[]> {
  return db.select(alertColumns).from(loadAlerts).where(eq(loadAlerts.userId, userId)).orderBy(desc(loadAlerts.createdAt));
}

export async function deactivateAlert(db: Executor, id: string, userId: string): Promise<boolean> {
  const rows = await db
    .update(loadAlerts)
    .set({ active: false })
    .where(and(eq(loadAlerts.id, id), eq(loadAlerts.userId, userId), eq(loadAlerts.active, true)))
    .returning({ id: loadAlerts.id });
  return rows.length === 1;
}

/** Fires (deactivates) the branch's alerts whose threshold the queue has reached; each fires once. */
export async function fireAlerts(db: Executor, branchId: string, waiting: number, now: Date): Promise<AlertRow[]> {
  return db
    .update(loadAlerts)
    .set({ active: false, firedAt: now })
    .where(and(eq(loadAlerts.branchId, branchId), eq(loadAlerts.active, true), gte(loadAlerts.maxWaiting, waiting), isNull(loadAlerts.firedAt)))
    .returning(alertColumns);
}

/** Tickets still in the queue: what lets the branch's operators see the holder. */
const OPEN_TICKET: Array<TicketRow['status']> = ['WAITING', 'CALLED', 'SERVING'];

export async function hasOpenTicketAt(db: Executor, userId: string, branchId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.userId, userId), eq(tickets.branchId, branchId), inArray(tickets.status, OPEN_TICKET)))
    .limit(1);
  return row !== undefined;
}

export async function holdersOfOpenTicketsAt(db: Executor, branchId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ userId: tickets.userId })
    .from(tickets)
    .where(and(eq(tickets.branchId, branchId), isNotNull(tickets.userId), inArray(tickets.status, OPEN_TICKET)));
  return rows.flatMap((r) => (r.userId ? [r.userId] : []));
}
