/** The only drizzle importer of the queue module: one function per query, explicit columns. */
import { and, asc, desc, eq, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { branchWindows, ticketCounters, tickets } from '../../db/schema/index.js';

export type TicketRow = typeof tickets.$inferSelect;
export type WindowRow = typeof branchWindows.$inferSelect;

/** The columns of each row type, read and returned everywhere that row type is. */
export const ticketColumns = {
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
  note: tickets.note,
  issuedBy: tickets.issuedBy,
  alertWhenAhead: tickets.alertWhenAhead,
  alertedAt: tickets.alertedAt,
};

const windowColumns = {
  branchId: branchWindows.branchId,
  number: branchWindows.number,
  operatorId: branchWindows.operatorId,
  openedAt: branchWindows.openedAt,
  ticketId: branchWindows.ticketId,
};




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

/** Tickets of the branch's day waiting or at a window now, in calling order. */
export async function liveQueue(db: Executor, branchId: string, day: string): Promise<TicketRow[]> {
  return db
    .select(ticketColumns)
    .from(tickets)
    .where(and(eq(tickets.branchId, branchId), eq(tickets.day, day), inArray(tickets.status, ['WAITING', 'CALLED', 'SERVING'])))
    .orderBy(sql`CASE WHEN ${tickets.status} = 'WAITING' THEN 1 ELSE 0 END`, asc(tickets.priority), asc(tickets.issuedAt));
}

/** Position (1-based) of each waiting ticket in its branch's calling order. */
export async function positions(db: Executor, ticketIds: readonly string[]): Promise<Map<string, number>> {
  if (ticketIds.length === 0) return new Map();
  const rows = await db.execute<{ id: string; position: number }>(sql`
    SELECT t.id, (SELECT count(*)::int FROM ${tickets} o
                   WHERE o.branch_id = t.branch_id AND o.day = t.day AND o.status = 'WAITING'
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

/**
 * Claims the next waiting ticket of the branch's day (an unclosed earlier day never comes first):
 * booked visitors first, then by time; parallel callers skip each other's rows.
 */
export async function claimNextWaiting(db: Executor, branchId: string, day: string): Promise<TicketRow | undefined> {
  const [row] = await db
    .select(ticketColumns)
    .from(tickets)
    .where(and(eq(tickets.branchId, branchId), eq(tickets.day, day), eq(tickets.status, 'WAITING')))
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

/** Serializes one citizen's ticket taking (the caps below are checked under it), until the transaction ends. */
export async function lockHolder(tx: Executor, userId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`tickets:${userId}`}, 0))`);
}

/** The citizen's active tickets (waiting, called, being served) of each branch's current local day: at this branch and in all. */
export async function activeTicketCounts(db: Executor, userId: string, branchId: string, now: Date): Promise<{ atBranch: number; total: number }> {
  const [row] = await db.execute<{ at_branch: number; total: number }>(sql`
    SELECT count(*) FILTER (WHERE t.branch_id = ${branchId})::int AS at_branch, count(*)::int AS total
    FROM ${tickets} t JOIN branches b ON b.id = t.branch_id
    WHERE t.user_id = ${userId} AND t.status IN ('WAITING', 'CALLED', 'SERVING')
      AND t.day = (${now.toISOString()}::timestamptz AT TIME ZONE b.timezone)::date`);
  return { atBranch: Number(row?.at_branch ?? 0), total: Number(row?.total ?? 0) };
}

/** The day's tickets called to a window, the latest call first (the hall's board). */
export async function calledTickets(db: Executor, branchId: string, day: string, limit: number): Promise<TicketRow[]> {
  return db
    .select(ticketColumns)
    .from(tickets)
    .where(and(eq(tickets.branchId, branchId), eq(tickets.day, day), isNotNull(tickets.calledAt), isNotNull(tickets.window)))
    .orderBy(desc(tickets.calledAt), desc(tickets.id))
    .limit(limit);
}

/**
 * "Almost your turn": marks (once) the day's waiting tickets whose holders asked to be told when
 * this many or fewer are ahead and now are. A concurrent run waits on the row and skips it.
 */
export async function fireTicketAlerts(db: Executor, branchId: string, day: string, now: Date): Promise<Array<{ id: string; userId: string; number: string; ahead: number }>> {
  const rows = await db.execute<{ id: string; user_id: string; number: string; ahead: number }>(sql`
    UPDATE ${tickets} t SET alerted_at = ${now.toISOString()}::timestamptz
    FROM (SELECT id, (row_number() OVER (ORDER BY priority, issued_at, id) - 1)::int AS ahead
            FROM ${tickets} WHERE branch_id = ${branchId} AND day = ${day} AND status = 'WAITING') o
    WHERE t.id = o.id AND t.user_id IS NOT NULL AND t.status = 'WAITING'
      AND t.alert_when_ahead IS NOT NULL AND t.alerted_at IS NULL AND o.ahead <= t.alert_when_ahead
    RETURNING t.id, t.user_id, t.number, o.ahead`);
  return rows.map((r) => ({ id: r.id, userId: r.user_id, number: r.number, ahead: Number(r.ahead) }));
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
