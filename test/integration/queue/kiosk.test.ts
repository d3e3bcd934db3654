/**
 * The hall's kiosk issues walk-in tickets as an API client: a key an admin creates with QUEUE_KIOSK
 * and restricted to the branch, sent as `Authorization: ApiKey …` over HTTP. Another branch, a key
 * restricted to no branch and a key without the scope are FORBIDDEN; operators keep issuing as before.
 */
import WebSocket from 'ws';
import { beforeAll, describe, expect, it } from 'vitest';
import { MfcClient, type Doc } from '../../../src/sdk/client.js';
import { BranchQueueDocument, IssueWalkInTicketDocument } from '../../../src/sdk/generated/graphql.js';
import { createAccount, createStaff } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { errorOf } from '../../helpers/graphql.js';
import { openNow } from '../../helpers/queue.js';
import { buildBranch, buildCategory, buildService } from '../../factories/catalog.js';

const t = useTestApp();
const CREATE = { toString: () => 'mutation($name: String!, $scopes: [ApiScope!]!, $branchIds: [ID!]) { createApiClient(name: $name, scopes: $scopes, branchIds: $branchIds) { secret client { id scopes branchIds } } }' } as Doc<
  { createApiClient: { secret: string; client: { id: string; scopes: string[]; branchIds: string[] } } },
  { name: string; scopes: string[]; branchIds?: string[] | null }
>;

let admin: MfcClient;
let serviceId: string;
let hall: string;
let elsewhere: string;

beforeAll(async () => {
  admin = (await createStaff(t, 'ADMIN')).client;
  serviceId = (await buildService(admin, (await buildCategory(admin)).id)).id;
  hall = (await buildBranch(admin, openNow(), [serviceId])).id;
  elsewhere = (await buildBranch(admin, openNow(), [serviceId])).id;
});

/** A key made by the admin through the API, and a client that sends it. */
async function kiosk(scopes: string[], branchIds: string[] | null) {
  const { createApiClient } = await admin.request(CREATE, { name: 'Киоск в зале', scopes, branchIds });
  return { id: createApiClient.client.id, api: new MfcClient({ url: t.url, webSocketImpl: WebSocket, headers: { authorization: `ApiKey ${createApiClient.secret}` } }) };
}

describe('the hall’s kiosk', () => {
  it('issues a walk-in ticket at its branch over HTTP with its key; the ticket records the kiosk as its issuer and joins the queue', async () => {
    const { id, api } = await kiosk(['QUEUE_KIOSK', 'LOAD_READ'], [hall]);
    const { issueWalkInTicket: ticket } = await api.request(IssueWalkInTicketDocument, { branchId: hall, serviceId });
    expect(ticket).toMatchObject({ status: 'WAITING', number: expect.stringMatching(/^[A-ZА-Я]?\d+/), branch: { id: hall }, service: { id: serviceId } });
    const [row] = await t.running.app.db.sql<{ user_id: string | null; issued_by: string }[]>`select user_id, issued_by from tickets where id = ${ticket.id}`;
    expect(row).toEqual({ user_id: null, issued_by: id });
    const operator = await createAccount(t, 'OPERATOR', { staffBranchId: hall });
    expect((await operator.client.request(BranchQueueDocument, { branchId: hall })).queue.map((q) => q.id)).toContain(ticket.id);
  });

  it('another branch is FORBIDDEN, before anything runs', async () => {
    const { api } = await kiosk(['QUEUE_KIOSK'], [hall]);
    const refused = await errorOf(api.request(IssueWalkInTicketDocument, { branchId: elsewhere, serviceId }));
    expect(refused.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Mutation.issueWalkInTicket' });
    const rows = await t.running.app.db.sql`select 1 from tickets where branch_id = ${elsewhere}`;
    expect(rows).toHaveLength(0);
  });

  it('a key restricted to no branch, or one without QUEUE_KIOSK, issues nothing', async () => {
    const everywhere = await kiosk(['QUEUE_KIOSK'], null);
    expect((await errorOf(everywhere.api.request(IssueWalkInTicketDocument, { branchId: hall, serviceId }))).code).toBe('FORBIDDEN');
    const board = await kiosk(['LOAD_READ'], [hall]);
    expect((await errorOf(board.api.request(IssueWalkInTicketDocument, { branchId: hall, serviceId }))).extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Mutation.issueWalkInTicket' });
  });

  it('people: operators of the branch issue, anyone else does not', async () => {
    const operator = await createAccount(t, 'OPERATOR', { staffBranchId: hall });
    expect((await operator.client.request(IssueWalkInTicketDocument, { branchId: hall, serviceId })).issueWalkInTicket.status).toBe('WAITING');
    expect((await errorOf(operator.client.request(IssueWalkInTicketDocument, { branchId: elsewhere, serviceId }))).code).toBe('FORBIDDEN');
    const citizen = await createAccount(t, 'CITIZEN');
    expect((await errorOf(citizen.client.request(IssueWalkInTicketDocument, { branchId: hall, serviceId }))).code).toBe('FORBIDDEN');
    expect((await errorOf(t.client.request(IssueWalkInTicketDocument, { branchId: hall, serviceId }))).code).toBe('UNAUTHENTICATED');
  });
});
