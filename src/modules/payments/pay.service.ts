/**
 * payCharge: a charge is paid at most once. In one transaction with the charge locked, a PENDING
 * payment of the charge is reused (a second tab, a retry) or a new one is written (the partial
 * unique index backs the lock); then the payment is created at the provider with our payment's id
 * as the Idempotence-Key, so every caller of the same payment gets the same provider payment and
 * confirmation page. An Idempotency-Key header returns the payment it made before.
 *
 * Round trips are counted here (bench:payments): the charge read under the lock is passed on, the
 * provider's answer is attached and the account feed's event appended in one transaction, and the
 * payment is read again only when the provider's answer settled it.
 */
import { badField, conflict, notFound, preconditionFailed } from '../../shared/errors.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import * as charges from './charges.repository.js';
import type { ChargeRow } from './charges.repository.js';
import * as repo from './payments.repository.js';
import type { PaymentRow } from './payments.repository.js';
import type { PaymentEffects, PaymentsDeps } from './payments.deps.js';
import type { ChargesService } from './charges.service.js';
import { payableKopecks, returnUrlAllowed } from './payments.rules.js';
import { ProviderError, type PaymentMethodName } from './provider/provider.js';
import type { SettlementService } from './settlement.service.js';

const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

export class PayService {
  constructor(
    private readonly deps: Pick<PaymentsDeps, 'db' | 'clock' | 'log' | 'provider' | 'config'>,
    private readonly chargesService: ChargesService,
    private readonly settlement: SettlementService,
    private readonly effects: PaymentEffects,
  ) {}

  async pay(viewer: Viewer, chargeId: string, method: PaymentMethodName, returnUrl: string, idempotencyKey: string | null): Promise<PaymentRow> {
    if (!returnUrlAllowed(returnUrl, this.deps.config.PAYMENT_RETURN_URLS)) throw badField('returnUrl', 'Адрес возврата не разрешён (PAYMENT_RETURN_URLS)');
    if (idempotencyKey !== null && (idempotencyKey.length === 0 || idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH)) throw badField('Idempotency-Key', `Ключ идемпотентности — от 1 до ${MAX_IDEMPOTENCY_KEY_LENGTH} символов`);
    const earlier = idempotencyKey ? await repo.paymentByIdempotencyKey(this.deps.db, viewer.userId, idempotencyKey) : undefined;
    if (earlier) {
      if (earlier.chargeId !== chargeId) throw conflict('Этот ключ идемпотентности уже использован для другого платежа', 'Idempotency-Key');
      return earlier;
    }
    const { payment, charge } = await this.pendingPayment(viewer, chargeId, method, returnUrl, idempotencyKey);
    return payment.confirmationUrl ? payment : this.createAtProvider(payment, charge);
  }

  /** The charge's PENDING payment: the one there, or a new one (the charge locked meanwhile). */
  private async pendingPayment(viewer: Viewer, chargeId: string, method: PaymentMethodName, returnUrl: string, idempotencyKey: string | null): Promise<{ payment: PaymentRow; charge: ChargeRow }> {
    const { db, clock } = this.deps;
    return db.transaction(async (tx) => {
      const charge = await charges.lockCharge(tx, chargeId);
      if (charge?.userId !== viewer.userId) throw notFound('Начисление');
      if (charge.status === 'PAID') throw preconditionFailed('Начисление уже оплачено', { rule: 'CHARGE_PAID' });
      if (charge.status === 'CANCELLED') throw preconditionFailed('Начисление отменено: оплачивать его не нужно', { rule: 'CHARGE_CANCELLED' });
      const pending = await repo.pendingPaymentOf(tx, charge.id);
      if (pending) return { payment: pending, charge };
      const now = clock.now();
      const amountKopecks = payableKopecks(charge, this.chargesService.today());
      const row = await repo.insertPayment(tx, { chargeId: charge.id, userId: viewer.userId, amountKopecks, method, returnUrl, idempotencyKey, createdAt: now, updatedAt: now });
      if (row === 'DUPLICATE') throw conflict('Платёж по этому начислению уже создаётся: обновите страницу');
      return { payment: row, charge };
    });
  }

  /** Creates (or finds again, by the same Idempotence-Key) the payment at the provider and keeps its page. */
  private async createAtProvider(payment: PaymentRow, charge: ChargeRow): Promise<PaymentRow> {
    const { db, clock, provider, log } = this.deps;
    try {
      const remote = await provider.createPayment({
        idempotenceKey: payment.id,
        amountKopecks: payment.amountKopecks,
        method: payment.method,
        returnUrl: payment.returnUrl,
        description: `${charge.purpose} (УИН ${charge.uin})`,
        paymentId: payment.id,
      });
      const row = await db.transaction(async (tx) => {
        const attached = await repo.attachProviderPayment(tx, payment.id, remote.id, remote.confirmationUrl, clock.now());
        if (attached) await this.effects.appendFeed(tx, attached);
        return attached;
      });
      if (remote.status !== 'pending') {
        await this.settlement.apply(payment.id, remote);
        return (await repo.findPayment(db, payment.id)) ?? row ?? payment;
      }
      if (row) this.effects.publishLive(row);
      return row ?? (await repo.findPayment(db, payment.id)) ?? payment;
    } catch (err) {
      if (!(err instanceof ProviderError)) throw err;
      log.warn({ err: err.message, paymentId: payment.id }, 'the payment provider did not create a payment');
      if (err.retryable) throw preconditionFailed('Платёжный сервис сейчас не отвечает: попробуйте ещё раз через минуту', { rule: 'PROVIDER_UNAVAILABLE' });
      const failed = await db.transaction((tx) => repo.updatePayment(tx, payment.id, 'PENDING', { status: 'FAILED', failureReason: 'Платёжный сервис отказал в создании платежа', updatedAt: clock.now() }));
      if (failed) this.effects.publish(failed);
      return failed ?? payment;
    }
  }
}
