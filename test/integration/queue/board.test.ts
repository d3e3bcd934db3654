/**
 * The hall's board and the staff's live queue across two API instances: a ticket called on
 * instance A reaches an anonymous ticketCalled subscriber on instance B (number and window only);
 * calledTickets lists the day's calls newest first; queueChanged sends the whole queue first and
 * after every change, to the branch's operators only.
 */
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/env.js';
import { start, type Running } from '../../../src/main.js';
import { MfcClient } from '../../../src/sdk/client.js';
import {
  BranchBoardDocument,
  CalledTicketsDocument,
  CallNextTicketDocument,
  IssueWalkInTicketDocument,
  OpenWindowDocument,
  QueueChangedDocument,
  RecallTicketDocument,
  TakeTicketDocument,
  TicketCalledDocument,
} from '../../../src/sdk/generated/graphql.js';
import { createAccount, createStaff } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { errorOf } from '../../helpers/graphql.js';
import { openNow } from '../../helpers/queue.js';
import { subscribe } from '../../helpers/subscriptions.js';
import { buildBranch, buildCategory, buildService } from '../../factories/catalog.js';

const a = useTestApp();
let b: Running;
let anonymousB: MfcClient;

beforeAll(async () => {
  b = await start(
    loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATABASE_URL: a.databaseUrl, REDIS_URL: a.config.REDIS_URL, REDIS_PREFIX: a.config.REDIS_PREFIX, MIGRATE_ON_START: 'false', ROLE: 'api' }),
  );
  anonymousB = new MfcClient({ url: b.api?.url ?? '', webSocketImpl: WebSocket });
});
afterAll(async () => {
  await b.stop();
});

async function branchWithOperator() {
  const admin = (await createStaff(a, 'ADMIN')).client;
  const serviceId = (await buildService(admin, (await buildCategory(admin)).id)).id;
  const branch = await buildBranch(admin, openNow(), [serviceId]);
  const operator = await createAccount(a, 'OPERATOR', { staffBranchId: branch.id });
  return { branch, serviceId, operator: operator.client, operatorToken: operator.accessToken, operatorId: operator.id };
}

describe('the hall\'s board', () => {
  it('a call on instance A reaches an anonymous subscriber on instance B: number and window only', async () => {
    const { branch, serviceId, operator } = await branchWithOperator();
    const other = await branchWithOperator();
    const holder = await createAccount(a, 'CITIZEN');
    const { takeTicket } = await holder.client.request(TakeTicketDocument, { branchId: branch.id, serviceId });
    await operator.request(OpenWindowDocument, { branchId: branch.id, window: 3 });
    const board = await subscribe(anonymousB, TicketCalledDocument, { branchId: branch.id });
    await new Promise((r) => setTimeout(r, 200));

    await other.operator.request(IssueWalkInTicketDocument, { branchId: other.branch.id, serviceId: other.serviceId });
    await other.operator.request(OpenWindowDocument, { branchId: other.branch.id, window: 1 });
    await other.operator.request(CallNextTicketDocument, { branchId: other.branch.id, window: 1 });
    await operator.request(CallNextTicketDocument, { branchId: branch.id, window: 3 });
    const { ticketCalled } = await board.next(undefined, 2000);
    expect(ticketCalled).toEqual({ branchId: branch.id, number: takeTicket.number, window: 3, calledAt: expect.any(String) });
    expect(Object.keys(ticketCalled).sort()).toEqual(['branchId', 'calledAt', 'number', 'window']);

    await operator.request(RecallTicketDocument, { id: takeTicket.id });
    await board.next((e) => e.ticketCalled.number === takeTicket.number, 2000, 1);
    expect(board.events.every((e) => e.ticketCalled.branchId === branch.id)).toBe(true);
    await board.dispose();

    const unknown = await errorOf(anonymousB.request(CalledTicketsDocument, { branchId: '00000000-0000-4000-8000-000000000000' }));
    expect(unknown.code).toBe('NOT_FOUND');
  });

  it('calledTickets: the day\'s calls newest first, on the query and on the branch', async () => {
    const { branch, serviceId, operator } = await branchWithOperator();
    for (let i = 0; i < 3; i++) await operator.request(IssueWalkInTicketDocument, { branchId: branch.id, serviceId });
    await operator.request(OpenWindowDocument, { branchId: branch.id, window: 1 });
    await operator.request(OpenWindowDocument, { branchId: branch.id, window: 2 });
    await operator.request(CallNextTicketDocument, { branchId: branch.id, window: 1 });
    await operator.request(CallNextTicketDocument, { branchId: branch.id, window: 2 });
    const { calledTickets } = await anonymousB.request(CalledTicketsDocument, { branchId: branch.id });
    expect(calledTickets.map((c) => [c.number, c.window])).toEqual([
      ['A002', 2],
      ['A001', 1],
    ]);
    const { branch: onBranch } = await anonymousB.request(BranchBoardDocument, { id: branch.id, last: 1 });
    expect(onBranch?.calledTickets.map((c) => c.number)).toEqual(['A002']);
  });
});

describe('the staff\'s live queue', () => {
  it('the whole queue first, then after every change made on the other instance; others refused', async () => {
    const { branch, serviceId, operator, operatorToken } = await branchWithOperator();
    const { issueWalkInTicket: first } = await operator.request(IssueWalkInTicketDocument, { branchId: branch.id, serviceId });
    const live = await subscribe(anonymousB.withToken(operatorToken), QueueChangedDocument, { branchId: branch.id });
    expect((await live.next()).queueChanged.map((q) => q.id)).toEqual([first.id]);
    const { issueWalkInTicket: second } = await operator.request(IssueWalkInTicketDocument, { branchId: branch.id, serviceId });
    const next = await live.next((e) => e.queueChanged.length === 2, 2000);
    expect(next.queueChanged.map((q) => [q.id, q.position])).toEqual([
      [first.id, 1],
      [second.id, 2],
    ]);
    await operator.request(OpenWindowDocument, { branchId: branch.id, window: 1 });
    await operator.request(CallNextTicketDocument, { branchId: branch.id, window: 1 });
    const called = await live.next((e) => e.queueChanged.some((q) => q.status === 'CALLED'), 2000);
    expect(called.queueChanged.map((q) => [q.number, q.status, q.window])).toEqual([
      ['A001', 'CALLED', 1],
      ['A002', 'WAITING', null],
    ]);
    await live.dispose();

    // The right is checked on every change: an operator moved to another branch stops hearing this one.
    const { operatorToken: movedToken, operatorId: movedId } = await branchWithOperator();
    await a.running.app.db.sql`update users set staff_branch_id = ${branch.id} where id = ${movedId}`;
    const moving = await subscribe(anonymousB.withToken(movedToken), QueueChangedDocument, { branchId: branch.id });
    await moving.next(undefined, 2000);
    await a.running.app.db.sql`update users set staff_branch_id = null where id = ${movedId}`;
    await operator.request(IssueWalkInTicketDocument, { branchId: branch.id, serviceId });
    await expect(moving.next((e) => e.queueChanged.length === 3, 2000)).rejects.toThrow(/FORBIDDEN/);
    await moving.dispose();

    const citizen = await createAccount(a, 'CITIZEN');
    const stranger = await branchWithOperator();
    for (const client of [citizen.client, stranger.operator, anonymousB]) {
      const refused = await subscribe(client, QueueChangedDocument, { branchId: branch.id });
      await expect(refused.next(undefined, 2000)).rejects.toThrow(/FORBIDDEN|UNAUTHENTICATED/);
      await refused.dispose();
    }
  });
});
