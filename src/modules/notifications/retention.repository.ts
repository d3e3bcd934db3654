/**
 * Retention of the notification centre's month-partitioned tables (migration 0030; private to the
 * module, run by notifications.prune): whole months dropped, the default partitions trimmed.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { dropPartitionsBefore, ensurePartitions } from '../../db/partitions.js';

/** The month-partitioned tables (migration 0030), deliveries first: a month goes reference side first. */
const PARTITIONED = [
  { table: 'deliveries', key: 'notification_created_at' },
  { table: 'notifications', key: 'created_at' },
] as const;
/** Months ahead kept created. */
const MONTHS_AHEAD = 3;

/**
 * Retention: the months ahead created, whole months that ended before `before` dropped (a month's
 * deliveries, then its notifications), and rows older than it deleted from the default partitions.
 */
export async function pruneNotifications(db: Executor, before: Date, now: Date): Promise<{ created: string[]; dropped: string[]; deleted: number }> {
  const created: string[] = [];
  const dropped: string[] = [];
  let deleted = 0;
  for (const { table } of PARTITIONED) created.push(...(await ensurePartitions(db, table, 'month', now, MONTHS_AHEAD)).created);
  for (const { table, key } of PARTITIONED) {
    dropped.push(...(await dropPartitionsBefore(db, table, 'month', before)).dropped);
    const rows = await db.execute(sql`delete from ${sql.identifier(`${table}_default`)} where ${sql.identifier(key)} < ${before.toISOString()}::timestamptz`);
    deleted += (rows as unknown as { count?: number }).count ?? 0;
  }
  return { created, dropped, deleted };
}
