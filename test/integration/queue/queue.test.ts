import { beforeAll, describe, expect, it } from 'vitest';
import {
  BranchLoadChangedDocument,
  BranchLoadNowDocument,
  BranchQueueDocument,
  BranchesByLoadDocument,
  CallNextTicketDocument,
  CloseWindowDocument,
  CompleteTicketDocument,
  IssueWalkInTicketDocument,
  MarkNoShowDocument,
  MyLoadAlertsDocument,
  MyTicketsDocument,
  OpenWindowDocument,
  TakeTicketDocument,
  TicketUpdatedDocument,
  WatchBranchLoadDocument,
} from '../../../src/sdk/generated/graphql.js';
import type { MfcClient } from '../../../src/sdk/client.js';
import { hashPassword } from '../../../src/shared/passwords.js';
import { PASSWORD, createAccount, createStaff, loginAs, registerCitizen, uniquePhone } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { errorOf } from '../../helpers/graphql.js';
import { subscribe } from '../../helpers/subscriptions.js';
import { buildBranch, buildCategory, buildService } from '../../factories/catalog.js';
import { openNow } from '../../helpers/queue.js';

const t = useTestApp();
let admin: MfcClient;
let serviceId: string;

beforeAll(async () => {
  admin = (await createStaff(t, 'ADMIN')).client;
  serviceId = (await buildService(admin, (await buildCategory(admin)).id, { title: 'Паспорт гражданина РФ' })).id;
});

/** A branch offering the service, and an operator working there. */
async function branchWithOperator(windows = 4) {
  const branch = await buildBranch(admin, { windows, ...openNow() }, [serviceId]);
  const phone = uniquePhone();
  await t.running.app.services.accounts.seeding.insertAccount({ phone, passwordHash: await hashPassword(PASSWORD), lastName: 'Операторова', firstName: 'Ольга', roles: ['OPERATOR'], staffBranchId: branch.id, trustLevel: 'CONFIRMED' });
  const operator = (await loginAs(t, phone)).client;
  return { branch, operator };
}

describe('taking tickets', () => {
  it('numbers 50 concurrent tickets A001…A050 without a gap or a duplicate', async () => {
    const { branch, operator } = await branchWithOperator();
    const results = await Promise.all(Array.from({ length: 50 }, () => operator.request(IssueWalkInTicketDocument, { branchId: branch.id, serviceId })));
    const numbers = results.map((r) => r.issueWalkInTicket.number).sort();
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => `A${String(i + 1).padStart(3, '0')}`));
    const { branch: b } = await t.client.request(BranchLoadNowDocument, { id: branch.id });
    expect(b?.load).toMatchObject({ waiting: 50, openWindows: 0, level: 'HIGH' });
  });

  it('refuses a service the branch does not offer', async () => {
    const branch = await buildBranch(admin);
    const citizen = await createAccount(t, 'CITIZEN');
    const err = await errorOf(citizen.client.request(TakeTicketDocument, { branchId: branch.id, serviceId }));
    expect(err.extensions.fields).toEqual([expect.objectContaining({ field: 'serviceId' })]);
  });

  it('shows position and estimated wait', async () => {
    const { branch, operator } = await branchWithOperator();
    await operator.request(OpenWindowDocument, { branchId: branch.id, window: 1 });
    await operator.request(OpenWindowDocument, { branchId: branch.id, window: 2 });
    const citizen = await createAccount(t, 'CITIZEN');
    for (let i = 0; i < 3; i++) await operator.request(IssueWalkInTicketDocument, { branchId: branch.id, serviceId });
    await citizen.client.request(TakeTicketDocument, { branchId: branch.id, serviceId });
    const { queue } = await operator.request(BranchQueueDocument, { branchId: branch.id });
    expect(queue.map((x) => x.position)).toEqual([1, 2, 3, 4]);
    // Two open windows and the default 10 minutes a visitor: rounds of two.
    expect(queue.map((x) => x.estimatedWaitMinutes)).toEqual([10, 10, 20, 20]);
    const { myTickets } = await citizen.client.request(MyTicketsDocument);
    expect(myTickets.find((x) => x.branch.id === branch.id)).toMatchObject({ number: 'A004', position: 4, estimatedWaitMinutes: 20 });
  });
});

