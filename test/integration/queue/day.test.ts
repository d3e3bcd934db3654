/**
 * The branch's queue day with the clock injected: tickets only while open (a branch in
 * Novosibirsk, UTC+7, next to Moscow), caps on active tickets (with concurrency), the day closed at
 * the local closing time by its job or by the sweeper when the job was missed, and a new day that
 * starts from A001 with an empty queue even before the sweeper has run.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Job } from 'bullmq';
import { processors } from '../../../workers/main.js';
import { closeQueueDay, sweepQueueDays } from '../../../src/modules/queue/index.js';
import {
  BranchLoadNowDocument,
  BranchQueueDocument,
  CallNextTicketDocument,
  IssueWalkInTicketDocument,
  MyTicketsDocument,
  OpenWindowDocument,
  StartServingDocument,
  TakeTicketDocument,
} from '../../../src/sdk/generated/graphql.js';
import type { MfcClient } from '../../../src/sdk/client.js';
import { createAccount, createStaff, loginAs } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { errorOf } from '../../helpers/graphql.js';
import { buildBranch, buildCategory, buildService } from '../../factories/catalog.js';
import { addDays, isoWeekday } from '../../../src/shared/days.js';

const t = useTestApp({ ROLE: 'api' });
let admin: MfcClient;
let serviceId: string;

/** The next Wednesday after today (signing keys and sessions live in real time: stay near it). */
const WEDNESDAY = addDays(new Date().toISOString().slice(0, 10), ((3 - isoWeekday(new Date().toISOString().slice(0, 10)) + 7) % 7) || 7);
const THURSDAY = addDays(WEDNESDAY, 1);
/** That Wednesday, `utc` o'clock UTC (Novosibirsk is UTC+7, Moscow UTC+3). */
const at = (utc: string, day = WEDNESDAY) => t.clock.set(new Date(`${day}T${utc}:00Z`));
const run = (name: string, data: object = {}) => {
  const p = processors[name];
  if (!p) throw new Error(`no processor ${name}`);
  return p({ name, data } as Job, t.running.app);
};

beforeAll(async () => {
  at('05:30'); // Novosibirsk 12:30, Moscow 08:30
  admin = (await createStaff(t, 'ADMIN')).client;
  serviceId = (await buildService(admin, (await buildCategory(admin)).id)).id;
});

const novosibirsk = () => buildBranch(admin, { timezone: 'Asia/Novosibirsk', location: { lat: 55.03, lon: 82.92 } }, [serviceId]);

