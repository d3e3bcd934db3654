/**
 * Paying a charge through the API against a local YooKassa API v3 server: the request the provider
 * receives, one payment for two tabs at once, Idempotency-Key, a forged notification, a duplicate
 * notification, a decline, a provider timeout, reconciliation after a lost notification, the live
 * paymentUpdated event, the PDF receipt and the append-only ledger.
 */
import { eq, sql } from 'drizzle-orm';
import type { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountUpdatesDocument, ChargeDocument, MyChargesDocument, PayChargeDocument, PaymentDocument, PaymentUpdatedDocument } from '../../../src/sdk/generated/graphql.js';
import type { MfcClient } from '../../../src/sdk/client.js';
import { ledgerEntries, notifications, payments } from '../../../src/db/schema/index.js';
import { reconcilePayments } from '../../../src/modules/payments/index.js';
import { processors } from '../../../workers/main.js';
import { createAccount } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { errorOf } from '../../helpers/graphql.js';
import { RETURN_URL, issueFine, paymentProvider, startPaying } from '../../helpers/payments.js';
import { subscribe } from '../../helpers/subscriptions.js';

const { provider, env } = await paymentProvider();
const t = useTestApp(env);
let admin: MfcClient;

beforeAll(async () => {
  provider.state.webhookUrl = `${t.url}/webhooks/payments`;
  admin = (await createAccount(t, 'ADMIN')).client;
});
afterAll(() => provider.close());

const db = () => t.running.app.db.db;

async function citizenWithFine(amount = '500') {
  const c = await createAccount(t, 'CITIZEN');
  const charge = await issueFine(admin, c.id, { amount });
  return { ...c, charge };
}

const chargeOf = async (c: MfcClient, id: string) => (await c.request(ChargeDocument, { id })).charge;

describe('creating a payment at the provider', () => {
  it('sends amount, redirect confirmation, Basic auth and an Idempotence-Key; SBP as payment_method_data', async () => {
    const c = await citizenWithFine('1234.5');
    const p = await startPaying(c.client, c.charge.id, 'SBP');
    expect(p).toMatchObject({ status: 'PENDING', method: 'SBP', amount: { amount: '1234.50', currency: 'RUB' }, refundedAmount: { amount: '0.00' }, receiptUrl: null });
    const remote = [...provider.payments.values()].find((x) => x.metadata?.payment_id === p.id);
    expect(remote).toMatchObject({ amount: { value: '1234.50', currency: 'RUB' }, payment_method: { type: 'sbp' }, confirmation: { type: 'redirect', return_url: RETURN_URL } });
    expect(p.confirmationUrl).toBe(remote?.confirmation.confirmation_url);
    const post = provider.requests.find((r) => r.method === 'POST' && (r.body as { metadata?: { payment_id?: string } }).metadata?.payment_id === p.id);
    expect(post?.idempotenceKey).toBe(p.id);
  });

  it('refuses a return URL outside PAYMENT_RETURN_URLS, another citizen\'s charge, and a paid charge', async () => {
    const c = await citizenWithFine();
    const bad = await errorOf(c.client.request(PayChargeDocument, { chargeId: c.charge.id, method: 'CARD', returnUrl: 'https://evil.example/pay/' }));
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'returnUrl' }] });
    const other = await createAccount(t, 'CITIZEN');
    expect((await errorOf(startPaying(other.client, c.charge.id))).extensions.code).toBe('NOT_FOUND');
    const p = await startPaying(c.client, c.charge.id);
    const remote = [...provider.payments.values()].find((x) => x.metadata?.payment_id === p.id);
    await provider.succeed(remote?.id ?? '');
    expect((await errorOf(startPaying(c.client, c.charge.id))).extensions).toMatchObject({ code: 'PRECONDITION_FAILED', rule: 'CHARGE_PAID' });
  });

  it('two tabs at the same moment get one payment (one at the provider, the same id)', async () => {
    const c = await citizenWithFine();
    const before = provider.paymentsCreated();
    const answers = await Promise.all(Array.from({ length: 8 }, () => startPaying(c.client, c.charge.id)));
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    expect(new Set(answers.map((a) => a.confirmationUrl)).size).toBe(1);
    expect(provider.paymentsCreated() - before).toBe(1);
    const rows = await db().select().from(payments).where(eq(payments.chargeId, c.charge.id));
    expect(rows).toHaveLength(1);
  });

  it('an Idempotency-Key returns the payment it made, even after it failed; another charge with the key is a CONFLICT', async () => {
    const c = await citizenWithFine();
    const headers = { 'idempotency-key': `pay-${c.charge.id}` };
    const { payCharge: first } = await c.client.request(PayChargeDocument, { chargeId: c.charge.id, method: 'CARD', returnUrl: RETURN_URL }, headers);
    const remote = [...provider.payments.values()].find((x) => x.metadata?.payment_id === first.id);
    await provider.decline(remote?.id ?? '');
    const { payCharge: again } = await c.client.request(PayChargeDocument, { chargeId: c.charge.id, method: 'CARD', returnUrl: RETURN_URL }, headers);
    expect(again).toMatchObject({ id: first.id, status: 'FAILED' });
    const second = await issueFine(admin, c.id);
    const err = await errorOf(c.client.request(PayChargeDocument, { chargeId: second.id, method: 'CARD', returnUrl: RETURN_URL }, headers));
    expect(err.extensions).toMatchObject({ code: 'CONFLICT' });
  });
});

