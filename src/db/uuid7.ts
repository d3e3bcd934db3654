/**
 * UUIDv7 (RFC 9562) ids that carry their row's creation time, for the month-partitioned tables
 * (notifications, deliveries: migration 0030). The first 48 bits are the Unix time in
 * milliseconds, so a look-up by id alone can name the partition: `createdAtOf(column, ids)` bounds
 * the partition key to the milliseconds they carry. Rows keep this promise by a check in PostgreSQL (an id of
 * version 7 must carry its row's time to the millisecond); older rows keep random (v4) ids, for
 * which there is no bound and every partition is read. SQL makes the same ids with uuid_v7(ts).
 */
import { randomFillSync } from 'node:crypto';
import { and, gte, lt, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** A version-7 id of the millisecond of `at` (the rest random). */
export function uuid7(at: Date): string {
  const b = randomFillSync(Buffer.alloc(16));
  const ms = at.getTime();
  if (!Number.isSafeInteger(ms) || ms < 0 || ms >= 2 ** 48) throw new RangeError(`uuid7: time out of range: ${String(ms)}`);
  const high = Math.floor(ms / 2 ** 16);
  b.writeUInt32BE(high, 0);
  b.writeUInt16BE(ms % 2 ** 16, 4);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x70;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  let s = '';
  for (let i = 0; i < 16; i++) s += (i === 4 || i === 6 || i === 8 || i === 10 ? '-' : '') + HEX[b[i] ?? 0];
  return s;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The millisecond a version-7 id carries; null for any other id (or a string that is no UUID). */
export function uuid7Time(id: string): Date | null {
  if (!UUID.test(id) || id[14] !== '7') return null;
  return new Date(Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16));
}

/**
 * `column` (the rows' creation time, the partition key) within the milliseconds these ids carry
 * (from the earliest to the latest), so the planner reads only their months; undefined (no bound)
 * when one of them carries none.
 */
export function createdAtOf(column: PgColumn, ids: string | readonly string[]): SQL | undefined {
  const times = (typeof ids === 'string' ? [ids] : ids).map((id) => uuid7Time(id)?.getTime());
  if (times.length === 0 || times.some((t) => t === undefined)) return undefined;
  const ms = times as number[];
  return and(gte(column, new Date(Math.min(...ms))), lt(column, new Date(Math.max(...ms) + 1)));
}
