/**
 * Refunds: staff (operators of the application's branch, admins) return a payment whole or in part
 * with a reason; the system does when a charge was paid twice or an application ended before work
 * started. A refund is reserved in one transaction with the payment locked (pending refunds count,
 * so parallel refunds never exceed the payment), sent to the provider with its own id as the
 * Idempotence-Key, and settled when the provider says succeeded; each success is a ledger entry.
 */
import type { Executor } from '../../db/client.js';
import { writeOutbox } from '../../jobs/outbox.js';
import { badField, forbidden, notFound, preconditionFailed } from '../../shared/errors.js';
import { isStaff, type Viewer } from '../../shared/auth/viewer.js';
import * as charges from './charges.repository.js';
import * as repo from './payments.repository.js';
import type { PaymentRow, RefundRow } from './payments.repository.js';
import type { PaymentEffects, PaymentsDeps } from './payments.deps.js';
import type { PaymentsAccess } from './payments.access.js';
import { sendRefund } from './payments.jobs.js';
import { formatKopecks, parseKopecks, refundableKopecks, statusAfterRefunds } from './payments.rules.js';
import { ProviderError, type ProviderRefund } from './provider/provider.js';

const REFUNDABLE = new Set(['SUCCEEDED', 'PARTIALLY_REFUNDED']);

export class RefundsService {
  constructor(
    private readonly deps: Pick<PaymentsDeps, 'db' | 'clock' | 'log' | 'provider' | 'notifications'>,
    private readonly access: PaymentsAccess,
    private readonly effects: PaymentEffects,
  ) {}

  async refund(viewer: Viewer, paymentId: string, amount: string | null | undefined, reason: string): Promise<PaymentRow> {
    if (!isStaff(viewer)) throw forbidden('Возврат оформляют операторы и администраторы');
    const payment = await repo.findPayment(this.deps.db, paymentId);
    const charge = payment && (await charges.findCharge(this.deps.db, payment.chargeId));
    if (!payment || !charge || !(await this.access.mayRefund(viewer, charge))) throw notFound('Платёж');
    const why = reason.trim();
    if (!why || why.length > 500) throw badField('reason', 'Укажите причину возврата (до 500 символов)');
    const asked = amount == null ? null : parseKopecks(amount);
    if (amount != null && asked === null) throw badField('amount', 'Сумма — положительное число рублей, не больше двух знаков после точки');
    const refund = await this.deps.db.transaction((tx) => this.reserve(tx, payment.id, asked, why, viewer.userId));
    await this.runRefund(refund.id).catch((err: unknown) => this.deps.log.warn({ err, refundId: refund.id }, 'refund not sent yet; the reconciler retries'));
    return (await repo.findPayment(this.deps.db, payment.id)) ?? payment;
  }

  /** In the caller's transaction, the payment locked: a PENDING refund of `kopecks` (all that is left when null). */
  async reserve(tx: Executor, paymentId: string, kopecks: number | null, reason: string, actorId: string | null): Promise<RefundRow> {
    const payment = await repo.lockPayment(tx, paymentId);
    if (!payment) throw notFound('Платёж');
    if (payment.status === 'REFUNDED') throw preconditionFailed('Платёж уже возвращён полностью', { rule: 'NOTHING_TO_REFUND' });
    if (!REFUNDABLE.has(payment.status)) throw preconditionFailed('Вернуть можно только проведённый платёж', { rule: 'PAYMENT_NOT_PAID', status: payment.status });
    const left = refundableKopecks(payment.amountKopecks, await repo.refundsOf(tx, payment.id));
    const amount = kopecks ?? left;
    if (left <= 0) throw preconditionFailed('Платёж уже возвращён полностью', { rule: 'NOTHING_TO_REFUND' });
    if (amount > left) throw badField('amount', `Больше, чем можно вернуть: не больше ${formatKopecks(left)} ₽`);
    return repo.insertRefund(tx, { paymentId: payment.id, amountKopecks: amount, reason, actorId, createdAt: this.deps.clock.now() });
  }

