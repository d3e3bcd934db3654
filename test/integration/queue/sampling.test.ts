/** The repeatable queue.sampleLoad job: a sample of every branch, old samples dropped. */
import { describe, expect, it } from 'vitest';
import type { Job } from 'bullmq';
import { processors } from '../../../workers/main.js';
import { sampleLoad } from '../../../src/modules/queue/index.js';
import { createStaff } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { buildBranch } from '../../factories/catalog.js';

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
