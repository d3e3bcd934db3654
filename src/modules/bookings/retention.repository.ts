/**
 * Retention of bookings' histories (private to the module, run by bookings.pruneEvents):
 * booking_events is partitioned by UTC month of `at` (migration 0031); the months ahead are kept
 * created, whole months that ended before the window dropped, older rows deleted from the default
 * partition. A booking outlives its history: past the window it keeps its status and times.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { dropPartitionsBefore, ensurePartitions } from '../../db/partitions.js';

const TABLE = 'booking_events';
/** Months ahead kept created (a visit's outcome is dated at its start, up to the booking horizon ahead). */
const MONTHS_AHEAD = 3;

export async function pruneBookingEvents(db: Executor, before: Date, now: Date): Promise<{ created: string[]; dropped: string[]; deleted: number }> {
  const { created } = await ensurePartitions(db, TABLE, 'month', now, MONTHS_AHEAD);
  const { dropped } = await dropPartitionsBefore(db, TABLE, 'month', before);
  const rows = await db.execute(sql`delete from ${sql.identifier(`${TABLE}_default`)} where at < ${before.toISOString()}::timestamptz`);
  return { created, dropped, deleted: (rows as unknown as { count?: number }).count ?? 0 };
}
