/**
 * State fees and refunds through the API: a fee issued on submission at the online price, the
 * operator held at ACCEPTED until it is paid (FEE_UNPAID), the fee returned automatically when the
 * application is rejected before work started (noted in the timeline), refunds whole and in part
 * (summing to the payment and never beyond, also in parallel), who may refund, and a second
 * successful payment of a paid charge refunded automatically.
 */
import type { Job } from 'bullmq';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApplicationChargesDocument,
  ApplicationDetailsDocument,
  ChangeApplicationStatusDocument,
  ChargeDocument,
  CreateApplicationDraftDocument,
  PaymentDocument,
  RefundPaymentDocument,
  SubmitApplicationDocument,
} from '../../../src/sdk/generated/graphql.js';
import type { MfcClient } from '../../../src/sdk/client.js';
import { ledgerEntries, refunds } from '../../../src/db/schema/index.js';
import { reconcilePayments } from '../../../src/modules/payments/index.js';
import { processors } from '../../../workers/main.js';
import { createAccount } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { errorOf } from '../../helpers/graphql.js';
import { eventually, issueFine, paymentProvider, startPaying } from '../../helpers/payments.js';
import { buildBranch, buildCategory, buildService } from '../../factories/catalog.js';

const { provider, env } = await paymentProvider();
const t = useTestApp(env);
let admin: MfcClient;
let serviceId: string;
let branchA: string;
let opA: MfcClient;
let opB: MfcClient;

beforeAll(async () => {
  provider.state.webhookUrl = `${t.url}/webhooks/payments`;
  admin = (await createAccount(t, 'ADMIN')).client;
  const categoryId = (await buildCategory(admin)).id;
  serviceId = (await buildService(admin, categoryId, { title: 'Выдача паспорта', feeAmount: '3500.00', availableOnline: true, requiredDocuments: [], applicationForm: null })).id;
  branchA = (await buildBranch(admin, {}, [serviceId])).id;
  const branchB = (await buildBranch(admin, {}, [serviceId])).id;
  opA = (await createAccount(t, 'OPERATOR', { staffBranchId: branchA })).client;
  opB = (await createAccount(t, 'OPERATOR', { staffBranchId: branchB })).client;
});
afterAll(() => provider.close());

const remoteOf = (paymentId: string) => [...provider.payments.values()].find((x) => x.metadata?.payment_id === paymentId)?.id ?? '';

async function submitted() {
  const c = await createAccount(t, 'CITIZEN');
  const { createApplicationDraft } = await c.client.request(CreateApplicationDraftDocument, { input: { serviceId, branchId: branchA } });
  const { submitApplication } = await c.client.request(SubmitApplicationDocument, { id: createApplicationDraft.id });
  const { application } = await c.client.request(ApplicationChargesDocument, { id: submitApplication.id });
  const fee = application?.charges[0];
  if (!fee) throw new Error('no state fee');
  return { ...c, applicationId: submitApplication.id, fee };
}

async function paidFee() {
  const s = await submitted();
  const payment = await startPaying(s.client, s.fee.id);
  await provider.succeed(remoteOf(payment.id));
  return { ...s, payment };
}

const refund = (who: MfcClient, id: string, amount: string | null, reason = 'Ошибочная оплата') => who.request(RefundPaymentDocument, { id, amount, reason });

describe('the state fee of an application', () => {
  it('is issued on submission at the online price; the operator cannot start work until it is paid', async () => {
    const s = await submitted();
    expect(s.fee).toMatchObject({ kind: 'STATE_FEE', status: 'UNPAID', amount: { amount: '3500.00' }, payableAmount: { amount: '2450.00' }, uin: expect.stringMatching(/^\d{20}$/) });
    const move = () => opA.request(ChangeApplicationStatusDocument, { id: s.applicationId, status: 'IN_PROGRESS', comment: null });
    expect((await errorOf(move())).extensions).toMatchObject({ code: 'PRECONDITION_FAILED', rule: 'FEE_UNPAID' });
    const payment = await startPaying(s.client, s.fee.id);
    expect(payment.amount.amount).toBe('2450.00');
    await provider.succeed(remoteOf(payment.id));
    expect((await move()).changeApplicationStatus.status).toBe('IN_PROGRESS');
    // Staff of the branch see the fee through the application and the charge itself.
    expect((await opA.request(ChargeDocument, { id: s.fee.id })).charge).toMatchObject({ status: 'PAID', application: { id: s.applicationId } });
    expect((await opB.request(ChargeDocument, { id: s.fee.id })).charge).toBeNull();
  });

  it('an unpaid fee is cancelled when the application is rejected, and the timeline says so', async () => {
    const s = await submitted();
    await opA.request(ChangeApplicationStatusDocument, { id: s.applicationId, status: 'REJECTED', comment: 'Не тот отдел' });
    expect((await s.client.request(ChargeDocument, { id: s.fee.id })).charge?.status).toBe('CANCELLED');
    const { application } = await s.client.request(ApplicationDetailsDocument, { id: s.applicationId });
    expect(application?.timeline.at(-1)?.comment).toMatch(/Не тот отдел\nНачисление госпошлины отменено/);
  });

  it('a paid fee is refunded automatically when the application is rejected before work started', async () => {
    const s = await paidFee();
    await opA.request(ChangeApplicationStatusDocument, { id: s.applicationId, status: 'REJECTED', comment: 'Неполный комплект' });
    const { application } = await s.client.request(ApplicationDetailsDocument, { id: s.applicationId });
    expect(application?.timeline.at(-1)?.comment).toMatch(/Госпошлина 2450\.00 ₽ будет возвращена/);
    const payment = await eventually(async () => {
      const { payment: p } = await s.client.request(PaymentDocument, { id: s.payment.id });
      expect(p?.status).toBe('REFUNDED');
      return p;
    });
    expect(payment).toMatchObject({ refundedAmount: { amount: '2450.00' }, charge: { status: 'CANCELLED' } });
  });
});

