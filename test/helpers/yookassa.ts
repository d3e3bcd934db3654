/**
 * A local server speaking the YooKassa API v3 protocol: HTTP Basic (shop id + secret key), a
 * required Idempotence-Key on POST (the same key answers the same object), POST/GET payments with
 * redirect confirmation and `payment_method_data: {type: "sbp"}`, POST/GET refunds (never beyond
 * the payment), and HTTP notifications (payment.succeeded / payment.canceled / refund.succeeded)
 * to the application's webhook. Tests drive the citizen's side (pay, decline), lose or repeat
 * notifications, and make the next requests hang past the client's timeout.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakePayment {
  id: string;
  status: 'pending' | 'waiting_for_capture' | 'succeeded' | 'canceled';
  paid: boolean;
  amount: { value: string; currency: string };
  confirmation: { type: 'redirect'; confirmation_url: string; return_url: string };
  payment_method: { type: string };
  description?: string;
  metadata?: Record<string, string>;
  cancellation_details?: { party: string; reason: string };
  created_at: string;
}

export interface FakeRefund {
  id: string;
  status: 'pending' | 'succeeded' | 'canceled';
  payment_id: string;
  amount: { value: string; currency: string };
  created_at: string;
}

const kop = (v: string) => Math.round(Number(v) * 100);

export async function startYooKassa(opts: { shopId: string; secretKey: string }) {
  const payments = new Map<string, FakePayment>();
  const refunds = new Map<string, FakeRefund>();
  const byKey = new Map<string, string>();
  const requests: Array<{ method: string; path: string; idempotenceKey: string | null; body: unknown }> = [];
  const state = { webhookUrl: '', hangNext: 0, hangMs: 2000, refundStatus: 'succeeded' as FakeRefund['status'] };
  const auth = `Basic ${Buffer.from(`${opts.shopId}:${opts.secretKey}`).toString('base64')}`;

  const handle = (req: IncomingMessage, raw: string, reply: (status: number, body: unknown) => void) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const key = typeof req.headers['idempotence-key'] === 'string' ? req.headers['idempotence-key'] : null;
    let body: unknown = null;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        return reply(400, { type: 'error', code: 'invalid_request', description: 'bad json' });
      }
    }
    requests.push({ method: req.method ?? '', path, idempotenceKey: key, body });
    if (req.headers.authorization !== auth) return reply(401, { type: 'error', code: 'invalid_credentials' });
    if (req.method === 'POST' && !key) return reply(400, { type: 'error', code: 'invalid_request', description: 'Idempotence-Key header is required' });
    if (req.method === 'POST' && path === '/v3/payments') return createPayment(key ?? '', body as Record<string, never>, reply);
    if (req.method === 'POST' && path === '/v3/refunds') return createRefund(key ?? '', body as Record<string, never>, reply);
    const m = /^\/v3\/(payments|refunds)\/([\w-]+)$/.exec(path);
    if (req.method === 'GET' && m) {
      const found = m[1] === 'payments' ? payments.get(m[2] ?? '') : refunds.get(m[2] ?? '');
      return found ? reply(200, found) : reply(404, { type: 'error', code: 'not_found' });
    }
    return reply(404, { type: 'error', code: 'not_found' });
  };

  const createPayment = (key: string, b: { amount?: { value?: string; currency?: string }; confirmation?: { type?: string; return_url?: string }; payment_method_data?: { type?: string }; description?: string; metadata?: Record<string, string> }, reply: (s: number, b: unknown) => void) => {
    const known = byKey.get(`p:${key}`);
    if (known) return reply(200, payments.get(known));
    if (!b.amount?.value || !/^\d+\.\d{2}$/.test(b.amount.value) || b.amount.currency !== 'RUB') return reply(400, { type: 'error', code: 'invalid_request', parameter: 'amount' });
    if (b.confirmation?.type !== 'redirect' || !b.confirmation.return_url) return reply(400, { type: 'error', code: 'invalid_request', parameter: 'confirmation' });
    const id = randomUUID();
    const p: FakePayment = {
      id,
      status: 'pending',
      paid: false,
      amount: { value: b.amount.value, currency: 'RUB' },
      confirmation: { type: 'redirect', confirmation_url: `${url}/checkout/${id}`, return_url: b.confirmation.return_url },
      payment_method: { type: b.payment_method_data?.type ?? 'bank_card' },
      description: b.description,
      metadata: b.metadata,
      created_at: new Date().toISOString(),
    };
    payments.set(id, p);
    byKey.set(`p:${key}`, id);
    reply(200, p);
  };

  const createRefund = (key: string, b: { payment_id?: string; amount?: { value?: string } }, reply: (s: number, b: unknown) => void) => {
    const known = byKey.get(`r:${key}`);
    if (known) return reply(200, refunds.get(known));
    const p = payments.get(b.payment_id ?? '');
    if (!p || p.status !== 'succeeded') return reply(400, { type: 'error', code: 'invalid_request', parameter: 'payment_id' });
    const asked = kop(b.amount?.value ?? '0');
    const done = [...refunds.values()].filter((r) => r.payment_id === p.id && r.status !== 'canceled').reduce((s, r) => s + kop(r.amount.value), 0);
    if (asked <= 0 || asked + done > kop(p.amount.value)) return reply(400, { type: 'error', code: 'invalid_request', parameter: 'amount', description: 'refund exceeds the payment' });
    const r: FakeRefund = { id: randomUUID(), status: state.refundStatus, payment_id: p.id, amount: { value: (asked / 100).toFixed(2), currency: 'RUB' }, created_at: new Date().toISOString() };
    refunds.set(r.id, r);
    byKey.set(`r:${key}`, r.id);
    reply(200, r);
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const hang = state.hangNext > 0;
      if (hang) state.hangNext -= 1;
      // A hanging provider still does the work; only the answer comes too late.
      handle(req, Buffer.concat(chunks).toString('utf8'), (status, body) => {
        const send = () => {
          if (res.destroyed) return;
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        };
        if (hang) setTimeout(send, state.hangMs);
        else send();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** Sends a notification as the provider does (`times` > 1: a duplicate delivery). */
  async function notify(event: string, object: unknown, times = 1): Promise<number[]> {
    const statuses: number[] = [];
    for (let i = 0; i < times; i++) {
      const res = await fetch(state.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'notification', event, object }) });
      statuses.push(res.status);
    }
    return statuses;
  }

  const get = (id: string): FakePayment => {
    const p = payments.get(id);
    if (!p) throw new Error(`fake provider: no payment ${id}`);
    return p;
  };

  return {
    url,
    payments,
    refunds,
    requests,
    state,
    notify,
    /** The citizen pays on the provider's page; `notify: false` loses the notification. */
    async succeed(id: string, o: { notify?: boolean; times?: number } = {}) {
      const p = get(id);
      Object.assign(p, { status: 'succeeded', paid: true });
      return o.notify === false ? [] : notify('payment.succeeded', p, o.times ?? 1);
    },
    /** The bank declines (or the citizen gives up): canceled with a reason. */
    async decline(id: string, reason = 'insufficient_funds', o: { notify?: boolean } = {}) {
      const p = get(id);
      Object.assign(p, { status: 'canceled', cancellation_details: { party: 'payment_network', reason } });
      return o.notify === false ? [] : notify('payment.canceled', p);
    },
    /** A refund left pending finishes at the provider. */
    async finishRefund(id: string, o: { notify?: boolean } = {}) {
      const r = refunds.get(id);
      if (!r) throw new Error(`fake provider: no refund ${id}`);
      r.status = 'succeeded';
      return o.notify === false ? [] : notify('refund.succeeded', r);
    },
    paymentsCreated: () => payments.size,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeYooKassa = Awaited<ReturnType<typeof startYooKassa>>;
