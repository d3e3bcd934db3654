/**
 * A ticket after it is issued: cancel (holder or staff), startServing, transfer (keeps its time of
 * issue), recall, walk-in issuance by the branch's operators, and "almost your turn" alerts that
 * fire once, also when two windows call at the same moment. Load and positions follow each change.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BranchLoadNowDocument,
  BranchQueueDocument,
  CallNextTicketDocument,
  CancelTicketDocument,
  IssueWalkInTicketDocument,
  OpenWindowDocument,
  RecallTicketDocument,
  SetTicketAlertDocument,
  StartServingDocument,
  TakeTicketDocument,
  TicketUpdatedDocument,
  TransferTicketDocument,
} from '../../../src/sdk/generated/graphql.js';
import type { MfcClient } from '../../../src/sdk/client.js';
import { createAccount, createStaff, registerCitizen } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { errorOf } from '../../helpers/graphql.js';
import { openNow } from '../../helpers/queue.js';
import { subscribe } from '../../helpers/subscriptions.js';
import { buildBranch, buildCategory, buildService } from '../../factories/catalog.js';

const t = useTestApp();
let admin: MfcClient;
let passport: string;
let license: string;

beforeAll(async () => {
  admin = (await createStaff(t, 'ADMIN')).client;
  const category = (await buildCategory(admin)).id;
  passport = (await buildService(admin, category, { title: 'Паспорт гражданина РФ' })).id;
  license = (await buildService(admin, category, { title: 'Водительское удостоверение' })).id;
});

async function branchWithOperator() {
  const branch = await buildBranch(admin, { windows: 4, ...openNow() }, [passport, license]);
  const operator = (await createAccount(t, 'OPERATOR', { staffBranchId: branch.id })).client;
  return { branch, operator };
}

const waiting = async (branchId: string) => (await t.client.request(BranchLoadNowDocument, { id: branchId })).branch?.load.waiting;

describe('cancelling', () => {
  it('the holder leaves the queue, load and positions follow, and may take a ticket again', async () => {
    const { branch, operator } = await branchWithOperator();
    const citizen = await createAccount(t, 'CITIZEN');
    const { issueWalkInTicket: first } = await operator.request(IssueWalkInTicketDocument, { branchId: branch.id, serviceId: passport });
    const { takeTicket } = await citizen.client.request(TakeTicketDocument, { branchId: branch.id, serviceId: passport });
    const { issueWalkInTicket: last } = await operator.request(IssueWalkInTicketDocument, { branchId: branch.id, serviceId: passport });
    expect(await waiting(branch.id)).toBe(3);

    const stranger = await createAccount(t, 'CITIZEN');
    expect((await errorOf(stranger.client.request(CancelTicketDocument, { id: takeTicket.id }))).code).toBe('NOT_FOUND');
    const { cancelTicket } = await citizen.client.request(CancelTicketDocument, { id: takeTicket.id });
    expect(cancelTicket).toMatchObject({ status: 'CANCELLED', position: null });
    expect(await waiting(branch.id)).toBe(2);
    const { queue } = await operator.request(BranchQueueDocument, { branchId: branch.id });
    expect(queue.map((q) => [q.id, q.position])).toEqual([
      [first.id, 1],
      [last.id, 2],
    ]);
    const again = await errorOf(citizen.client.request(CancelTicketDocument, { id: takeTicket.id }));
    expect([again.code, again.extensions.rule]).toEqual(['PRECONDITION_FAILED', 'TICKET_STATUS']);
    expect((await citizen.client.request(TakeTicketDocument, { branchId: branch.id, serviceId: passport })).takeTicket.status).toBe('WAITING');
  });

  it('staff cancel a called ticket and its window is free again', async () => {
    const { branch, operator } = await branchWithOperator();
    await operator.request(IssueWalkInTicketDocument, { branchId: branch.id, serviceId: passport });
    await operator.request(OpenWindowDocument, { branchId: branch.id, window: 1 });
    const { callNextTicket } = await operator.request(CallNextTicketDocument, { branchId: branch.id, window: 1 });
    expect((await operator.request(CancelTicketDocument, { id: callNextTicket?.id ?? '' })).cancelTicket.status).toBe('CANCELLED');
    expect((await t.client.request(BranchLoadNowDocument, { id: branch.id })).branch?.load).toMatchObject({ openWindows: 1, freeWindows: 1 });
  });
});

describe('operators at the windows', () => {
  it('start serving, transfer to another line keeping the time of issue, recall; others are refused', async () => {
    const { branch, operator } = await branchWithOperator();
    const holder = await createAccount(t, 'CITIZEN');
    const { takeTicket: mine } = await holder.client.request(TakeTicketDocument, { branchId: branch.id, serviceId: passport });
    const { issueWalkInTicket: later } = await operator.request(IssueWalkInTicketDocument, { branchId: branch.id, serviceId: license });
    await operator.request(OpenWindowDocument, { branchId: branch.id, window: 2 });
    const updates = await subscribe(holder.client, TicketUpdatedDocument);

    expect((await operator.request(CallNextTicketDocument, { branchId: branch.id, window: 2 })).callNextTicket?.id).toBe(mine.id);
    const { operator: stranger } = await branchWithOperator();
    expect((await errorOf(stranger.request(StartServingDocument, { id: mine.id }))).code).toBe('FORBIDDEN');
    expect((await errorOf(holder.client.request(StartServingDocument, { id: mine.id }))).code).toBe('FORBIDDEN');
    expect((await operator.request(StartServingDocument, { id: mine.id })).startServing).toMatchObject({ status: 'SERVING', window: 2 });
    await updates.next((e) => e.ticketUpdated.status === 'SERVING');

    const bad = await errorOf(operator.request(TransferTicketDocument, { id: mine.id, serviceId: passport }));
    expect(bad.extensions.fields).toEqual([expect.objectContaining({ field: 'serviceId' })]);
    const { transferTicket } = await operator.request(TransferTicketDocument, { id: mine.id, serviceId: license });
    expect(transferTicket).toMatchObject({ status: 'WAITING', window: null, issuedAt: mine.issuedAt, service: { id: license }, position: 1 });
    expect((await operator.request(BranchQueueDocument, { branchId: branch.id })).queue.map((q) => q.id)).toEqual([mine.id, later.id]);
    expect((await t.client.request(BranchLoadNowDocument, { id: branch.id })).branch?.load).toMatchObject({ waiting: 2, freeWindows: 1 });

    const { callNextTicket: again } = await operator.request(CallNextTicketDocument, { branchId: branch.id, window: 2 });
    expect(again?.id).toBe(mine.id);
    const seen = updates.events.length;
    const { recallTicket } = await operator.request(RecallTicketDocument, { id: mine.id });
    expect(recallTicket.status).toBe('CALLED');
    expect(new Date(recallTicket.calledAt ?? 0).getTime()).toBeGreaterThanOrEqual(new Date(again?.calledAt ?? 0).getTime());
    await updates.next((e) => e.ticketUpdated.id === mine.id && e.ticketUpdated.status === 'CALLED', 5000, seen);
    expect((await errorOf(operator.request(RecallTicketDocument, { id: later.id }))).extensions.rule).toBe('TICKET_STATUS');
    await updates.dispose();
  });

  it('walk-in tickets: operators of the branch only, without a holder', async () => {
    const { branch, operator } = await branchWithOperator();
    const { operator: stranger } = await branchWithOperator();
    const citizen = await createAccount(t, 'CITIZEN');
    expect((await errorOf(stranger.request(IssueWalkInTicketDocument, { branchId: branch.id, serviceId: passport }))).code).toBe('FORBIDDEN');
    expect((await errorOf(citizen.client.request(IssueWalkInTicketDocument, { branchId: branch.id, serviceId: passport }))).code).toBe('FORBIDDEN');
    const bad = await errorOf(operator.request(IssueWalkInTicketDocument, { branchId: branch.id, serviceId: '00000000-0000-4000-8000-000000000000' }));
    expect(bad.extensions.fields).toEqual([expect.objectContaining({ field: 'serviceId' })]);
    const { issueWalkInTicket } = await operator.request(IssueWalkInTicketDocument, { branchId: branch.id, serviceId: passport });
    expect(issueWalkInTicket).toMatchObject({ number: 'A001', status: 'WAITING', position: 1 });
    const rows = await t.running.app.db.sql<{ user_id: string | null; issued_by: string | null }[]>`select user_id, issued_by from tickets where id = ${issueWalkInTicket.id}`;
    expect(rows[0]?.user_id).toBeNull();
    expect(rows[0]?.issued_by).not.toBeNull();
  });
});

describe('almost your turn', () => {
  it('tells the holder once, by SMS, when that many or fewer are ahead, even when two windows call at once', async () => {
    const { branch, operator } = await branchWithOperator();
    for (let i = 0; i < 4; i++) await operator.request(IssueWalkInTicketDocument, { branchId: branch.id, serviceId: passport });
    const holder = await registerCitizen(t);
    const { takeTicket } = await holder.client.request(TakeTicketDocument, { branchId: branch.id, serviceId: passport });
    const stranger = await createAccount(t, 'CITIZEN');
    expect((await errorOf(stranger.client.request(SetTicketAlertDocument, { id: takeTicket.id, peopleAhead: 1 }))).code).toBe('NOT_FOUND');
    const bad = await errorOf(holder.client.request(SetTicketAlertDocument, { id: takeTicket.id, peopleAhead: -1 }));
    expect(bad.extensions.fields).toEqual([expect.objectContaining({ field: 'peopleAhead' })]);
    expect((await holder.client.request(SetTicketAlertDocument, { id: takeTicket.id, peopleAhead: 1 })).setTicketAlert.alertWhenAhead).toBe(1);

    const alerts = () => t.sms.messages.filter((m) => m.to === holder.phone && /перед вами/.test(m.text));
    await operator.request(OpenWindowDocument, { branchId: branch.id, window: 1 });
    await operator.request(OpenWindowDocument, { branchId: branch.id, window: 2 });
    await operator.request(CallNextTicketDocument, { branchId: branch.id, window: 1 }); // 3 ahead
    await new Promise((r) => setTimeout(r, 300));
    expect(alerts()).toHaveLength(0);
    // Two windows call at the same moment: 1 ahead, told once.
    await Promise.all([1, 2].map((window) => operator.request(CallNextTicketDocument, { branchId: branch.id, window })));
    const sms = await t.sms.waitFor((m) => m.to === holder.phone && /перед вами/.test(m.text));
    expect(sms.text).toContain(`талон ${takeTicket.number}, перед вами 1 чел`);
    await operator.request(CallNextTicketDocument, { branchId: branch.id, window: 1 }); // 0 ahead
    await new Promise((r) => setTimeout(r, 500));
    expect(alerts()).toHaveLength(1);
  });
});
