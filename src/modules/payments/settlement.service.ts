/**
 * Settling payments from what the provider says, never from a notification's body: a notification
 * only names a payment or refund, which is then fetched from the provider (its own recommendation)
 * and applied idempotently (compare-and-set on the status, the charge locked). A success for a
 * charge already paid (or cancelled) is kept in the ledger and refunded automatically. The
 * reconciler settles what stayed PENDING longer than PAYMENT_RECONCILE_MINUTES the same way.
 */
import type { Executor } from '../../db/client.js';
import * as charges from './charges.repository.js';
import type { ChargeRow } from './charges.repository.js';
import * as repo from './payments.repository.js';
import type { PaymentRow } from './payments.repository.js';
import type { PaymentEffects, PaymentsDeps } from './payments.deps.js';
import { formatKopecks, settlementOf } from './payments.rules.js';
import type { ProviderPayment } from './provider/provider.js';
import type { RefundsService } from './refunds.service.js';

const BATCH = 100;

/** A notification's body as far as it is read: its event and the id of the object it names. */
export interface ProviderNotification {
  event: string;
  objectId: string;
}

export class SettlementService {
  constructor(
    private readonly deps: Pick<PaymentsDeps, 'db' | 'clock' | 'log' | 'provider' | 'notifications' | 'config'>,
    private readonly refunds: RefundsService,
    private readonly effects: PaymentEffects,
  ) {}

  /** A notification: only its object's id is used; the state is fetched from the provider. */
  async notified(n: ProviderNotification): Promise<string> {
    if (n.event.startsWith('payment.')) return this.syncPayment(n.objectId);
    if (n.event.startsWith('refund.')) {
      const refund = await this.refunds.findByProviderId(n.objectId);
      if (!refund) return 'UNKNOWN';
      return this.refunds.apply(refund.id, await this.deps.provider.getRefund(n.objectId));
    }
    return 'IGNORED';
  }

  /** Fetches a payment from the provider and applies its state here. */
  async syncPayment(providerPaymentId: string): Promise<string> {
    const remote = await this.deps.provider.getPayment(providerPaymentId);
    const local = (await repo.findPaymentByProviderId(this.deps.db, remote.id)) ?? (remote.paymentId ? await repo.findPayment(this.deps.db, remote.paymentId) : undefined);
    if (!local) {
      this.deps.log.warn({ providerPaymentId }, 'a notification for a payment we do not know');
      return 'UNKNOWN';
    }
    return this.apply(local.id, remote);
  }

  /** The provider's state of one of our payments, applied once (whoever comes second finds it settled). */
  async apply(paymentId: string, remote: ProviderPayment): Promise<string> {
    const outcome = settlementOf(remote);
    if (!outcome) return 'PENDING';
    const { db, clock, log } = this.deps;
    const now = clock.now();
    const settled = await db.transaction(async (tx) => {
      const payment = await repo.lockPayment(tx, paymentId);
      if (!payment) return null;
      if (payment.providerPaymentId && payment.providerPaymentId !== remote.id) return null;
      if (outcome.status !== 'SUCCEEDED') {
        if (payment.status !== 'PENDING') return null;
        return repo.updatePayment(tx, payment.id, 'PENDING', { status: outcome.status, failureReason: outcome.reason, providerPaymentId: remote.id, updatedAt: now });
      }
      // A success is taken from PENDING, and from FAILED/CANCELLED too: money taken must be accounted for.
      if (payment.status !== 'PENDING' && payment.status !== 'FAILED' && payment.status !== 'CANCELLED') return null;
      if (remote.amountKopecks !== payment.amountKopecks) {
        log.error({ paymentId, expected: payment.amountKopecks, got: remote.amountKopecks }, 'the provider reports another amount: not settled');
        return null;
      }
      return this.succeed(tx, payment, remote.id, now);
    });
    if (!settled) return 'UNCHANGED';
    this.effects.publish(settled);
    return settled.status;
  }

  /** In the transaction, the payment locked: SUCCEEDED, the ledger, and the charge PAID, or a refund when it was paid already. */
  private async succeed(tx: Executor, payment: PaymentRow, providerPaymentId: string, now: Date): Promise<PaymentRow | null> {
    const row = await repo.updatePayment(tx, payment.id, payment.status, { status: 'SUCCEEDED', paidAt: now, providerPaymentId, failureReason: null, updatedAt: now });
    if (!row) return null;
    await charges.appendLedger(tx, { kind: 'PAYMENT_SUCCEEDED', chargeId: row.chargeId, paymentId: row.id, amountKopecks: -row.amountKopecks, at: now });
    const charge = await charges.lockCharge(tx, row.chargeId);
    if (!charge) throw new Error(`payment ${row.id} without its charge`);
    if (charge.status === 'UNPAID') {
      await charges.updateCharge(tx, charge.id, 'UNPAID', { status: 'PAID', paidAt: now });
      await this.tellPaid(tx, charge, row);
      return row;
    }
    // Paid twice (two tabs, a late success after a retry) or paid after a cancellation: the money goes back.
    this.deps.log.warn({ paymentId: row.id, chargeId: charge.id, chargeStatus: charge.status }, 'a second successful payment for a charge: refunded automatically');
    await this.refunds.refundLater(tx, row.id, charge.status === 'PAID' ? 'Повторная оплата начисления: возврат автоматически' : 'Начисление отменено: возврат автоматически');
    return row;
  }

  private async tellPaid(tx: Executor, charge: ChargeRow, payment: PaymentRow): Promise<void> {
    await this.deps.notifications.notify(tx, { userId: payment.userId, template: 'payment.succeeded', vars: { purpose: charge.purpose, amount: formatKopecks(payment.amountKopecks) }, subjectType: 'Payment', subjectId: payment.id });
  }

  /** Payments and refunds PENDING longer than PAYMENT_RECONCILE_MINUTES, asked of the provider. */
  async reconcile(): Promise<{ payments: number; refunds: number }> {
    const { db, clock, config, log } = this.deps;
    const before = new Date(clock.now().getTime() - config.PAYMENT_RECONCILE_MINUTES * 60_000);
    let settledPayments = 0;
    for (const p of await repo.stalePendingPayments(db, before, BATCH)) {
      try {
        if ((await this.reconcileOne(p)) !== 'PENDING') settledPayments += 1;
      } catch (err) {
        log.warn({ err, paymentId: p.id }, 'reconciliation of a payment failed; tried again next round');
      }
    }
    let settledRefunds = 0;
    for (const r of await repo.stalePendingRefunds(db, before, BATCH)) {
      try {
        if ((await this.refunds.runRefund(r.id)) !== 'PENDING') settledRefunds += 1;
      } catch (err) {
        log.warn({ err, refundId: r.id }, 'reconciliation of a refund failed; tried again next round');
      }
    }
    return { payments: settledPayments, refunds: settledRefunds };
  }

  /** One stale payment: asked of the provider; one the provider never took (no id after a failed call) fails. */
  private async reconcileOne(p: PaymentRow): Promise<string> {
    if (p.providerPaymentId) return this.apply(p.id, await this.deps.provider.getPayment(p.providerPaymentId));
    const now = this.deps.clock.now();
    const row = await this.deps.db.transaction((tx) => repo.updatePayment(tx, p.id, 'PENDING', { status: 'FAILED', failureReason: 'Платёжный сервис не принял платёж', updatedAt: now }));
    if (row) this.effects.publish(row);
    return row ? row.status : 'PENDING';
  }
}