  /** In the caller's transaction: a refund of what is left, sent by the job (after the commit). */
  async refundLater(tx: Executor, paymentId: string, reason: string): Promise<RefundRow> {
    const refund = await this.reserve(tx, paymentId, null, reason, null);
    await writeOutbox(tx, sendRefund, { refundId: refund.id }, { jobId: `payments-refund-${refund.id}` });
    return refund;
  }

  /** Sends a PENDING refund to the provider (again: the same Idempotence-Key) and settles what it answers. */
  async runRefund(refundId: string): Promise<string> {
    const { db, provider } = this.deps;
    const refund = await repo.findRefund(db, refundId);
    if (refund?.status !== 'PENDING') return 'SETTLED';
    const payment = await repo.findPayment(db, refund.paymentId);
    if (!payment?.providerPaymentId) throw new Error(`refund ${refundId}: the payment has no provider id`);
    let answer: ProviderRefund;
    try {
      answer = refund.providerRefundId
        ? await provider.getRefund(refund.providerRefundId)
        : await provider.createRefund({ idempotenceKey: refund.id, providerPaymentId: payment.providerPaymentId, amountKopecks: refund.amountKopecks, description: refund.reason });
    } catch (err) {
      if (err instanceof ProviderError && !err.retryable) {
        await db.transaction((tx) => this.fail(tx, refund.id, err.message));
        return 'FAILED';
      }
      throw err;
    }
    return this.apply(refund.id, answer);
  }

  /** The provider's refund as it is now (fetched, never taken from a notification's body). */
  async apply(refundId: string, answer: ProviderRefund): Promise<string> {
    const { db, clock } = this.deps;
    const settled = await db.transaction(async (tx) => {
      // The payment first, then the refund: every path locks in this order (no deadlock with reserve).
      const seen = await repo.findRefund(tx, refundId);
      if (!seen) return null;
      await repo.lockPayment(tx, seen.paymentId);
      const refund = await repo.lockRefund(tx, refundId);
      if (refund?.status !== 'PENDING') return null;
      if (!refund.providerRefundId) await repo.updateRefund(tx, refund.id, { providerRefundId: answer.id });
      if (answer.status === 'canceled') return this.fail(tx, refund.id, 'отклонён платёжным сервисом');
      if (answer.status !== 'succeeded') return null;
      return this.succeed(tx, refund, clock.now());
    });
    if (settled) this.effects.publish(settled);
    return settled ? settled.status : 'PENDING';
  }

  async findByProviderId(providerRefundId: string): Promise<RefundRow | undefined> {
    return repo.findRefundByProviderId(this.deps.db, providerRefundId);
  }

  private async succeed(tx: Executor, refund: RefundRow, now: Date): Promise<PaymentRow> {
    await repo.updateRefund(tx, refund.id, { status: 'SUCCEEDED', settledAt: now });
    const payment = await repo.lockPayment(tx, refund.paymentId);
    if (!payment) throw new Error(`refund ${refund.id} without its payment`);
    const refunded = payment.refundedKopecks + refund.amountKopecks;
    const row = await repo.updatePayment(tx, payment.id, payment.status, { refundedKopecks: refunded, status: statusAfterRefunds(payment.amountKopecks, refunded), updatedAt: now });
    if (!row) throw new Error(`payment ${payment.id} changed under its lock`);
    await charges.appendLedger(tx, { kind: 'REFUND_SUCCEEDED', chargeId: payment.chargeId, paymentId: payment.id, refundId: refund.id, amountKopecks: refund.amountKopecks, note: refund.reason, at: now });
    const charge = await charges.findCharge(tx, payment.chargeId);
    await this.deps.notifications.notify(tx, { userId: payment.userId, template: 'payment.refunded', vars: { purpose: charge?.purpose ?? '', amount: formatKopecks(refund.amountKopecks) }, subjectType: 'Payment', subjectId: payment.id });
    return row;
  }

  private async fail(tx: Executor, refundId: string, reason: string): Promise<null> {
    this.deps.log.warn({ refundId, reason }, 'refund failed at the provider');
    await repo.updateRefund(tx, refundId, { status: 'FAILED', settledAt: this.deps.clock.now() });
    return null;
  }
}
