/**
 * The queries of the fair hand-off of freed places (watches.service.ts), beside the module's main
 * repository: the next watcher in order of watching, locked so that two places freed at once go
 * to two different watchers, and the watch turned into its one hold.
 */
import { and, asc, eq, gte, isNull, lte, notInArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { slotWatches } from '../../db/schema/index.js';
import { watchColumns, type SlotWatchRow } from './bookings.repository.js';

/**
 * The first active watch without a hold for this branch, service and local day, in order of
 * watching, other than the freed booking's own holder and the watches already tried. Locked FOR
 * UPDATE SKIP LOCKED: a concurrent hand-off (another place freed at the same moment) skips the
 * watch this one is serving and goes to the next watcher instead of waiting for it.
 */
export async function nextWatcher(db: Executor, p: { branchId: string; serviceId: string; day: string; exceptUserId: string; tried: readonly string[] }): Promise<SlotWatchRow | undefined> {
  const [row] = await db
    .select(watchColumns)
    .from(slotWatches)
    .where(
      and(
        eq(slotWatches.branchId, p.branchId),
        eq(slotWatches.serviceId, p.serviceId),
        eq(slotWatches.active, true),
        isNull(slotWatches.heldBookingId),
        lte(slotWatches.fromDate, p.day),
        gte(slotWatches.toDate, p.day),
        sql`${slotWatches.userId} <> ${p.exceptUserId}`,
        p.tried.length > 0 ? notInArray(slotWatches.id, [...p.tried]) : undefined,
      ),
    )
    .orderBy(asc(slotWatches.createdAt), asc(slotWatches.id))
    .limit(1)
    .for('update', { skipLocked: true });
  return row;
}

/** The watch is done: it fired with this hold (once: only an active watch without a hold takes one). */
export async function markHeld(db: Executor, watchId: string, bookingId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(slotWatches)
    .set({ active: false, firedAt: now, heldBookingId: bookingId })
    .where(and(eq(slotWatches.id, watchId), eq(slotWatches.active, true), isNull(slotWatches.heldBookingId)))
    .returning({ id: slotWatches.id });
  return rows.length === 1;
}
