/**
 * Tables partitioned by time (README, "Running at national scale"): each UTC day (or month) is a
 * partition named `<table>_pYYYYMMDD` (`<table>_pYYYYMM`) holding [its start, the next one's start),
 * with a `<table>_default` partition for anything outside them. The retention jobs keep periods
 * ahead created and drop whole periods that ended before the retention cutoff (dropping a
 * partition is instant and leaves no bloat).
 *
 * Creating or dropping a partition takes an ACCESS EXCLUSIVE lock on the parent: each one runs in a
 * transaction of its own with a short lock_timeout, so a long transaction holding the table makes
 * that one step give up (tried again on the next run) instead of queueing every writer behind it.
 */
import { sql } from 'drizzle-orm';
import type { Executor, Tx } from './client.js';

const DAY_MS = 86_400_000;
/** How long a partition's DDL waits for the table's lock before it gives up until the next run. */
const DDL_LOCK_TIMEOUT = '1s';

export type PartitionUnit = 'day' | 'month';

/** The start of the UTC day (month) of `at`, moved by `n` days (months). */
export function periodStart(unit: PartitionUnit, at: Date, n = 0): Date {
  if (unit === 'day') return new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS + n * DAY_MS);
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + n, 1));
}

const suffix = (unit: PartitionUnit, start: Date) => start.toISOString().slice(0, unit === 'day' ? 10 : 7).replaceAll('-', '');
export const partitionName = (table: string, unit: PartitionUnit, start: Date) => `${table}_p${suffix(unit, start)}`;

/** The period a partition's name stands for (undefined for a name of another shape). */
function periodOf(unit: PartitionUnit, table: string, name: string): { start: Date; end: Date } | undefined {
  const m = (unit === 'day' ? /_p(\d{4})(\d{2})(\d{2})$/ : /_p(\d{4})(\d{2})$/).exec(name);
  if (!m || name !== `${table}${m[0]}`) return undefined;
  const start = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, unit === 'day' ? Number(m[3]) : 1));
  return { start, end: periodStart(unit, start, 1) };
}

/** One DDL statement in a transaction of its own, waiting at most DDL_LOCK_TIMEOUT for locks. */
async function ddl<T>(db: Executor, run: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local lock_timeout = '${DDL_LOCK_TIMEOUT}'`));
    return run(tx);
  });
}

/**
 * Creates the missing partitions of the period of `from` and the `ahead` periods after it. One that
 * cannot be made now (the lock not had in time, or rows of its period already in the default
 * partition) is reported in `failed` and left to the next run.
 */
export async function ensurePartitions(db: Executor, table: string, unit: PartitionUnit, from: Date, ahead: number): Promise<{ created: string[]; failed: string[] }> {
  const created: string[] = [];
  const failed: string[] = [];
  for (let i = 0; i <= ahead; i++) {
    const start = periodStart(unit, from, i);
    const end = periodStart(unit, from, i + 1);
    const name = partitionName(table, unit, start);
    const exists = await db.execute(sql`select 1 from pg_class where relname = ${name}`);
    if (exists.length > 0) continue;
    try {
      await ddl(db, (tx) => tx.execute(sql.raw(`create table if not exists "${name}" partition of "${table}" for values from ('${start.toISOString()}') to ('${end.toISOString()}')`)));
      created.push(name);
    } catch {
      failed.push(name);
    }
  }
  return { created, failed };
}

/** The period partitions of `table` (the default one left out), oldest first. */
export async function partitionsOf(db: Executor, table: string, unit: PartitionUnit): Promise<Array<{ name: string; start: Date; end: Date }>> {
  const rows = await db.execute<{ name: string }>(sql`
    select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
    where p.relname = ${table}`);
  return rows
    .flatMap(({ name }) => {
      const period = periodOf(unit, table, name);
      return period ? [{ name, ...period }] : [];
    })
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

/**
 * Drops the partitions of `table` whose period ends at or before `cutoff`, except those `busy`
 * says must stay (asked in the dropping transaction, before the drop); returns the dropped names.
 * One whose lock is not had in time stays until the next run.
 */
export async function dropPartitionsBefore(
  db: Executor,
  table: string,
  unit: PartitionUnit,
  cutoff: Date,
  busy?: (tx: Tx, name: string) => Promise<boolean>,
): Promise<{ dropped: string[]; kept: string[] }> {
  const dropped: string[] = [];
  const kept: string[] = [];
  for (const { name, end } of await partitionsOf(db, table, unit)) {
    if (end.getTime() > cutoff.getTime()) continue;
    const gone = await ddl(db, async (tx) => {
      if (busy && (await busy(tx, name))) return false;
      await tx.execute(sql.raw(`drop table if exists "${name}"`));
      return true;
    }).catch(() => false);
    (gone ? dropped : kept).push(name);
  }
  return { dropped, kept };
}

/** Creates the missing day partitions of the day of `from` and the `daysAhead` days after it; returns how many. */
export async function ensureDailyPartitions(db: Executor, table: string, from: Date, daysAhead: number): Promise<number> {
  return (await ensurePartitions(db, table, 'day', from, daysAhead)).created.length;
}

/** Drops the day partitions of `table` that end at or before `cutoff` (rows older than the window); returns their names. */
export async function dropDaysBefore(db: Executor, table: string, cutoff: Date): Promise<string[]> {
  return (await dropPartitionsBefore(db, table, 'day', cutoff)).dropped;
}

export interface MonthlyRetention {
  created: string[];
  dropped: string[];
  /** Rows older than the window deleted from the default partition (rows outside the created months). */
  deleted: number;
}

/**
 * A month-partitioned table's retention: the month of `now` and `monthsAhead` after it created,
 * whole months that ended before `before` dropped (a row is kept at least until `before`, at most a
 * month longer), and rows whose `key` (the partition key column) is older than it deleted from
 * the default partition.
 */
export async function retainMonths(db: Executor, table: string, key: string, before: Date, now: Date, monthsAhead = 3): Promise<MonthlyRetention> {
  const { created } = await ensurePartitions(db, table, 'month', now, monthsAhead);
  const { dropped } = await dropPartitionsBefore(db, table, 'month', before);
  const rows = await db.execute(sql`delete from ${sql.identifier(`${table}_default`)} where ${sql.identifier(key)} < ${before.toISOString()}::timestamptz`);
  return { created, dropped, deleted: (rows as unknown as { count?: number }).count ?? 0 };
}
