/**
 * Retention of the day-partitioned outbox (src/db/partitions.ts, migration 0028), run by the relay
 * every few minutes. A row is needed while it waits for the relay, and for OUTBOX_RETENTION_DAYS
 * after it was relayed and after its delayed job is due: the recovery sweep (src/jobs/recovery.ts)
 * re-enqueues a delayed job Redis lost from its row. A day partition that ended before the cutoff is
 * dropped whole unless one of its rows is still needed; in a day kept for such a row (and in the
 * default partition) the rows no longer needed are deleted one by one. The days ahead are created.
 */
import { and, isNotNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { dropPartitionsBefore, ensurePartitions, periodStart } from '../db/partitions.js';
import { outbox } from '../db/schema/index.js';

export const OUTBOX_TABLE = 'outbox';
/** Days ahead kept created: a relay stopped this long still finds today's partition. */
const DAYS_AHEAD = 7;

export interface OutboxPruned {
  created: string[];
  /** Days ahead not made this time (their lock not had in time, or their rows already in the default partition). */
  failed: string[];
  dropped: string[];
  /** Old days left because a row in them is still needed (or their lock was not had in time). */
  kept: string[];
  /** Rows deleted one by one in kept days and the default partition. */
  deleted: number;
}

/** When a row is no longer needed: relayed, and relayed and due before `cutoff`. */
const doneBefore = (cutoff: Date) => sql`relayed_at is not null and relayed_at < ${cutoff.toISOString()}::timestamptz
  and created_at + delay_ms * interval '1 millisecond' < ${cutoff.toISOString()}::timestamptz`;

export async function pruneOutbox(db: Executor, now: Date, retentionDays: number): Promise<OutboxPruned> {
  const { created, failed } = await ensurePartitions(db, OUTBOX_TABLE, 'day', now, DAYS_AHEAD);
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  // Asked in the dropping transaction. Rows come in dated now() and relayed_at only goes from
  // null to a time, so a day past the cutoff found with every row done stays so.
  const { dropped, kept } = await dropPartitionsBefore(db, OUTBOX_TABLE, 'day', cutoff, async (tx, name) => {
    const [still] = await tx.execute(sql`select 1 from ${sql.identifier(name)} where not (${doneBefore(cutoff)}) limit 1`);
    return Boolean(still);
  });
  // Only days wholly before the cutoff's day (those kept, and the default partition): the
  // cutoff's own day goes whole tomorrow, not row by row now.
  const rows = await db
    .delete(outbox)
    .where(and(lt(outbox.createdAt, periodStart('day', cutoff)), isNotNull(outbox.relayedAt), doneBefore(cutoff)))
    .returning({ id: outbox.id });
  return { created, failed, dropped, kept, deleted: rows.length };
}
