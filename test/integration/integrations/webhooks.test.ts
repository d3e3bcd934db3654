/**
 * Signed webhooks end to end: real events written in their transactions, fanned out from the
 * outbox, POSTed by the workers to a real HTTP receiver that verifies the Standard Webhooks
 * signature with the `standardwebhooks` package; retries with backoff, the endpoint switched off
 * after WEBHOOK_DISABLE_AFTER_HOURS with a message to admins, replays, scopes of API clients.
 */
import WebSocket from 'ws';
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BookAppointmentDocument, AvailableSlotsDocument } from '../../../src/sdk/generated/graphql.js';
import { MfcClient, type Doc } from '../../../src/sdk/client.js';
import { createAccount, registerCitizen } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { errorOf } from '../../helpers/graphql.js';
import { startWebhookReceiver } from '../../helpers/webhook-receiver.js';
import { buildBranch, buildCategory, buildService } from '../../factories/catalog.js';

const doc = <R = Record<string, unknown>, V = Record<string, unknown>>(q: string) => ({ toString: () => q }) as Doc<R, V>;
const t = useTestApp({ WEBHOOK_BACKOFF_FIRST_MS: '300', WEBHOOK_BACKOFF_MAX_MS: '5000', WEBHOOK_DISABLE_AFTER_HOURS: '1' });
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let admin: MfcClient;
let adminId: string;

type Delivery = { id: string; eventId: string; event: string; status: string; attempts: number; responseStatus: number | null; lastError: string | null; nextAttemptAt: string | null; payload: unknown };
const CREATE = doc<{ createWebhookEndpoint: { secret: string; endpoint: { id: string; active: boolean } } }>(
  'mutation($input: WebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { id active } } }',
);
const ENDPOINTS = doc<{ webhookEndpoints: Array<{ id: string; active: boolean; deliveries: { totalCount: number; nodes: Delivery[] } }> }>(
  '{ webhookEndpoints { id active deliveries(first: 50) { totalCount nodes { id eventId event status attempts responseStatus lastError nextAttemptAt payload } } } }',
);
const TEST = doc<{ sendTestWebhook: Delivery }>('mutation($id: ID!) { sendTestWebhook(endpointId: $id) { id eventId status attempts } }');

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  const a = await createAccount(t, 'ADMIN');
  admin = a.client;
  adminId = a.id;
});
afterAll(async () => {
  await receiver.close();
});

