/**
 * The account journal partitioned by UTC month of `at` (migration 0028): accounts.pruneJournal
 * creates the months ahead and drops whole months past ACTIVITY_RETENTION_DAYS, never the month
 * still inside it; myActivity reads as before, and a page after a cursor leaves later months out.
 */
import { describe, expect, it } from 'vitest';
import type { Job } from 'bullmq';
import { processors } from '../../../workers/main.js';
import { MyActivityDocument } from '../../../src/sdk/generated/graphql.js';
import { ensurePartitions, partitionName, periodStart } from '../../../src/db/partitions.js';
import { pruneJournal } from '../../../src/modules/accounts/index.js';
import { loginAs, registerCitizen } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { partitionNames } from '../../helpers/partitions.js';

const t = useTestApp({ ACTIVITY_RETENTION_DAYS: '60' });
const month = (at: Date, n = 0) => partitionName('activity_entries', 'month', periodStart('month', at, n));

describe('account journal partitioned by month', () => {
  it('the job keeps months ahead, drops whole months past ACTIVITY_RETENTION_DAYS, and myActivity still reads and pages', async () => {
    const sql = t.running.app.db.sql;
    expect((await sql`select 1 from pg_partitioned_table p join pg_class c on c.oid = p.partrelid where c.relname = 'activity_entries'`).length).toBe(1);
    const c = await registerCitizen(t);
    for (let i = 0; i < 2; i++) await loginAs(t, c.phone);
    const now = t.clock.now();
    await ensurePartitions(t.running.app.db.db, 'activity_entries', 'month', periodStart('month', now, -5), 4); // months -5 .. -1
    const entry = (at: Date, action: string) => sql`insert into activity_entries (user_id, action, at) values (${c.id}, ${action}, ${at.toISOString()}::timestamptz)`;
    await entry(new Date(periodStart('month', now, -5).getTime() + 86_400_000), 'OLD_5');
    await entry(new Date(periodStart('month', now, -4).getTime() + 86_400_000), 'OLD_4');
    await entry(new Date(now.getTime() - 20 * 86_400_000), 'RECENT'); // within the 60 days: its month stays

    await sql.unsafe(`drop table "${month(now, 3)}"`); // the last month ahead: made again (by this run or a scheduled one)
    const processor = processors[pruneJournal.name];
    if (!processor) throw new Error('no processor');
    // (ROLE=all: the scheduled run may come first; either way pruneJournal made and dropped them.)
    await processor({ name: pruneJournal.name, data: {} } as Job, t.running.app);
    const left = await partitionNames(t.running.app.db.sql, 'activity_entries');
    expect(left).not.toContain(month(now, -5));
    expect(left).not.toContain(month(now, -4));
    expect(left).toEqual(expect.arrayContaining([month(now), month(now, 3), month(new Date(now.getTime() - 20 * 86_400_000)), 'activity_entries_default']));

    // The journal reads as before: newest first, the dropped months gone, every entry once over two pages.
    const first = await c.client.request(MyActivityDocument, { first: 2 });
    const second = await c.client.request(MyActivityDocument, { first: 50, after: first.myActivity.pageInfo.endCursor });
    const all = [...first.myActivity.nodes, ...second.myActivity.nodes];
    expect(all.length).toBe(first.myActivity.totalCount);
    expect(all.at(-1)?.action).toBe('RECENT');
    expect(all.map((n) => n.action)).not.toContain('OLD_4');
    const times = all.map((n) => new Date(n.at).getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('a page after a cursor reads only the months up to the cursor', async () => {
    const now = t.clock.now();
    await ensurePartitions(t.running.app.db.db, 'activity_entries', 'month', now, 2);
    const cursorAt = new Date(periodStart('month', now).getTime() + 1000).toISOString();
    const rows = await t.running.app.db.sql.unsafe(`explain select id from activity_entries
      where user_id = '00000000-0000-0000-0000-000000000000' and at <= '${cursorAt}'::timestamptz and (at, id) < ('${cursorAt}'::timestamptz, '00000000-0000-0000-0000-000000000000'::uuid)
      order by at desc, id desc limit 21`);
    const plan = rows.map((r) => String((r as Record<string, unknown>)['QUERY PLAN'])).join('\n');
    expect(plan).toContain(month(now));
    expect(plan).not.toContain(month(now, 1));
    expect(plan).not.toContain(month(now, 2));
  });
});
