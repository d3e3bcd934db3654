/**
 * Fines and taxes issued by integrators through HTTP with a real API key an admin created
 * (`Authorization: ApiKey`, scope CHARGES_WRITE): by user id or verified SNILS with a checked УИН,
 * the citizen told, the client recorded as the issuer and in the ledger as the actor; cancelling
 * its own charges only; refused without the scope and for clients restricted to branches; the
 * database keeps exactly one issuer per fine.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CancelChargeDocument, ChargeDocument, IssueChargeDocument } from '../../../src/sdk/generated/graphql.js';
import { MfcClient, type Doc } from '../../../src/sdk/client.js';
import { charges, ledgerEntries, notifications } from '../../../src/db/schema/index.js';
import { addVerifiedIdentifier, createAccount } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { errorOf } from '../../helpers/graphql.js';
import { buildBranch } from '../../factories/catalog.js';
import { freshSnils } from '../../factories/identifiers.js';
import { freshUin, issueFine } from '../../helpers/payments.js';

const t = useTestApp({ NODE_ENV: 'development', API_KEY_RATE_LIMIT_PER_MINUTE: '1000' });
const CREATE = { toString: () => 'mutation($name: String!, $scopes: [ApiScope!]!, $branchIds: [ID!]) { createApiClient(name: $name, scopes: $scopes, branchIds: $branchIds) { secret client { id } } }' } as Doc<
  { createApiClient: { secret: string; client: { id: string } } },
  { name: string; scopes: string[]; branchIds?: string[] | null }
>;
const base = { kind: 'FINE' as const, purpose: 'Штраф ГИБДД по постановлению 18810177230000000001', payee: 'УФК по г. Москве (ГУ МВД России по г. Москве)', amount: '1500' };

let admin: MfcClient;
beforeAll(async () => {
  admin = (await createAccount(t, 'ADMIN')).client;
});

const db = () => t.running.app.db.db;
async function integrator(scopes: string[], branchIds?: string[]) {
  const { createApiClient } = await admin.request(CREATE, { name: 'ГИС ГМП: ГИБДД', scopes, branchIds: branchIds ?? null });
  return { id: createApiClient.client.id, api: new MfcClient({ url: t.url, webSocketImpl: WebSocket, headers: { authorization: `ApiKey ${createApiClient.secret}` } }) };
}
const told = (chargeId: string) => db().select().from(notifications).where(and(eq(notifications.template, 'charge.issued'), eq(notifications.subjectId, chargeId)));

describe('an API client with CHARGES_WRITE', () => {
  it('issues a fine by user id: the citizen sees it and is told; the client is the issuer and the ledger\'s actor', async () => {
    const gibdd = await integrator(['CHARGES_WRITE']);
    const c = await createAccount(t, 'CITIZEN');
    const { issueCharge } = await gibdd.api.request(IssueChargeDocument, { input: { ...base, userId: c.id, uin: freshUin() } });
    expect(issueCharge).toMatchObject({ kind: 'FINE', status: 'UNPAID', amount: { amount: '1500.00' } });
    expect((await c.client.request(ChargeDocument, { id: issueCharge.id })).charge).toMatchObject({ id: issueCharge.id, status: 'UNPAID' });
    expect(await told(issueCharge.id)).toHaveLength(1);
    const [row] = await db().select().from(charges).where(eq(charges.id, issueCharge.id));
    expect(row).toMatchObject({ issuedBy: null, issuedByClientId: gibdd.id });
    const ledger = await db().select().from(ledgerEntries).where(eq(ledgerEntries.chargeId, issueCharge.id));
    expect(ledger).toEqual([expect.objectContaining({ kind: 'CHARGE_ISSUED', amountKopecks: 150000, actorId: null, actorClientId: gibdd.id })]);
  });

  it('issues a tax by a verified SNILS; an unverified SNILS finds no one; a bad УИН and amount are refused by field', async () => {
    const fns = await integrator(['CHARGES_WRITE', 'CATALOG_READ']);
    const c = await createAccount(t, 'CITIZEN');
    const snils = freshSnils();
    const input = { ...base, kind: 'TAX' as const, purpose: 'Налог на имущество физических лиц за 2025 год', payee: 'УФК по г. Москве (ИФНС России № 7)', snils };
    expect((await errorOf(fns.api.request(IssueChargeDocument, { input: { ...input, uin: freshUin() } }))).extensions).toMatchObject({ code: 'NOT_FOUND', fields: [{ field: 'snils' }] });
    await addVerifiedIdentifier(t, c.client, 'SNILS', snils);
    const uin = freshUin();
    const wrongDigit = `${uin.slice(0, -1)}${(Number(uin.slice(-1)) + 1) % 10}`;
    const bad = await errorOf(fns.api.request(IssueChargeDocument, { input: { ...input, uin: wrongDigit, amount: '-5' } }));
    expect(bad.extensions.code).toBe('BAD_USER_INPUT');
    expect((bad.extensions.fields as Array<{ field: string }>).map((f) => f.field).sort()).toEqual(['amount', 'uin']);
    const { issueCharge } = await fns.api.request(IssueChargeDocument, { input: { ...input, uin } });
    expect(issueCharge).toMatchObject({ kind: 'TAX', uin });
    expect((await c.client.request(ChargeDocument, { id: issueCharge.id })).charge?.id).toBe(issueCharge.id);
    expect(await told(issueCharge.id)).toHaveLength(1);
  });

  it('cancels the charges it issued (recorded as the actor); another client\'s or an admin\'s charge does not exist for it', async () => {
    const gibdd = await integrator(['CHARGES_WRITE']);
    const other = await integrator(['CHARGES_WRITE']);
    const c = await createAccount(t, 'CITIZEN');
    const { issueCharge } = await gibdd.api.request(IssueChargeDocument, { input: { ...base, userId: c.id, uin: freshUin() } });
    expect((await errorOf(other.api.request(CancelChargeDocument, { id: issueCharge.id, reason: 'чужое' }))).extensions.code).toBe('NOT_FOUND');
    const byAdmin = await issueFine(admin, c.id);
    expect((await errorOf(gibdd.api.request(CancelChargeDocument, { id: byAdmin.id, reason: 'не наше' }))).extensions.code).toBe('NOT_FOUND');
    const { cancelCharge } = await gibdd.api.request(CancelChargeDocument, { id: issueCharge.id, reason: 'Постановление отменено' });
    expect(cancelCharge.status).toBe('CANCELLED');
    const again = await errorOf(gibdd.api.request(CancelChargeDocument, { id: issueCharge.id, reason: 'ещё раз' }));
    expect(again.extensions).toMatchObject({ code: 'PRECONDITION_FAILED', rule: 'CHARGE_NOT_UNPAID' });
    const cancelled = await db().select().from(ledgerEntries).where(and(eq(ledgerEntries.chargeId, issueCharge.id), eq(ledgerEntries.kind, 'CHARGE_CANCELLED')));
    expect(cancelled).toEqual([expect.objectContaining({ amountKopecks: -150000, note: 'Постановление отменено', actorClientId: gibdd.id, actorId: null })]);
    // An admin still cancels any unpaid charge, and is recorded as the actor
    await admin.request(CancelChargeDocument, { id: byAdmin.id, reason: 'Ошибка в постановлении' });
    const [adminEntry] = await db().select().from(ledgerEntries).where(and(eq(ledgerEntries.chargeId, byAdmin.id), eq(ledgerEntries.kind, 'CHARGE_CANCELLED')));
    expect(adminEntry?.actorId).toEqual(expect.any(String));
    expect(adminEntry?.actorClientId).toBeNull();
  });
});

describe('refusals', () => {
  it('without the scope: FORBIDDEN (403) before anything runs, nothing issued', async () => {
    const catalog = await integrator(['CATALOG_READ', 'WEBHOOKS_MANAGE']);
    const c = await createAccount(t, 'CITIZEN');
    const uin = freshUin();
    const res = await catalog.api.raw(IssueChargeDocument, { input: { ...base, userId: c.id, uin } });
    expect(res.status).toBe(403);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(await db().select().from(charges).where(eq(charges.uin, uin))).toHaveLength(0);
    const fine = await issueFine(admin, c.id);
    expect((await errorOf(catalog.api.request(CancelChargeDocument, { id: fine.id, reason: 'x' }))).extensions.code).toBe('FORBIDDEN');
  });

  it('a client restricted to branches may not issue or cancel charges, even with CHARGES_WRITE', async () => {
    const branch = await buildBranch(admin);
    const kiosk = await integrator(['CHARGES_WRITE'], [branch.id]);
    const c = await createAccount(t, 'CITIZEN');
    const uin = freshUin();
    expect((await errorOf(kiosk.api.request(IssueChargeDocument, { input: { ...base, userId: c.id, uin } }))).extensions.code).toBe('FORBIDDEN');
    expect(await db().select().from(charges).where(eq(charges.uin, uin))).toHaveLength(0);
  });

  it('the database keeps exactly one issuer on a fine (an admin or a client), none only on a state fee', async () => {
    const c = await createAccount(t, 'CITIZEN');
    const gibdd = await integrator(['CHARGES_WRITE']);
    const [adminRow] = await db().select({ id: charges.issuedBy }).from(charges).where(eq(charges.id, (await issueFine(admin, c.id)).id));
    const refused = (values: Partial<typeof charges.$inferInsert>) =>
      db().insert(charges).values({ userId: c.id, kind: 'FINE', uin: freshUin(), purpose: 'x', payee: 'y', amountKopecks: 100, ...values }).then(() => 'inserted', (e: Error & { cause?: Error }) => e.cause?.message ?? e.message);
    expect(await refused({})).toMatch(/charges_one_issuer/);
    expect(await refused({ issuedBy: adminRow?.id, issuedByClientId: gibdd.id })).toMatch(/charges_one_issuer/);
    expect(await refused({ issuedByClientId: gibdd.id })).toBe('inserted');
    expect(await refused({ kind: 'STATE_FEE' })).toBe('inserted');
  });
});