const endpoint = async (events: string[], client: MfcClient = admin, url = receiver.url) => (await client.request(CREATE, { input: { url: `${url}?e=${randomUUID()}`, events } })).createWebhookEndpoint;
const deliveriesOf = async (id: string, client: MfcClient = admin) => (await client.request(ENDPOINTS)).webhookEndpoints.find((e) => e.id === id);
async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`condition not met: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('delivery', () => {
  it('a booking made by a citizen reaches the endpoint, signed, with the booking but not the citizen', async () => {
    const { secret, endpoint: ep } = await endpoint(['BOOKING_CREATED']);
    expect(secret).toMatch(/^whsec_/);
    const service = await buildService(admin, (await buildCategory(admin)).id);
    const week = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '08:00', closes: '20:00' }));
    const branch = await buildBranch(admin, { workingHours: week }, [service.id]);
    const from = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const { availableSlots } = await t.client.request(AvailableSlotsDocument, { branchId: branch.id, serviceId: service.id, from, to: from });
    const citizen = await registerCitizen(t);
    const { bookAppointment } = await citizen.client.request(BookAppointmentDocument, { input: { branchId: branch.id, serviceId: service.id, startsAt: availableSlots[0]?.startsAt ?? '' } });

    const [got] = await receiver.waitFor(1, (r) => r.body.includes(bookAppointment.id));
    if (!got) throw new Error('nothing received');
    const payload = new Webhook(secret).verify(got.body, got.headers) as { type: string; id: string; occurredAt: string; data: Record<string, unknown> };
    expect(payload).toMatchObject({ type: 'BOOKING_CREATED', id: got.headers['webhook-id'], data: { bookingId: bookAppointment.id, branchId: branch.id, serviceId: service.id, status: 'PENDING_CONFIRMATION' } });
    expect(got.body).not.toContain(citizen.id);
    expect(got.body).not.toContain(citizen.phone);
    expect(() => new Webhook(`whsec_${Buffer.from(randomUUID()).toString('base64')}`).verify(got.body, got.headers)).toThrow();
    const log = await until(() => deliveriesOf(ep.id), (e) => e?.deliveries.nodes[0]?.status === 'SUCCEEDED');
    expect(log?.deliveries.nodes[0]).toMatchObject({ event: 'BOOKING_CREATED', attempts: 1, responseStatus: 200, lastError: null, nextAttemptAt: null });
  });

  it('a fan-out run twice at once makes one delivery per endpoint', async () => {
    const { endpoint: ep } = await endpoint(['LOAD_ALERT']);
    const fanOut = t.running.app.processors.find((p) => p.name === 'integrations.fanOut');
    if (!fanOut) throw new Error('no fan-out processor');
    const event = { id: randomUUID(), type: 'LOAD_ALERT', occurredAt: new Date().toISOString(), branchId: null, data: { level: 'HIGH' } };
    await Promise.all([1, 2, 3].map(() => fanOut.handle({ data: event } as never)));
    const received = await receiver.waitFor(1, (r) => r.headers['webhook-id'] === event.id);
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.received.filter((r) => r.headers['webhook-id'] === event.id)).toHaveLength(received.length);
    expect(received).toHaveLength(1);
    expect((await deliveriesOf(ep.id))?.deliveries.totalCount).toBe(1);
  });
});

describe('failures', () => {
  it('a failing endpoint is retried with exponential backoff, the log showing each answer', async () => {
    const failing = await startWebhookReceiver();
    failing.answer(500);
    try {
      const { endpoint: ep } = await endpoint(['TEST'], admin, failing.url);
      await admin.request(TEST, { id: ep.id });
      const attempts = await failing.waitFor(3);
      const gaps = [(attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0), (attempts[2]?.at ?? 0) - (attempts[1]?.at ?? 0)];
      expect(gaps[0]).toBeGreaterThanOrEqual(280); // 300 ms, then 600 ms
      expect(gaps[1]).toBeGreaterThanOrEqual(580);
      expect(new Set(attempts.map((a) => a.headers['webhook-id'])).size).toBe(1);
      const d = (await until(() => deliveriesOf(ep.id), (e) => (e?.deliveries.nodes[0]?.attempts ?? 0) >= 3))?.deliveries.nodes[0];
      expect(d).toMatchObject({ status: 'RETRYING', responseStatus: 500, lastError: 'HTTP 500' });
      expect(d?.nextAttemptAt).not.toBeNull();
      // Recovery: the endpoint answers again, the next attempt succeeds.
      failing.answer(204);
      expect((await until(() => deliveriesOf(ep.id), (e) => e?.deliveries.nodes[0]?.status === 'SUCCEEDED', 15_000))?.deliveries.nodes[0]?.responseStatus).toBe(204);
    } finally {
      await failing.close();
    }
  });

  it('an endpoint failing for WEBHOOK_DISABLE_AFTER_HOURS is switched off and the admins are told', async () => {
    const failing = await startWebhookReceiver();
    failing.answer(503);
    try {
      const { endpoint: ep } = await endpoint(['TEST'], admin, failing.url);
      await admin.request(TEST, { id: ep.id });
      await failing.waitFor(1);
      // The endpoint has been failing for 2 hours (WEBHOOK_DISABLE_AFTER_HOURS is 1): the next failure switches it off.
      await until(() => t.running.app.db.sql<Array<{ n: number }>>`update webhook_endpoints set failing_since = failing_since - interval '2 hours' where id = ${ep.id} and failing_since is not null returning 1 as n`, (rows) => rows.length === 1);
      const off = await until(() => deliveriesOf(ep.id), (e) => e?.active === false);
      expect(off?.active).toBe(false);
      const notes = await t.running.app.db.sql<Array<{ template: string; user_id: string }>>`select template, user_id from notifications where subject_id = ${ep.id}::text or subject_id = ${ep.id}`;
      expect(notes.map((n) => n.user_id)).toContain(adminId);
      expect(notes[0]?.template).toBe('webhook.disabled');
      const before = failing.received.length;
      await new Promise((r) => setTimeout(r, 1500));
      expect(failing.received.length).toBe(before); // nothing more is sent to it
    } finally {
      await failing.close();
    }
  });

  it('retries stop after WEBHOOK_RETRY_HOURS: the delivery is FAILED', async () => {
    const failing = await startWebhookReceiver();
    failing.answer(500);
    try {
      const { endpoint: ep } = await endpoint(['TEST'], admin, failing.url);
      await admin.request(TEST, { id: ep.id });
      await failing.waitFor(1);
      // Fresh failure run (the endpoint is new), but the delivery's round started 25 h ago.
      await t.running.app.db.sql`update webhook_deliveries set round_started_at = round_started_at - interval '25 hours' where endpoint_id = ${ep.id}`;
      const d = await until(() => deliveriesOf(ep.id), (e) => e?.deliveries.nodes[0]?.status === 'FAILED');
      expect(d?.deliveries.nodes[0]?.nextAttemptAt).toBeNull();
    } finally {
      await failing.close();
    }
  });
});

describe('replay', () => {
  it('replays one delivery with the same webhook-id, and every event since a moment', async () => {
    const { secret, endpoint: ep } = await endpoint(['TEST']);
    const since = new Date(Date.now() - 1000).toISOString();
    const first = (await admin.request(TEST, { id: ep.id })).sendTestWebhook;
    const second = (await admin.request(TEST, { id: ep.id })).sendTestWebhook;
    await receiver.waitFor(1, (r) => r.headers['webhook-id'] === first.eventId);
    await receiver.waitFor(1, (r) => r.headers['webhook-id'] === second.eventId);
    await until(() => deliveriesOf(ep.id), (e) => e?.deliveries.nodes.every((n) => n.status === 'SUCCEEDED') ?? false);
    const { replayWebhookDelivery } = await admin.request(doc<{ replayWebhookDelivery: Delivery }>('mutation($id: ID!) { replayWebhookDelivery(id: $id) { id status } }'), { id: first.id });
    expect(replayWebhookDelivery.status).toBe('PENDING');
    const again = await receiver.waitFor(2, (r) => r.headers['webhook-id'] === first.eventId);
    expect(() => new Webhook(secret).verify(again[1]?.body ?? '', again[1]?.headers ?? {})).not.toThrow();
    const { replayWebhookEvents } = await admin.request(doc<{ replayWebhookEvents: number }>('mutation($id: ID!, $since: DateTime!) { replayWebhookEvents(endpointId: $id, since: $since) }'), { id: ep.id, since });
    expect(replayWebhookEvents).toBe(2);
    await receiver.waitFor(3, (r) => r.headers['webhook-id'] === first.eventId);
    await receiver.waitFor(2, (r) => r.headers['webhook-id'] === second.eventId);
  });
});

describe('API clients managing their own endpoints', () => {
  it('only for events their scopes allow; they see their own endpoints only', async () => {
    const CLIENT = doc<{ createApiClient: { secret: string } }>('mutation($s: [ApiScope!]!) { createApiClient(name: "CRM", scopes: $s) { secret } }');
    const { secret } = (await admin.request(CLIENT, { s: ['WEBHOOKS_MANAGE', 'LOAD_READ'] })).createApiClient;
    const api = new MfcClient({ url: t.url, webSocketImpl: WebSocket, headers: { authorization: `ApiKey ${secret}` } });
    const refused = await errorOf(api.request(CREATE, { input: { url: receiver.url, events: ['LOAD_ALERT', 'BOOKING_CREATED'] } }));
    expect(refused.code).toBe('BAD_USER_INPUT');
    expect(refused.extensions.fields).toEqual([expect.objectContaining({ field: 'input.events.1' })]);
    const { endpoint: own } = (await api.request(CREATE, { input: { url: receiver.url, events: ['LOAD_ALERT'] } })).createWebhookEndpoint;
    const listed = (await api.request(ENDPOINTS)).webhookEndpoints.map((e) => e.id);
    expect(listed).toEqual([own.id]);
    expect((await admin.request(ENDPOINTS)).webhookEndpoints.map((e) => e.id)).toContain(own.id);
    const citizen = await registerCitizen(t);
    expect((await errorOf(citizen.client.request(ENDPOINTS))).code).toBe('FORBIDDEN');
  });
});

describe('targets (SSRF)', () => {
  const strict = useTestApp({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'false' });

  it('refuses loopback and private targets at creation, field by field', async () => {
    const boss = (await createAccount(strict, 'ADMIN')).client;
    for (const url of ['http://127.0.0.1:9/x', 'http://localhost:9/x', 'http://[::1]:9/x', 'http://10.1.2.3/x', 'http://169.254.169.254/latest', 'ftp://example.org/x']) {
      const err = await errorOf(boss.request(CREATE, { input: { url, events: ['TEST'] } }));
      expect(err.extensions.fields, url).toEqual([expect.objectContaining({ field: 'input.url' })]);
    }
  });
});
