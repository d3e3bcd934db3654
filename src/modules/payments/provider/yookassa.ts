/**
 * The YooKassa API v3 client: HTTP Basic with the shop id and secret key, an Idempotence-Key on
 * every POST, redirect confirmation, `payment_method_data: {type: "sbp"}` for SBP, capture at once.
 * Every call is bounded by PAYMENT_PROVIDER_TIMEOUT_MS; a timeout, a network failure or a 5xx is a
 * retryable ProviderError (the same Idempotence-Key makes the retry safe).
 */
import { formatKopecks, parseKopecks } from '../payments.rules.js';
import { ProviderError, type CreatePaymentRequest, type CreateRefundRequest, type PaymentProvider, type ProviderPayment, type ProviderRefund } from './provider.js';

interface WirePayment {
  id: string;
  status: string;
  amount: { value: string; currency: string };
  confirmation?: { type: string; confirmation_url?: string };
  cancellation_details?: { party?: string; reason?: string };
  metadata?: Record<string, string>;
}

interface WireRefund {
  id: string;
  status: string;
  payment_id: string;
  amount: { value: string; currency: string };
}

export interface YooKassaOptions {
  url: string;
  shopId: string;
  secretKey: string;
  timeoutMs: number;
}

const toPayment = (w: WirePayment): ProviderPayment => ({
  id: w.id,
  status: w.status,
  amountKopecks: parseKopecks(w.amount.value) ?? 0,
  confirmationUrl: w.confirmation?.confirmation_url ?? null,
  cancellationReason: w.cancellation_details?.reason ?? null,
  paymentId: w.metadata?.payment_id ?? null,
});

const toRefund = (w: WireRefund): ProviderRefund => ({ id: w.id, status: w.status, paymentId: w.payment_id, amountKopecks: parseKopecks(w.amount.value) ?? 0 });

export class YooKassaClient implements PaymentProvider {
  readonly sandbox = false;
  private readonly auth: string;
  private readonly base: string;

  constructor(private readonly opts: YooKassaOptions) {
    this.auth = `Basic ${Buffer.from(`${opts.shopId}:${opts.secretKey}`).toString('base64')}`;
    this.base = opts.url.replace(/\/$/, '');
  }

  async createPayment(req: CreatePaymentRequest): Promise<ProviderPayment> {
    const body = {
      amount: { value: formatKopecks(req.amountKopecks), currency: 'RUB' },
      capture: true,
      confirmation: { type: 'redirect', return_url: req.returnUrl },
      description: req.description.slice(0, 128),
      metadata: { payment_id: req.paymentId },
      ...(req.method === 'SBP' ? { payment_method_data: { type: 'sbp' } } : {}),
    };
    return toPayment(await this.call<WirePayment>('POST', '/v3/payments', body, req.idempotenceKey));
  }

  async getPayment(id: string): Promise<ProviderPayment> {
    return toPayment(await this.call<WirePayment>('GET', `/v3/payments/${encodeURIComponent(id)}`));
  }

  async createRefund(req: CreateRefundRequest): Promise<ProviderRefund> {
    const body = { payment_id: req.providerPaymentId, amount: { value: formatKopecks(req.amountKopecks), currency: 'RUB' }, description: req.description.slice(0, 250) };
    return toRefund(await this.call<WireRefund>('POST', '/v3/refunds', body, req.idempotenceKey));
  }

  async getRefund(id: string): Promise<ProviderRefund> {
    return toRefund(await this.call<WireRefund>('GET', `/v3/refunds/${encodeURIComponent(id)}`));
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown, idempotenceKey?: string): Promise<T> {
    const headers: Record<string, string> = { authorization: this.auth, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (idempotenceKey) headers['idempotence-key'] = idempotenceKey;
    let res: Response;
    try {
      res = await fetch(`${this.base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(this.opts.timeoutMs) });
    } catch (err) {
      throw new ProviderError(`payment provider unreachable: ${(err as Error).message}`, true);
    }
    const text = await res.text().catch(() => '');
    if (!res.ok) throw new ProviderError(`payment provider answered ${res.status}: ${text.slice(0, 200)}`, res.status >= 500 || res.status === 429, res.status);
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ProviderError('payment provider answered with malformed JSON', true, res.status);
    }
  }
}
