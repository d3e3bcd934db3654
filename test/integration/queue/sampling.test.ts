/** The repeatable queue.sampleLoad job: a sample of every branch, old samples dropped. */
import { describe, expect, it } from 'vitest';
import type { Job } from 'bullmq';
import { processors } from '../../../workers/main.js';
import { sampleLoad } from '../../../src/modules/queue/index.js';
import { createStaff } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { buildBranch } from '../../factories/catalog.js';
import { ensureDailyPartitions } from '../../../src/db/partitions.js';

const t = useTestApp({ ROLE: 'api' });

describe('load sampling job', () => {
  it('stores a sample of every branch and prunes those older than the history', async () => {
    const admin = (await createStaff(t, 'ADMIN')).client;
    const a = await buildBranch(admin);
    const b = await buildBranch(admin);
    const sql = t.running.app.db.sql;
    await sql`insert into branch_load_samples (branch_id, at, waiting, average_wait_minutes, open_windows, free_windows, level)
              values (${a.id}, now() - interval '25 hours', 7, 12, 1, 0, 'HIGH')`;
    const processor = processors[sampleLoad.name];
    if (!processor) throw new Error('no processor');
    const result = await processor({ name: sampleLoad.name, data: {} } as Job, t.running.app);
    expect(result).toMatchObject({ sampled: 2, pruned: 1 });
    const rows = await sql<{ branch_id: string; waiting: number }[]>`select branch_id, waiting from branch_load_samples order by branch_id`;
    expect(rows.map((r) => r.branch_id).sort()).toEqual([a.id, b.id].sort());
    expect(rows.every((r) => r.waiting === 0)).toBe(true);
  });
});

describe('load samples partitioned by day', () => {
  it('the job creates the days ahead, drops whole days past LOAD_HISTORY_HOURS, and reads by time prune to the days asked', async () => {
    const admin = (await createStaff(t, 'ADMIN')).client;
    const a = await buildBranch(admin);
    const sql = t.running.app.db.sql;
    expect((await sql`select 1 from pg_partitioned_table p join pg_class c on c.oid = p.partrelid where c.relname = 'branch_load_samples'`).length).toBe(1);
    const day = 86_400_000;
    const name = (ms: number) => `branch_load_samples_p${new Date(ms).toISOString().slice(0, 10).replaceAll('-', '')}`;
    const now = t.clock.now().getTime();
    await ensureDailyPartitions(t.running.app.db.db, 'branch_load_samples', new Date(now - 5 * day), 2); // days -5, -4, -3
    for (const ago of [5, 4, 3]) {
      await sql`insert into branch_load_samples (branch_id, at, waiting, average_wait_minutes, open_windows, free_windows, level)
                values (${a.id}, ${new Date(now - ago * day + 60_000).toISOString()}::timestamptz, 1, 1, 1, 0, 'LOW')`;
    }
    const partitions = async () => (await sql<Array<{ name: string }>>`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent where p.relname = 'branch_load_samples'`).map((r) => r.name);
    expect(await partitions()).toEqual(expect.arrayContaining([name(now - 5 * day), name(now - 4 * day), name(now - 3 * day)]));
    const processor = processors[sampleLoad.name];
    if (!processor) throw new Error('no processor');
    const result = await processor({ name: sampleLoad.name, data: {} } as Job, t.running.app);
    expect(result).toMatchObject({ droppedDays: 3 });
    const left = await partitions();
    expect(left).not.toContain(name(now - 5 * day));
    expect(left).not.toContain(name(now - 3 * day));
    expect(left).toEqual(expect.arrayContaining([name(now), name(now + 7 * day)]));
    expect((await sql`select count(*)::int as n from branch_load_samples where at < now() - interval '2 days'`)[0]?.n).toBe(0);
    // A read by branch and recent time (a value, as the app sends it) leaves out the days before it.
    await ensureDailyPartitions(t.running.app.db.db, 'branch_load_samples', new Date(now - day), 0);
    const plan = (await sql.unsafe(`explain select * from branch_load_samples where branch_id = '${a.id}' and at > '${new Date(Math.max(now - 3_600_000, Math.floor(now / day) * day)).toISOString()}'::timestamptz`)).map((r) => String((r as Record<string, unknown>)['QUERY PLAN'])).join('\n');
    expect(plan).toContain(name(now));
    expect(left.length).toBeGreaterThan(0);
    expect((await partitions())).toContain(name(now - day));
    expect(plan).not.toContain(name(now - day));
  });
});
