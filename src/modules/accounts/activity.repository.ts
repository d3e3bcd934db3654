/** The security journal (drizzle, private to the accounts module): always scoped to its owner. */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { activityEntries } from '../../db/schema/index.js';

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
  const cursor = p.after
    ? sql`(${activityEntries.at}, ${activityEntries.id}) < (${p.after.at.toISOString()}::timestamptz, ${p.after.id}::uuid)`
    : undefined;
  return db
    .select(activityColumns)
    .from(activityEntries)
    .where(and(eq(activityEntries.userId, p.userId), cursor))
    .orderBy(desc(activityEntries.at), desc(activityEntries.id))
    .limit(p.limit);
}

export async function countActivity(db: Executor, userId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(activityEntries).where(eq(activityEntries.userId, userId));
  return row?.n ?? 0;
}
