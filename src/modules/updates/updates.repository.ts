/** The only drizzle importer of the updates module: the account feed's rows and its wake-up signal. */
import { and, asc, eq, gt, lt, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { executePrepared } from '../../db/prepared.js';
import { accountEvents, accountFeedHeads } from '../../db/schema/index.js';

export type AccountEventRow = typeof accountEvents.$inferSelect;

/** The NOTIFY channel: its payload is the user whose feed grew (delivered on commit, to every listener). */
export const FEED_CHANNEL = 'account_feed';

const eventColumns = { userId: accountEvents.userId, seq: accountEvents.seq, kind: accountEvents.kind, subjectId: accountEvents.subjectId, at: accountEvents.at };

/**
 * Numbers the event after the user's last one (locking the user's head until commit), writes it and
 * wakes listeners on commit: one prepared statement, one round trip (src/db/prepared.ts; it was three
 * statements of two round trips each).
 */
export async function append(db: Executor, e: { userId: string; kind: string; subjectId: string; at: Date }): Promise<number> {
  const rows = await executePrepared<{ seq: string }>(db, sql`WITH ${appendCtes({ ...e, when: sql`true` })} SELECT seq::text AS seq FROM feed_event, feed_notify`);
  return Number(rows[0]?.seq ?? 1);
}

/** The append as CTEs of a caller's statement (AccountFeed.appendCtes): written only when `when` holds; `feed_notify` must be read. */
export function appendCtes(e: { userId: string; kind: string; subjectId: string; at: Date; when: SQL }): SQL {
  return sql`feed_head AS (
      INSERT INTO ${accountFeedHeads} (user_id, seq) SELECT ${e.userId}::uuid, 1 WHERE ${e.when}
      ON CONFLICT (user_id) DO UPDATE SET seq = ${accountFeedHeads}.seq + 1
      RETURNING seq
    ), feed_event AS (
      INSERT INTO ${accountEvents} (user_id, seq, kind, subject_id, at)
      SELECT ${e.userId}::uuid, seq, ${e.kind}::text, ${e.subjectId}::text, ${e.at.toISOString()}::timestamptz FROM feed_head
      RETURNING seq
    ), feed_notify AS (
      SELECT pg_notify(${FEED_CHANNEL}, ${e.userId}::text) FROM feed_event
    )`;
}

/** The user's events after `seq`, oldest first. */
export async function eventsAfter(db: Executor, userId: string, seq: number, limit: number): Promise<AccountEventRow[]> {
  return db
    .select(eventColumns)
    .from(accountEvents)
    .where(and(eq(accountEvents.userId, userId), gt(accountEvents.seq, seq)))
    .orderBy(asc(accountEvents.seq))
    .limit(limit);
}

/** The user's last number (0: none yet) and the oldest number still kept (null: none kept). */
export async function bounds(db: Executor, userId: string): Promise<{ head: number; oldest: number | null }> {
  const rows = await db.execute<{ head: string | null; oldest: string | null }>(
    sql`SELECT (SELECT seq FROM ${accountFeedHeads} WHERE user_id = ${userId})::text AS head, (SELECT min(seq) FROM ${accountEvents} WHERE user_id = ${userId})::text AS oldest`,
  );
  const row = rows[0];
  return { head: Number(row?.head ?? 0), oldest: row?.oldest == null ? null : Number(row.oldest) };
}

/** Drops events older than `before` (in batches); how many went. */
export async function prune(db: Executor, before: Date, batch: number): Promise<number> {
  const rows = await db.execute<{ n: number }>(
    sql`WITH gone AS (DELETE FROM ${accountEvents} WHERE ctid IN (SELECT ctid FROM ${accountEvents} WHERE ${lt(accountEvents.at, before)} LIMIT ${batch}) RETURNING 1) SELECT count(*)::int AS n FROM gone`,
  );
  return rows[0]?.n ?? 0;
}
