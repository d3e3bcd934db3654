/**
 * Tables partitioned by UTC day (README, "Running at national scale"): each day is a partition
 * named `<table>_pYYYYMMDD` holding [day 00:00 UTC, next day 00:00 UTC), with a `<table>_default`
 * partition for anything outside them. The retention job keeps days ahead created and drops whole
 * days that ended before the retention cutoff (dropping a partition is instant and leaves no bloat).
 */
import { sql } from 'drizzle-orm';
import type { Executor } from './client.js';

const DAY_MS = 86_400_000;
const dayName = (table: string, day: Date) => `${table}_p${day.toISOString().slice(0, 10).replaceAll('-', '')}`;

/** Creates the missing partitions of the day of `from` and the `daysAhead` days after it; returns how many. */
export async function ensureDailyPartitions(db: Executor, table: string, from: Date, daysAhead: number): Promise<number> {
  const today = Math.floor(from.getTime() / DAY_MS) * DAY_MS;
  let created = 0;
  for (let i = 0; i <= daysAhead; i++) {
    const start = new Date(today + i * DAY_MS);
    const end = new Date(today + (i + 1) * DAY_MS);
    const name = dayName(table, start);
    const exists = await db.execute(sql`select 1 from pg_class where relname = ${name}`);
    if (exists.length > 0) continue;
    await db.execute(sql.raw(`create table if not exists "${name}" partition of "${table}" for values from ('${start.toISOString()}') to ('${end.toISOString()}')`));
    created += 1;
  }
  return created;
}

/** Drops the day partitions of `table` that end at or before `cutoff` (rows older than the window); returns their names. */
export async function dropDaysBefore(db: Executor, table: string, cutoff: Date): Promise<string[]> {
  const rows = await db.execute<{ name: string }>(sql`
    select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
    where p.relname = ${table} and c.relname ~ ${`^${table}_p[0-9]{8}$`}`);
  const dropped: string[] = [];
  for (const { name } of rows) {
    const d = name.slice(-8);
    const ends = Date.UTC(Number(d.slice(0, 4)), Number(d.slice(4, 6)) - 1, Number(d.slice(6, 8))) + DAY_MS;
    if (ends > cutoff.getTime()) continue;
    await db.execute(sql.raw(`drop table if exists "${name}"`));
    dropped.push(name);
  }
  return dropped.sort();
}
