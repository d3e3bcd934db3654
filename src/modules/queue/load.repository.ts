/** The queue module's drizzle access to load: live figures, samples and load alerts (one function per query). */
import { and, desc, eq, gt, gte, inArray, isNull, lt, asc, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { dropDaysBefore, ensureDailyPartitions } from '../../db/partitions.js';
import { branchLoadHours, branchLoadSamples, branchWindows, loadAlerts, tickets } from '../../db/schema/index.js';

const SAMPLES_TABLE = 'branch_load_samples';

export type SampleRow = typeof branchLoadSamples.$inferSelect;
export type AlertRow = typeof loadAlerts.$inferSelect;

export interface LoadFigures {
  branchId: string;
  waiting: number;
  averageWaitMinutes: number;
  openWindows: number;
  freeWindows: number;
  /** Mean minutes at a window over the last hour (null: no data). */
  serviceMinutes: number | null;
}

const alertColumns = {
  id: loadAlerts.id,
  userId: loadAlerts.userId,
  branchId: loadAlerts.branchId,
  maxWaiting: loadAlerts.maxWaiting,
  active: loadAlerts.active,
  createdAt: loadAlerts.createdAt,
  firedAt: loadAlerts.firedAt,
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

/** Load figures of many branches in one statement; waiting counts only each branch's current local day. */
export async function loadFigures(db: Executor, branchIds: readonly string[], now: Date): Promise<LoadFigures[]> {
  if (branchIds.length === 0) return [];
  const hourAgo = new Date(now.getTime() - 3_600_000).toISOString();
  const rows = await db.execute<{ branch_id: string; waiting: number; avg_wait: number | null; open_windows: number; free_windows: number; service_minutes: number | null }>(sql`
    SELECT b.id AS branch_id,
      (SELECT count(*)::int FROM ${tickets} t WHERE t.branch_id = b.id AND t.status = 'WAITING'
         AND t.day = (${now.toISOString()}::timestamptz AT TIME ZONE b.timezone)::date) AS waiting,
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

/** The branch's last sample taken after `since` (bounded by the partition key: only the last days are read). */
export async function lastSample(db: Executor, branchId: string, since: Date): Promise<SampleRow | undefined> {
  const [row] = await db.select(sampleColumns).from(branchLoadSamples).where(and(eq(branchLoadSamples.branchId, branchId), gt(branchLoadSamples.at, since))).orderBy(desc(branchLoadSamples.at)).limit(1);
  return row;
}

export async function insertSample(db: Executor, values: typeof branchLoadSamples.$inferInsert): Promise<void> {
  await db.insert(branchLoadSamples).values(values);
}

export async function replaceSample(db: Executor, last: { id: number; at: Date }, values: Partial<typeof branchLoadSamples.$inferInsert>): Promise<void> {
  await db.update(branchLoadSamples).set(values).where(and(eq(branchLoadSamples.id, last.id), eq(branchLoadSamples.at, last.at)));
}

export async function samplesSince(db: Executor, branchIds: readonly string[], since: Date): Promise<SampleRow[]> {
  if (branchIds.length === 0) return [];
  return db.select(sampleColumns).from(branchLoadSamples).where(and(inArray(branchLoadSamples.branchId, [...branchIds]), gt(branchLoadSamples.at, since))).orderBy(asc(branchLoadSamples.at));
}

/**
 * Retention of the day-partitioned samples (src/db/partitions.ts): days ahead created, whole days
 * before `before` dropped, then the rest of the boundary day (and the default partition) deleted.
 */
export async function pruneSamples(db: Executor, before: Date, now: Date): Promise<{ rows: number; days: string[] }> {
  await ensureDailyPartitions(db, SAMPLES_TABLE, now, 7);
  const days = await dropDaysBefore(db, SAMPLES_TABLE, before);
  const rows = await db.delete(branchLoadSamples).where(lt(branchLoadSamples.at, before)).returning({ id: branchLoadSamples.id });
  return { rows: rows.length, days };
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

// ---------------------------------------------------------------- hourly aggregates (the forecast's history)

/**
 * Upserts the hourly aggregates of every branch's completed local hours that raw samples since
 * `since` cover: mean people waiting, open windows and wait minutes, by hour of week (0 = Monday
 * 00:00 local). Idempotent: an hour recomputed from the same samples gives the same row.
 */
export async function aggregateHours(db: Executor, since: Date, now: Date): Promise<number> {
  const rows = await db.execute<{ branch_id: string }>(sql`
    INSERT INTO ${branchLoadHours} (branch_id, hour_start, hour_of_week, samples, avg_waiting, avg_open_windows, avg_wait_minutes)
    SELECT s.branch_id,
           date_trunc('hour', s.at AT TIME ZONE b.timezone) AT TIME ZONE b.timezone AS hour_start,
           ((extract(isodow FROM s.at AT TIME ZONE b.timezone)::int - 1) * 24 + extract(hour FROM s.at AT TIME ZONE b.timezone)::int) AS hour_of_week,
           count(*)::int, avg(s.waiting), avg(s.open_windows), avg(s.average_wait_minutes)
    FROM ${branchLoadSamples} s JOIN branches b ON b.id = s.branch_id
    WHERE s.at >= ${since.toISOString()}::timestamptz
      AND (date_trunc('hour', s.at AT TIME ZONE b.timezone) AT TIME ZONE b.timezone) + interval '1 hour' <= ${now.toISOString()}::timestamptz
    GROUP BY 1, 2, 3
    ON CONFLICT (branch_id, hour_start) DO UPDATE SET samples = excluded.samples, avg_waiting = excluded.avg_waiting,
      avg_open_windows = excluded.avg_open_windows, avg_wait_minutes = excluded.avg_wait_minutes
    RETURNING branch_id`);
  return rows.length;
}

export async function pruneHours(db: Executor, before: Date): Promise<number> {
  const rows = await db.delete(branchLoadHours).where(lt(branchLoadHours.hourStart, before)).returning({ branchId: branchLoadHours.branchId });
  return rows.length;
}

export interface HourOfWeekStats {
  hourOfWeek: number;
  /** Weeks with data for this hour. */
  weeks: number;
  waitMinutes: number;
  waiting: number;
  openWindows: number;
}

/** A branch's history at the given hours of week since a moment, each week's hour counted once. */
export async function hourOfWeekStats(db: Executor, branchId: string, hoursOfWeek: readonly number[], since: Date): Promise<HourOfWeekStats[]> {
  if (hoursOfWeek.length === 0) return [];
  const rows = await db
    .select({
      hourOfWeek: branchLoadHours.hourOfWeek,
      weeks: sql<number>`count(*)::int`,
      waitMinutes: sql<number>`avg(${branchLoadHours.avgWaitMinutes})::float8`,
      waiting: sql<number>`avg(${branchLoadHours.avgWaiting})::float8`,
      openWindows: sql<number>`avg(${branchLoadHours.avgOpenWindows})::float8`,
    })
    .from(branchLoadHours)
    .where(and(eq(branchLoadHours.branchId, branchId), inArray(branchLoadHours.hourOfWeek, [...hoursOfWeek]), gte(branchLoadHours.hourStart, since)))
    .groupBy(branchLoadHours.hourOfWeek);
  return rows.map((r) => ({ hourOfWeek: r.hourOfWeek, weeks: Number(r.weeks), waitMinutes: Number(r.waitMinutes), waiting: Number(r.waiting), openWindows: Number(r.openWindows) }));
}
