/**
 * The outbox partitioned by UTC day of created_at (migration 0028, src/jobs/outbox-retention.ts):
 * the relay's retention creates the days ahead and drops whole old days, but never one holding a
 * row not yet relayed, or a delayed job due within the window (the recovery sweep reads it); the
 * relay relays through the partitioned parent and its update reads only the rows' days.
 */
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/app.js';
import { ensurePartitions, partitionName } from '../../../src/db/partitions.js';
import { OutboxRelay } from '../../../src/jobs/outbox-relay.js';
import { pruneOutbox } from '../../../src/jobs/outbox-retention.js';
import { pruneAccounts } from '../../../src/modules/accounts/index.js';

// No workers: the relay of this test is the only one.
const t = useTestApp({ ROLE: 'api', OUTBOX_RETENTION_DAYS: '7' });
const DAY = 86_400_000;
const day = (ms: number) => partitionName('outbox', 'day', new Date(ms));
const at = (ms: number) => new Date(ms).toISOString();

async function partitions(): Promise<string[]> {
  const rows = await t.running.app.db.sql<Array<{ name: string }>>`
    select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent where p.relname = 'outbox'`;
  return rows.map((r) => r.name);
}

async function plan(query: string): Promise<string> {
  const rows = await t.running.app.db.sql.unsafe(`explain ${query}`);
  return rows.map((r) => String((r as Record<string, unknown>)['QUERY PLAN'])).join('\n');
}

describe('outbox partitioned by day', () => {
  it('drops whole days past OUTBOX_RETENTION_DAYS, but not one with an unrelayed row or a delayed job due within the window', async () => {
    const sql = t.running.app.db.sql;
    const db = t.running.app.db.db;
    expect((await sql`select 1 from pg_partitioned_table p join pg_class c on c.oid = p.partrelid where c.relname = 'outbox'`).length).toBe(1);
    const now = Date.now();
    const noon = Math.floor(now / DAY) * DAY + DAY / 2; // rows at noon of their UTC day, relayed a minute later
    await ensurePartitions(db, 'outbox', 'day', new Date(now - 12 * DAY), 3); // days -12 .. -9
    const row = (jobId: string, daysAgo: number, relayed: boolean, delayMs = 0) =>
      sql`insert into outbox (job, payload, job_id, delay_ms, created_at, relayed_at)
          values (${pruneAccounts.name}, '{}'::jsonb, ${jobId}, ${delayMs}, ${at(noon - daysAgo * DAY)}::timestamptz, ${relayed ? at(noon - daysAgo * DAY + 60_000) : null}::timestamptz)`;
    await row('done-12', 12, true); // relayed long ago: the day goes
    await row('pending-11', 11, false); // not relayed yet (Redis away): the day stays
    await row('delayed-10', 10, true, 7 * DAY); // due 3 days ago: the recovery window still needs it
    await row('done-10', 10, true); // next to it, done: deleted row by row
    await row('done-9', 9, true);
    await sql.unsafe(`drop table "${day(now + 7 * DAY)}"`); // the last day ahead: made again
    const result = await pruneOutbox(db, new Date(now), 7);
    expect(result.created).toEqual([day(now + 7 * DAY)]);
    expect(result.dropped).toEqual([day(now - 12 * DAY), day(now - 9 * DAY)]);
    expect(result.kept).toEqual([day(now - 11 * DAY), day(now - 10 * DAY)]);
    expect(result.deleted).toBe(1);
    const left = await partitions();
    expect(left).toEqual(expect.arrayContaining([day(now - 11 * DAY), day(now - 10 * DAY), day(now), day(now + 7 * DAY), 'outbox_default']));
    expect(left).not.toContain(day(now - 12 * DAY));
    expect((await sql<Array<{ job_id: string }>>`select job_id from outbox where created_at < ${at(now - 8 * DAY)}::timestamptz order by job_id`).map((r) => r.job_id)).toEqual(['delayed-10', 'pending-11']);

    // The relay (through the partitioned parent, FOR UPDATE SKIP LOCKED) relays the old pending row;
    // its day stays another window (relayed just now), and the relay's own retention run agrees.
    const app = t.running.app;
    const relay = new OutboxRelay({ db, sql: app.db.listener, queues: app.queues, log: app.log, config: app.config, jobs: app.jobs });
    await relay.drain();
    const [pending] = await sql<Array<{ relayed: boolean }>>`select relayed_at is not null as relayed from outbox where job_id = 'pending-11'`;
    expect(pending?.relayed).toBe(true);
    expect(await app.queues.get(pruneAccounts.queue).getJob('pending-11')).toBeTruthy();
    expect(await partitions()).toContain(day(now - 11 * DAY));
    await relay.stop();
  });

  it('the relay keeps the days ahead made while Redis refuses its jobs', async () => {
    const app = t.running.app;
    const ahead = day(Date.now() + 7 * DAY);
    await app.db.sql.unsafe(`drop table if exists "${ahead}"`);
    await app.db.sql`insert into outbox (job, payload, job_id) values (${pruneAccounts.name}, '{}'::jsonb, 'while-redis-down')`;
    const down = { get: () => ({ addBulk: () => Promise.reject(new Error('Redis down')) }) } as unknown as typeof app.queues;
    const relay = new OutboxRelay({ db: app.db.db, sql: app.db.listener, queues: down, log: app.log, config: app.config, jobs: app.jobs });
    await relay.drain();
    expect((await app.db.sql`select 1 from outbox where job_id = 'while-redis-down' and relayed_at is null`).length).toBe(1);
    expect(await partitions()).toContain(ahead);
    await app.db.sql`delete from outbox where job_id = 'while-redis-down'`;
  });

  it('a partition step waiting on an open transaction gives up after the lock timeout, and is made on the next run', async () => {
    const db = t.running.app.db.db;
    const ahead = Date.now() + 40 * DAY;
    const holder = t.running.app.db.sql.begin(async (tx) => {
      await tx`select count(*) from outbox`; // an open transaction that read the table
      await new Promise((resolve) => setTimeout(resolve, 3000));
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    const blocked = await ensurePartitions(db, 'outbox', 'day', new Date(ahead), 0);
    expect(blocked).toEqual({ created: [], failed: [day(ahead)] });
    expect(Date.now() - started).toBeLessThan(2500);
    await holder;
    expect((await ensurePartitions(db, 'outbox', 'day', new Date(ahead), 0)).created).toEqual([day(ahead)]);
  });

  it('the relay marks its rows within their days: the planner reads only those partitions', async () => {
    const now = Date.now();
    await ensurePartitions(t.running.app.db.db, 'outbox', 'day', new Date(now - DAY), 1);
    const today = Math.floor(now / DAY) * DAY;
    const update = await plan(`update outbox set relayed_at = now() where id in (1, 2) and created_at >= '${at(today + 1)}'::timestamptz and created_at < '${at(today + 2)}'::timestamptz`);
    expect(update).toContain(day(now));
    expect(update).not.toContain(day(now - DAY));
    expect(update).not.toContain('outbox_default');
    // The claim reads every day (a row may wait for days while Redis is away), locking through the parent.
    const pending = await plan('select id from outbox where relayed_at is null order by id limit 100 for update skip locked');
    expect(pending).toContain('LockRows');
    expect(pending).toContain(day(now - DAY));
    expect(pending).toContain(day(now));
  });
});
