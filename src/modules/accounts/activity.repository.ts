/**
 * The security journal (drizzle, private to the accounts module): always scoped to its owner.
 * Partitioned by UTC month of `at` (migration 0028): a page after a cursor bounds `at`, so the
 * months after it are not read; accounts.pruneJournal drops whole months past the window.
 */
import { and, desc, eq, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { retainMonths, type MonthlyRetention } from '../../db/partitions.js';
import { runPrepared } from '../../db/prepared.js';
import { activityEntries } from '../../db/schema/index.js';

export const ACTIVITY_TABLE = 'activity_entries';

export type ActivityRow = typeof activityEntries.$inferSelect;

const activityColumns = {
  id: activityEntries.id,
  userId: activityEntries.userId,
  action: activityEntries.action,
  at: activityEntries.at,
  ip: activityEntries.ip,
  userAgent: activityEntries.userAgent,
  details: activityEntries.details,
};

export async function insertActivity(
  db: Executor,
  values: { userId: string; action: string; at: Date; ip: string | null; userAgent: string | null; details?: Record<string, unknown> },
): Promise<ActivityRow> {
  const [row] = await db.insert(activityEntries).values(values).returning(activityColumns);
  if (!row) throw new Error('insert activity returned nothing');
  return row;
}

/** A page of the journal, newest first, keyset-paginated on (at, id). */
export async function listActivity(
  db: Executor,
  p: { userId: string; limit: number; after?: { at: Date; id: string } },
): Promise<ActivityRow[]> {
  // The row comparison alone does not prune partitions; `at <=` the cursor's time does.
  const cursor = p.after
    ? and(lte(activityEntries.at, p.after.at), sql`(${activityEntries.at}, ${activityEntries.id}) < (${p.after.at.toISOString()}::timestamptz, ${p.after.id}::uuid)`)
    : undefined;
  // Every month's index (runPrepared: planned once per connection).
  return runPrepared(db.select(activityColumns).from(activityEntries).where(and(eq(activityEntries.userId, p.userId), cursor)).orderBy(desc(activityEntries.at), desc(activityEntries.id)).limit(p.limit));
}

export async function countActivity(db: Executor, userId: string): Promise<number> {
  const [row] = await runPrepared(db.select({ n: sql<number>`count(*)::int` }).from(activityEntries).where(eq(activityEntries.userId, userId)));
  return row?.n ?? 0;
}

/** Retention (accounts.pruneJournal): see retainMonths; an entry is kept at least until `before`, at most a month longer. */
export function pruneActivity(db: Executor, before: Date, now: Date): Promise<MonthlyRetention> {
  return retainMonths(db, ACTIVITY_TABLE, 'at', before, now);
}