describe('refunds', () => {
  it('partial refunds sum to the payment and never beyond', async () => {
    const s = await paidFee();
    expect((await refund(opA, s.payment.id, '1000')).refundPayment).toMatchObject({ status: 'PARTIALLY_REFUNDED', refundedAmount: { amount: '1000.00' } });
    const over = await errorOf(refund(opA, s.payment.id, '1450.01'));
    expect(over.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'amount' }] });
    expect((await refund(opA, s.payment.id, '1450')).refundPayment).toMatchObject({ status: 'REFUNDED', refundedAmount: { amount: '2450.00' } });
    expect((await errorOf(refund(opA, s.payment.id, '0.01'))).extensions).toMatchObject({ code: 'PRECONDITION_FAILED', rule: 'NOTHING_TO_REFUND' });
    expect((await errorOf(refund(opA, s.payment.id, '1,5'))).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const ledger = await t.running.app.db.db.select().from(ledgerEntries).where(eq(ledgerEntries.paymentId, s.payment.id));
    expect(ledger.filter((e) => e.kind === 'REFUND_SUCCEEDED').reduce((sum, e) => sum + e.amountKopecks, 0)).toBe(245000);
  });

  it('a refund the provider leaves pending is settled by its refund.succeeded notification, checked with the provider', async () => {
    const s = await paidFee();
    provider.state.refundStatus = 'pending';
    try {
      expect((await refund(opA, s.payment.id, '450')).refundPayment).toMatchObject({ status: 'SUCCEEDED', refundedAmount: { amount: '0.00' } });
    } finally {
      provider.state.refundStatus = 'succeeded';
    }
    const pending = [...provider.refunds.values()].find((r) => r.payment_id === remoteOf(s.payment.id));
    // A forged body claiming success changes nothing while the provider says pending.
    expect(await provider.notify('refund.succeeded', { ...pending, status: 'succeeded' })).toEqual([200]);
    expect((await s.client.request(PaymentDocument, { id: s.payment.id })).payment?.refundedAmount.amount).toBe('0.00');
    await provider.finishRefund(pending?.id ?? '');
    expect((await s.client.request(PaymentDocument, { id: s.payment.id })).payment).toMatchObject({ status: 'PARTIALLY_REFUNDED', refundedAmount: { amount: '450.00' } });
  });

  it('parallel refunds never exceed the payment', async () => {
    const s = await paidFee();
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => refund(admin, s.payment.id, '1000')));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    const rows = await t.running.app.db.db.select().from(refunds).where(eq(refunds.paymentId, s.payment.id));
    expect(rows.reduce((sum, r) => sum + r.amountKopecks, 0)).toBe(200000);
    expect((await refund(admin, s.payment.id, null)).refundPayment).toMatchObject({ status: 'REFUNDED', refundedAmount: { amount: '2450.00' } });
  });

  it('operators of another branch do not find the payment; a citizen may not refund; a reason is required', async () => {
    const s = await paidFee();
    expect((await errorOf(refund(opB, s.payment.id, null))).extensions.code).toBe('NOT_FOUND');
    expect((await errorOf(refund(s.client, s.payment.id, null))).extensions.code).toBe('FORBIDDEN');
    expect((await errorOf(refund(opA, s.payment.id, null, '  '))).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'reason' }] });
    const fine = await issueFine(admin, s.id);
    const p = await startPaying(s.client, fine.id);
    await provider.succeed(remoteOf(p.id));
    expect((await errorOf(refund(opA, p.id, null))).extensions.code).toBe('NOT_FOUND');
  });

  it('a second successful payment of a paid charge is refunded automatically', async () => {
    const s = await submitted();
    provider.state.hangNext = 1; // the first payment is made at the provider, but its answer never arrives
    await errorOf(startPaying(s.client, s.fee.id));
    const lost = [...provider.payments.values()].at(-1);
    const reconcile = processors[reconcilePayments.name];
    try {
      t.clock.advance(16 * 60_000); // the reconciler gives up on the unanswered payment
      await reconcile?.({ name: reconcilePayments.name, data: {} } as Job, t.running.app);
    } finally {
      t.clock.reset();
    }
    const second = await startPaying(s.client, s.fee.id);
    await provider.succeed(remoteOf(second.id));
    await provider.succeed(lost?.id ?? ''); // the citizen had the first page open and paid there too
    const { charge } = await eventually(async () => {
      const r = await s.client.request(ChargeDocument, { id: s.fee.id });
      expect(r.charge?.payments.map((p) => p.status).sort()).toEqual(['REFUNDED', 'SUCCEEDED']);
      return r;
    });
    expect(charge?.status).toBe('PAID');
    const rows = await t.running.app.db.db.select().from(refunds);
    expect(rows.find((r) => r.reason.startsWith('Повторная оплата'))).toMatchObject({ status: 'SUCCEEDED', amountKopecks: 245000, actorId: null });
  });
});
