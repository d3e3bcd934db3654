/**
 * The development sandbox: a provider kept in Redis (so the API and the workers share it) that
 * answers like YooKassa API v3. Its confirmation page (/payments/sandbox/:id, payments.http.ts)
 * lets the developer pay or decline; the result then goes through the same notification path as
 * the real provider's. Production refuses to start without a real provider (src/config).
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { ProviderError, type CreatePaymentRequest, type CreateRefundRequest, type PaymentProvider, type ProviderPayment, type ProviderRefund } from './provider.js';

const DAY_SECONDS = 24 * 3600;

export class SandboxProvider implements PaymentProvider {
  readonly sandbox = true;

  constructor(private readonly deps: { redis: Redis; prefix: string; publicUrl: string }) {}

  private key(kind: string, id: string): string {
    return `${this.deps.prefix}payments:sandbox:${kind}:${id}`;
  }

  async createPayment(req: CreatePaymentRequest): Promise<ProviderPayment> {
    const id = randomUUID();
    const claimed = await this.deps.redis.set(this.key('idem', req.idempotenceKey), id, 'EX', DAY_SECONDS, 'NX');
    if (claimed !== 'OK') return this.getPayment((await this.deps.redis.get(this.key('idem', req.idempotenceKey))) ?? '');
    const payment: ProviderPayment = {
      id,
      status: 'pending',
      amountKopecks: req.amountKopecks,
      confirmationUrl: `${this.deps.publicUrl.replace(/\/$/, '')}/payments/sandbox/${id}`,
      cancellationReason: null,
      paymentId: req.paymentId,
    };
    await this.deps.redis.set(this.key('payment', id), JSON.stringify(payment), 'EX', DAY_SECONDS);
    return payment;
  }

  async getPayment(id: string): Promise<ProviderPayment> {
    const text = await this.deps.redis.get(this.key('payment', id));
    if (!text) throw new ProviderError('sandbox: no such payment', false, 404);
    return JSON.parse(text) as ProviderPayment;
  }

  /** The sandbox page's buttons: pay or decline a pending payment. */
  async decide(id: string, pay: boolean): Promise<ProviderPayment> {
    const p = await this.getPayment(id);
    if (p.status !== 'pending') return p;
    const next: ProviderPayment = pay ? { ...p, status: 'succeeded' } : { ...p, status: 'canceled', cancellationReason: 'permission_revoked' };
    await this.deps.redis.set(this.key('payment', id), JSON.stringify(next), 'EX', DAY_SECONDS);
    return next;
  }

  async createRefund(req: CreateRefundRequest): Promise<ProviderRefund> {
    const known = await this.deps.redis.get(this.key('refund-idem', req.idempotenceKey));
    if (known) return this.getRefund(known);
    const payment = await this.getPayment(req.providerPaymentId);
    if (payment.status !== 'succeeded') throw new ProviderError('sandbox: the payment is not succeeded', false, 400);
    const refund: ProviderRefund = { id: randomUUID(), status: 'succeeded', paymentId: payment.id, amountKopecks: req.amountKopecks };
    await this.deps.redis.set(this.key('refund', refund.id), JSON.stringify(refund), 'EX', DAY_SECONDS);
    await this.deps.redis.set(this.key('refund-idem', req.idempotenceKey), refund.id, 'EX', DAY_SECONDS);
    return refund;
  }

  async getRefund(id: string): Promise<ProviderRefund> {
    const text = await this.deps.redis.get(this.key('refund', id));
    if (!text) throw new ProviderError('sandbox: no such refund', false, 404);
    return JSON.parse(text) as ProviderRefund;
  }
}