describe('operators at the windows', () => {
  it('calls booked visitors first, then walk-ins in order, and tells the holder at once', async () => {
    const { branch, operator } = await branchWithOperator();
    const holder = await registerCitizen(t);
    const other = await createAccount(t, 'CITIZEN');
    const { takeTicket: first } = await holder.client.request(TakeTicketDocument, { branchId: branch.id, serviceId });
    const { takeTicket: second } = await other.client.request(TakeTicketDocument, { branchId: branch.id, serviceId });
    // A booked visitor checked in later still goes first (priority 0).
    await t.running.app.db.sql`update tickets set priority = 0 where id = ${second.id}`;

    expect((await errorOf(operator.request(CallNextTicketDocument, { branchId: branch.id, window: 1 }))).code).toBe('PRECONDITION_FAILED');
    await operator.request(OpenWindowDocument, { branchId: branch.id, window: 1 });
    const updates = await subscribe(holder.client, TicketUpdatedDocument);

    const { callNextTicket: c1 } = await operator.request(CallNextTicketDocument, { branchId: branch.id, window: 1 });
    expect(c1).toMatchObject({ id: second.id, status: 'CALLED', window: 1 });
    const sinceSms = t.sms.messages.length;
    const { callNextTicket: c2 } = await operator.request(CallNextTicketDocument, { branchId: branch.id, window: 1 });
    expect(c2).toMatchObject({ id: first.id, status: 'CALLED', window: 1 });

    const event = await updates.next((e) => e.ticketUpdated.id === first.id && e.ticketUpdated.status === 'CALLED');
    expect(event.ticketUpdated.window).toBe(1);
    const sms = await t.sms.waitFor((m) => m.to === holder.phone && t.sms.messages.indexOf(m) >= sinceSms);
    expect(sms.text).toContain(`${first.number}, пройдите к окну 1`);

    const { completeTicket } = await operator.request(CompleteTicketDocument, { id: first.id });
    expect(completeTicket.status).toBe('COMPLETED');
    await updates.next((e) => e.ticketUpdated.status === 'COMPLETED');
    expect((await operator.request(CallNextTicketDocument, { branchId: branch.id, window: 1 })).callNextTicket).toBeNull();
    await updates.dispose();
  });

  it('marks a no-show, and closes a window only when nobody is at it', async () => {
    const { branch, operator } = await branchWithOperator();
    const citizen = await createAccount(t, 'CITIZEN');
    await citizen.client.request(TakeTicketDocument, { branchId: branch.id, serviceId });
    await operator.request(OpenWindowDocument, { branchId: branch.id, window: 3 });
    const { callNextTicket } = await operator.request(CallNextTicketDocument, { branchId: branch.id, window: 3 });
    expect((await errorOf(operator.request(CloseWindowDocument, { branchId: branch.id, window: 3 }))).code).toBe('PRECONDITION_FAILED');
    expect((await operator.request(MarkNoShowDocument, { id: callNextTicket?.id ?? '' })).markNoShow.status).toBe('NO_SHOW');
    const { closeWindow } = await operator.request(CloseWindowDocument, { branchId: branch.id, window: 3 });
    expect(closeWindow).toMatchObject({ openWindows: 0, freeWindows: 0 });
  });

  it('an operator of another branch, and a citizen, are refused', async () => {
    const { branch } = await branchWithOperator();
    const { operator: stranger } = await branchWithOperator();
    const citizen = await createAccount(t, 'CITIZEN');
    expect((await errorOf(stranger.request(OpenWindowDocument, { branchId: branch.id, window: 1 }))).code).toBe('FORBIDDEN');
    expect((await errorOf(stranger.request(BranchQueueDocument, { branchId: branch.id }))).code).toBe('FORBIDDEN');
    expect((await errorOf(citizen.client.request(BranchQueueDocument, { branchId: branch.id }))).code).toBe('FORBIDDEN');
    expect((await errorOf(stranger.request(OpenWindowDocument, { branchId: branch.id, window: 99 }))).code).toBe('FORBIDDEN');
  });

  it('windows are numbered within the branch', async () => {
    const { branch, operator } = await branchWithOperator(2);
    const err = await errorOf(operator.request(OpenWindowDocument, { branchId: branch.id, window: 3 }));
    expect(err.extensions.fields).toEqual([expect.objectContaining({ field: 'window' })]);
  });
});