describe('settling from the provider', () => {
  it('a success notification, checked with the provider, pays the charge once even when delivered twice; the citizen is told once', async () => {
    const c = await citizenWithFine('700');
    const p = await startPaying(c.client, c.charge.id);
    const live = await subscribe(c.client, PaymentUpdatedDocument);
    const feed = await subscribe(c.client, AccountUpdatesDocument, {});
    try {
      const remote = [...provider.payments.values()].find((x) => x.metadata?.payment_id === p.id);
      expect(await provider.succeed(remote?.id ?? '', { times: 3 })).toEqual([200, 200, 200]);
      const event = await live.next((e) => e.paymentUpdated.status === 'SUCCEEDED');
      expect(event.paymentUpdated).toMatchObject({ id: p.id, charge: { id: c.charge.id, status: 'PAID' }, receiptUrl: expect.stringContaining(`/payments/${p.id}/receipt.pdf`) });
      // The account feed carries the payment too (accountUpdates).
      const update = await feed.next((e) => e.accountUpdates.payment?.status === 'SUCCEEDED', 8000);
      expect(update.accountUpdates.payment?.id).toBe(p.id);
    } finally {
      await live.dispose();
      await feed.dispose();
    }
    expect(await chargeOf(c.client, c.charge.id)).toMatchObject({ status: 'PAID', payments: [{ id: p.id, status: 'SUCCEEDED', paidAt: expect.any(String) }] });
    const ledger = await db().select().from(ledgerEntries).where(eq(ledgerEntries.chargeId, c.charge.id));
    expect(ledger.map((e) => [e.kind, e.amountKopecks])).toEqual([['CHARGE_ISSUED', 70000], ['PAYMENT_SUCCEEDED', -70000]]);
    const told = await db().select().from(notifications).where(eq(notifications.template, 'payment.succeeded'));
    expect(told.filter((n) => n.subjectId === p.id)).toHaveLength(1);
  });

  it('a forged notification (success claimed, the provider says pending) changes nothing; an unknown id neither', async () => {
    const c = await citizenWithFine();
    const p = await startPaying(c.client, c.charge.id);
    const remote = [...provider.payments.values()].find((x) => x.metadata?.payment_id === p.id);
    const forged = { ...remote, status: 'succeeded', paid: true };
    expect(await provider.notify('payment.succeeded', forged)).toEqual([200]);
    expect(await provider.notify('payment.succeeded', { ...forged, id: 'no-such-payment' })).toEqual([200]);
    expect(await chargeOf(c.client, c.charge.id)).toMatchObject({ status: 'UNPAID', payments: [{ status: 'PENDING' }] });
    const res = await fetch(`${t.url}/webhooks/payments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"event":1}' });
    expect(res.status).toBe(400);
  });

  it('a decline fails the payment with the provider\'s reason; the citizen can pay again', async () => {
    const c = await citizenWithFine();
    const p = await startPaying(c.client, c.charge.id);
    const remote = [...provider.payments.values()].find((x) => x.metadata?.payment_id === p.id);
    await provider.decline(remote?.id ?? '', 'insufficient_funds');
    expect((await c.client.request(PaymentDocument, { id: p.id })).payment).toMatchObject({ status: 'FAILED', failureReason: 'insufficient_funds', confirmationUrl: null, charge: { status: 'UNPAID' } });
    const again = await startPaying(c.client, c.charge.id);
    expect(again.id).not.toBe(p.id);
    expect(again.status).toBe('PENDING');
  });

  it('a provider that times out: PROVIDER_UNAVAILABLE, and the retry gets the payment the provider made (same Idempotence-Key)', async () => {
    const c = await citizenWithFine();
    const before = provider.paymentsCreated();
    provider.state.hangNext = 1;
    const err = await errorOf(startPaying(c.client, c.charge.id));
    expect(err.extensions).toMatchObject({ code: 'PRECONDITION_FAILED', rule: 'PROVIDER_UNAVAILABLE' });
    const p = await startPaying(c.client, c.charge.id);
    expect(p.confirmationUrl).toMatch(/\/checkout\//);
    expect(provider.paymentsCreated() - before).toBe(1);
  });

  it('reconciliation settles a payment whose notification was lost, once it is older than PAYMENT_RECONCILE_MINUTES', async () => {
    const c = await citizenWithFine();
    const p = await startPaying(c.client, c.charge.id);
    const remote = [...provider.payments.values()].find((x) => x.metadata?.payment_id === p.id);
    await provider.succeed(remote?.id ?? '', { notify: false });
    const reconcile = processors[reconcilePayments.name];
    if (!reconcile) throw new Error('no reconcile processor');
    await reconcile({ name: reconcilePayments.name, data: {} } as Job, t.running.app);
    expect((await chargeOf(c.client, c.charge.id))?.status).toBe('UNPAID'); // too fresh to ask about
    try {
      t.clock.advance(16 * 60_000);
      expect(await reconcile({ name: reconcilePayments.name, data: {} } as Job, t.running.app)).toMatchObject({ payments: expect.any(Number) });
    } finally {
      t.clock.reset();
    }
    expect(await chargeOf(c.client, c.charge.id)).toMatchObject({ status: 'PAID', payments: [{ status: 'SUCCEEDED' }] });
  });
});

describe('receipt and ledger', () => {
  it('the payer downloads the PDF receipt once paid; another citizen gets 404, no token 401', async () => {
    const c = await citizenWithFine('321.09');
    const p = await startPaying(c.client, c.charge.id);
    const remote = [...provider.payments.values()].find((x) => x.metadata?.payment_id === p.id);
    const early = await fetch(`${t.url}/payments/${p.id}/receipt.pdf`, { headers: { authorization: `Bearer ${c.accessToken}` } });
    expect(early.status).toBe(409);
    await provider.succeed(remote?.id ?? '');
    const { payment } = await c.client.request(PaymentDocument, { id: p.id });
    const url = `${t.url}${new URL(payment?.receiptUrl ?? '').pathname}`;
    const res = await fetch(url, { headers: { authorization: `Bearer ${c.accessToken}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5000); // the embedded DejaVu subset
    const other = await createAccount(t, 'CITIZEN');
    expect((await fetch(url, { headers: { authorization: `Bearer ${other.accessToken}` } })).status).toBe(404);
    expect((await fetch(url)).status).toBe(401);
  });

  it('the ledger refuses UPDATE and DELETE', async () => {
    const c = await citizenWithFine();
    const refusal = (p: Promise<unknown>) => p.then(() => 'done', (e: Error & { cause?: Error }) => e.cause?.message ?? e.message);
    expect(await refusal(db().execute(sql`update ledger_entries set amount_kopecks = 1 where charge_id = ${c.charge.id}`))).toMatch(/append-only/);
    expect(await refusal(db().execute(sql`delete from ledger_entries where charge_id = ${c.charge.id}`))).toMatch(/append-only/);
    expect(await db().select().from(ledgerEntries).where(eq(ledgerEntries.chargeId, c.charge.id))).toHaveLength(1);
  });

  it('myCharges lists the caller\'s charges only, filtered by status', async () => {
    const c = await citizenWithFine();
    await issueFine(admin, c.id, { kind: 'TAX', amount: '99.99' });
    const { myCharges } = await c.client.request(MyChargesDocument, { filter: { kind: ['TAX'] } });
    expect(myCharges.totalCount).toBe(1);
    expect(myCharges.nodes[0]).toMatchObject({ kind: 'TAX', amount: { amount: '99.99' }, status: 'UNPAID' });
    const other = await createAccount(t, 'CITIZEN');
    expect((await other.client.request(MyChargesDocument, {})).myCharges.totalCount).toBe(0);
    expect((await other.client.request(ChargeDocument, { id: c.charge.id })).charge).toBeNull();
  });
});