describe('taking tickets', () => {
  it('only while the branch is open in its own time zone', async () => {
    at('05:30');
    const [nsk, msk] = [await novosibirsk(), await buildBranch(admin, {}, [serviceId])];
    const citizen = await createAccount(t, 'CITIZEN');
    expect((await citizen.client.request(TakeTicketDocument, { branchId: nsk.id, serviceId })).takeTicket.number).toBe('A001');
    const closed = await errorOf(citizen.client.request(TakeTicketDocument, { branchId: msk.id, serviceId }));
    expect([closed.code, closed.extensions.rule]).toEqual(['PRECONDITION_FAILED', 'BRANCH_CLOSED']);
    at('06:10'); // Moscow 09:10: open now
    const operator = await createAccount(t, 'OPERATOR', { staffBranchId: msk.id });
    expect((await operator.client.request(IssueWalkInTicketDocument, { branchId: msk.id, serviceId })).issueWalkInTicket.number).toBe('A001');
  });

  it('one active ticket per branch and three in all, under concurrent requests too', async () => {
    at('05:30');
    const branches = await Promise.all(Array.from({ length: 5 }, () => novosibirsk()));
    const citizen = await createAccount(t, 'CITIZEN');
    const same = await Promise.allSettled(Array.from({ length: 5 }, () => citizen.client.request(TakeTicketDocument, { branchId: branches[0]?.id ?? '', serviceId })));
    expect(same.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const other = await createAccount(t, 'CITIZEN');
    const spread = await Promise.allSettled(branches.map((b) => other.client.request(TakeTicketDocument, { branchId: b.id, serviceId })));
    expect(spread.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    // Which three won the race is not fixed: a branch where they hold none shows the total cap.
    const sixth = await novosibirsk();
    const refused = await errorOf(other.client.request(TakeTicketDocument, { branchId: sixth.id, serviceId }));
    expect([refused.code, refused.extensions.rule, refused.extensions.limit]).toEqual(['PRECONDITION_FAILED', 'ACTIVE_TICKETS_TOTAL', 3]);
    const again = await errorOf(citizen.client.request(TakeTicketDocument, { branchId: branches[0]?.id ?? '', serviceId }));
    expect(again.extensions.rule).toBe('ACTIVE_TICKET_AT_BRANCH');
    const rows = await t.running.app.db.sql<{ n: number }[]>`select count(*)::int as n from tickets where user_id = ${other.id}`;
    expect(rows[0]?.n).toBe(3);
  });
});

describe('closing the day', () => {
  it('at the local closing time: waiting and called tickets CANCELLED with the note, the one served COMPLETED, windows closed, load zero; once', async () => {
    at('05:30');
    const branch = await novosibirsk();
    const operator = await createAccount(t, 'OPERATOR', { staffBranchId: branch.id });
    const holders = await Promise.all([0, 1, 2, 3].map(() => createAccount(t, 'CITIZEN')));
    for (const h of holders) await h.client.request(TakeTicketDocument, { branchId: branch.id, serviceId });
    await operator.client.request(OpenWindowDocument, { branchId: branch.id, window: 1 });
    await operator.client.request(OpenWindowDocument, { branchId: branch.id, window: 2 });
    const served = (await operator.client.request(CallNextTicketDocument, { branchId: branch.id, window: 1 })).callNextTicket;
    await operator.client.request(StartServingDocument, { id: served?.id ?? '' });
    await operator.client.request(CallNextTicketDocument, { branchId: branch.id, window: 2 });

    // The sweeper records today's closing (18:00 local = 11:00Z) and schedules its job once.
    await run(sweepQueueDays.name);
    expect((await t.running.app.db.sql`select status from tickets where branch_id = ${branch.id} and status in ('CANCELLED', 'COMPLETED')`).length).toBe(0);
    const jobs = await t.running.app.db.sql<{ job_id: string; delay_ms: number }[]>`select job_id, delay_ms from outbox where job = ${closeQueueDay.name} and job_id like ${`%${branch.id}%`}`;
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.delay_ms).toBeGreaterThan(5 * 3_600_000);
    await run(sweepQueueDays.name);
    expect((await t.running.app.db.sql`select 1 from outbox where job = ${closeQueueDay.name} and job_id like ${`%${branch.id}%`}`).length).toBe(1);

    // The job early (hours moved later, say) does nothing.
    expect(await run(closeQueueDay.name, { branchId: branch.id, day: WEDNESDAY })).toMatchObject({ closed: false });
    at('11:00');
    expect(await run(closeQueueDay.name, { branchId: branch.id, day: WEDNESDAY })).toMatchObject({ closed: true, cancelled: 3, completed: 1, windows: 2 });
    const rows = await t.running.app.db.sql<{ status: string; note: string | null }[]>`select status, note from tickets where branch_id = ${branch.id} order by seq`;
    expect(rows.map((r) => r.status).sort()).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED', 'COMPLETED']);
    expect(rows.filter((r) => r.status === 'CANCELLED').every((r) => r.note === 'отделение закрылось')).toBe(true);
    const { branch: b } = await t.client.request(BranchLoadNowDocument, { id: branch.id });
    expect(b?.load).toMatchObject({ waiting: 0, openWindows: 0, level: 'LOW' });
    // Run again (a retry, the sweeper): nothing left to close, nothing changes.
    await run(sweepQueueDays.name);
    expect((await t.running.app.db.sql`select closed_at from queue_days where branch_id = ${branch.id}`).length).toBe(1);
    expect(await run(closeQueueDay.name, { branchId: branch.id, day: WEDNESDAY })).toMatchObject({ cancelled: 0, completed: 0, windows: 0 });
  });

  it('a missed day: the next morning counts only its own tickets, starts from A001, calls today first; the sweeper closes the rest', async () => {
    at('05:30');
    const branch = await novosibirsk();
    const operator = await createAccount(t, 'OPERATOR', { staffBranchId: branch.id });
    const yesterday = await createAccount(t, 'CITIZEN');
    const { takeTicket: old } = await yesterday.client.request(TakeTicketDocument, { branchId: branch.id, serviceId });
    await operator.client.request(IssueWalkInTicketDocument, { branchId: branch.id, serviceId });

    at('03:00', THURSDAY); // Thursday 10:00 in Novosibirsk; no job ran
    const op = (await loginAs(t, operator.phone)).client;
    const holder = (await loginAs(t, yesterday.phone)).client;
    expect((await t.client.request(BranchLoadNowDocument, { id: branch.id })).branch?.load.waiting).toBe(0);
    // The old ticket is of another day: it does not hold the citizen's place at the branch.
    const { takeTicket: fresh } = await holder.request(TakeTicketDocument, { branchId: branch.id, serviceId });
    expect(fresh.number).toBe('A001');
    await op.request(OpenWindowDocument, { branchId: branch.id, window: 1 });
    expect((await op.request(CallNextTicketDocument, { branchId: branch.id, window: 1 })).callNextTicket?.id).toBe(fresh.id);
    expect((await op.request(BranchQueueDocument, { branchId: branch.id })).queue.map((q) => q.id)).toEqual([fresh.id]);

    await run(sweepQueueDays.name);
    const mine = (await holder.request(MyTicketsDocument)).myTickets.find((x) => x.id === old.id);
    expect(mine?.status).toBe('CANCELLED');
    // Today's called ticket and window are untouched.
    expect((await op.request(BranchQueueDocument, { branchId: branch.id })).queue.map((q) => [q.id, q.status])).toEqual([[fresh.id, 'CALLED']]);
  });
});