describe('live load', () => {
  it('a new subscriber gets the current load first, then every change', async () => {
    const { branch, operator } = await branchWithOperator();
    const citizen = await createAccount(t, 'CITIZEN');
    await citizen.client.request(TakeTicketDocument, { branchId: branch.id, serviceId });
    const dashboard = await subscribe(t.client, BranchLoadChangedDocument, { branchIds: [branch.id] });
    const first = await dashboard.next();
    expect(first.branchLoadChanged).toMatchObject({ branchId: branch.id, waiting: 1, openWindows: 0 });
    await operator.request(OpenWindowDocument, { branchId: branch.id, window: 1 });
    expect((await dashboard.next((e) => e.branchLoadChanged.openWindows === 1)).branchLoadChanged).toMatchObject({ waiting: 1, freeWindows: 1, level: 'LOW' });
    await operator.request(CallNextTicketDocument, { branchId: branch.id, window: 1 });
    expect((await dashboard.next((e) => e.branchLoadChanged.waiting === 0)).branchLoadChanged).toMatchObject({ freeWindows: 0 });
    await dashboard.dispose();
  });

  it('many dashboards of one branch share one live feed: each socket gets its current load, then every change once, in order; one leaving disturbs none', async () => {
    const { branch, operator } = await branchWithOperator();
    const dashboards = await Promise.all(Array.from({ length: 25 }, () => subscribe(t.client, BranchLoadChangedDocument, { branchIds: [branch.id] })));
    for (const d of dashboards) expect((await d.next()).branchLoadChanged).toMatchObject({ branchId: branch.id, openWindows: 0 });
    await operator.request(OpenWindowDocument, { branchId: branch.id, window: 1 });
    for (const d of dashboards) await d.next((e) => e.branchLoadChanged.openWindows === 1);
    const [leaving, ...staying] = dashboards;
    await leaving?.dispose();
    await operator.request(OpenWindowDocument, { branchId: branch.id, window: 2 });
    for (const d of staying) {
      await d.next((e) => e.branchLoadChanged.openWindows === 2);
      expect(d.events.map((e) => e.branchLoadChanged.openWindows)).toEqual([0, 1, 2]);
    }
    await Promise.all(staying.map((d) => d.dispose()));
  });

  it('keeps a history of samples and sorts branches by load', async () => {
    const quiet = await buildBranch(admin, { regionCode: 'L1', regionName: 'Тестовая', ...openNow() }, [serviceId]);
    const busy = await buildBranch(admin, { regionCode: 'L1', ...openNow() }, [serviceId]);
    for (let i = 0; i < 3; i++) await (await createAccount(t, 'CITIZEN')).client.request(TakeTicketDocument, { branchId: busy.id, serviceId });
    const { branches } = await t.client.request(BranchesByLoadDocument, { filter: { regionCode: 'L1' }, first: 10 });
    expect(branches.nodes.map((b) => b.id)).toEqual([quiet.id, busy.id]);
    expect(branches.nodes[1]?.load.waiting).toBe(3);
    const { branch } = await t.client.request(BranchLoadNowDocument, { id: busy.id, hours: 24 });
    expect(branch?.loadHistory.length).toBeGreaterThanOrEqual(1);
    expect(branch?.loadHistory.at(-1)?.waiting).toBe(3);
  });

  it('a load alert fires once when the queue drops to the threshold, then stays inactive', async () => {
    const { branch, operator } = await branchWithOperator();
    for (let i = 0; i < 3; i++) await operator.request(IssueWalkInTicketDocument, { branchId: branch.id, serviceId });
    const watcher = await registerCitizen(t);
    const { watchBranchLoad } = await watcher.client.request(WatchBranchLoadDocument, { branchId: branch.id, maxWaiting: 1 });
    expect(watchBranchLoad.active).toBe(true);
    await operator.request(OpenWindowDocument, { branchId: branch.id, window: 1 });
    await operator.request(OpenWindowDocument, { branchId: branch.id, window: 2 });
    await operator.request(CallNextTicketDocument, { branchId: branch.id, window: 1 });
    await new Promise((r) => setTimeout(r, 300));
    expect(t.sms.messages.filter((m) => m.to === watcher.phone && /очереди/.test(m.text))).toHaveLength(0);
    await operator.request(CallNextTicketDocument, { branchId: branch.id, window: 2 }); // 1 waiting now
    await t.sms.waitFor((m) => m.to === watcher.phone && /в очереди 1 чел/.test(m.text));
    await operator.request(CallNextTicketDocument, { branchId: branch.id, window: 1 }); // 0 waiting
    await new Promise((r) => setTimeout(r, 500));
    expect(t.sms.messages.filter((m) => m.to === watcher.phone && /очереди/.test(m.text))).toHaveLength(1);
    const { myLoadAlerts } = await watcher.client.request(MyLoadAlertsDocument);
    expect(myLoadAlerts).toEqual([expect.objectContaining({ id: watchBranchLoad.id, active: false })]);
  });
});
