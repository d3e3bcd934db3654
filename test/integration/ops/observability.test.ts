/**
 * Operations over real HTTP: GET /metrics (token, names, labels, counters that move after a booking),
 * one log line per request with its GraphQL operation and the same request id in the job it caused,
 * /readyz with the migration state, and the jobs board for ADMIN tokens only.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BookAppointmentDocument, BookingUpdatedDocument } from '../../../src/sdk/generated/graphql.js';
import type { MfcClient } from '../../../src/sdk/client.js';
import { createLogger } from '../../../src/shared/logger.js';
import { createAccount } from '../../helpers/accounts.js';
import { startTestApp, type TestApp } from '../../helpers/app.js';
import { confirmedBooking } from '../../helpers/booking-flow.js';
import { subscribe } from '../../helpers/subscriptions.js';

const TOKEN = 'metrics-token-for-tests-0123';
const lines: Array<Record<string, unknown>> = [];
let t: TestApp;
let admin: Awaited<ReturnType<typeof createAccount>>;

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const l of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l) as Record<string, unknown>);
      cb();
    },
  });
  t = await startTestApp({ METRICS_TOKEN: TOKEN, JOBS_BOARD: 'true' }, { log: createLogger('debug', {}, sink) });
  admin = await createAccount(t, 'ADMIN');
});
afterAll(async () => {
  await t.stop();
});

async function scrape(): Promise<string> {
  const res = await fetch(`${t.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  return res.text();
}

/** The sum of a metric's samples whose labels include all of `labels`. */
function value(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

async function eventually(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('GET /metrics', () => {
  it('answers 401 without the token and Prometheus text with it', async () => {
    expect((await fetch(`${t.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${t.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-wrong-token' } })).status).toBe(401);
    const text = await scrape();
    for (const name of [
      'mfc_http_request_duration_seconds',
      'mfc_graphql_operation_duration_seconds',
      'mfc_graphql_errors_total',
      'mfc_ws_connections',
      'mfc_ws_subscriptions',
      'mfc_pubsub_published_total',
      'mfc_pubsub_delivered_total',
      'mfc_queue_jobs',
      'mfc_job_duration_seconds',
      'mfc_job_failures_total',
      'mfc_outbox_lag_seconds',
      'mfc_outbox_pending',
      'mfc_outbox_relayed_total',
      'mfc_notification_deliveries_total',
      'mfc_booking_conflicts_total',
      'mfc_db_connections',
      'mfc_db_pool_max',
      'nodejs_eventloop_lag_seconds',
    ]) {
      expect(text, name).toContain(`# TYPE ${name} `);
    }
    for (const state of ['waiting', 'active', 'delayed', 'failed']) {
      expect(text).toContain(`mfc_queue_jobs{queue="notifications",state="${state}"}`);
    }
    expect(value(text, 'mfc_db_pool_max')).toBe(5);
  });

  it('moves after a booking: operations, errors by code, jobs, outbox, deliveries, conflicts', async () => {
    const before = await scrape();
    const flow = await confirmedBooking(t, admin.client);
    // The same place again: a CONFLICT, counted as a booking conflict and as an error by code.
    const other = await createAccount(t, 'CITIZEN');
    const again = await other.client.raw(BookAppointmentDocument, { input: flow.input });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    let after = '';
    await eventually(async () => {
      after = await scrape();
      return value(after, 'mfc_notification_deliveries_total', { channel: 'SMS', status: 'SENT' }) > value(before, 'mfc_notification_deliveries_total', { channel: 'SMS', status: 'SENT' });
    });
    const moved = (name: string, labels: Record<string, string> = {}) => value(after, name, labels) - value(before, name, labels);
    expect(moved('mfc_graphql_operation_duration_seconds_count', { operation: 'ConfirmBooking', type: 'mutation' })).toBe(1);
    expect(moved('mfc_graphql_operation_duration_seconds_count', { operation: 'BookAppointment', type: 'mutation' })).toBe(2);
    expect(moved('mfc_graphql_errors_total', { operation: 'BookAppointment', code: 'CONFLICT' })).toBe(1);
    expect(moved('mfc_booking_conflicts_total', { reason: 'SLOT_TAKEN' })).toBe(1);
    expect(moved('mfc_http_request_duration_seconds_count', { method: 'POST', route: '/graphql', status: '200' })).toBeGreaterThanOrEqual(5);
    expect(moved('mfc_outbox_relayed_total')).toBeGreaterThanOrEqual(1);
    expect(moved('mfc_job_duration_seconds_count', { outcome: 'completed' })).toBeGreaterThanOrEqual(1);
    expect(moved('mfc_pubsub_published_total')).toBeGreaterThanOrEqual(1);
    expect(value(after, 'mfc_outbox_lag_seconds')).toBeGreaterThanOrEqual(0);
  });
});

describe('WebSocket gauges', () => {
  it('count open sockets and active subscriptions by field, and count them down on close', async () => {
    const base = await scrape();
    const c = await createAccount(t, 'CITIZEN');
    const sub = await subscribe(c.client, BookingUpdatedDocument);
    await eventually(async () => value(await scrape(), 'mfc_ws_subscriptions', { field: 'bookingUpdated' }) === value(base, 'mfc_ws_subscriptions', { field: 'bookingUpdated' }) + 1);
    expect(value(await scrape(), 'mfc_ws_connections')).toBe(value(base, 'mfc_ws_connections') + 1);
    await sub.dispose();
    await eventually(async () => {
      const now = await scrape();
      return value(now, 'mfc_ws_connections') === value(base, 'mfc_ws_connections') && value(now, 'mfc_ws_subscriptions', { field: 'bookingUpdated' }) === value(base, 'mfc_ws_subscriptions', { field: 'bookingUpdated' });
    });
    expect(lines.some((l) => l.msg === 'subscription ended' && l.field === 'bookingUpdated' && l.userId === c.id)).toBe(true);
  });
});

describe('logs', () => {
  it('write one line per request with the operation, and the same request id in the job it caused', async () => {
    const flow = await confirmedBooking(t, admin.client);
    // The booking causes jobs on more than one queue (notifications, webhooks): wait for the notification's.
    await eventually(() => Promise.resolve(lines.some((l) => l.requestId === flow.requestId && l.msg === 'job completed' && l.queue === 'notifications')));
    const mine = lines.filter((l) => l.requestId === flow.requestId);
    const request = mine.filter((l) => l.msg === 'http request');
    expect(request).toHaveLength(1);
    expect(request[0]).toMatchObject({ method: 'POST', path: '/graphql', status: 200, operation: 'ConfirmBooking', operationType: 'mutation', userId: flow.citizen.id });
    expect(typeof request[0]?.durationMs).toBe('number');
    expect(mine.find((l) => l.msg === 'job completed' && l.queue === 'notifications')).toMatchObject({ queue: 'notifications', attempt: 1 });
    // Never personal data: no phone number in any line of this request or its jobs.
    expect(JSON.stringify(mine)).not.toContain(flow.citizen.phone);
  });

  it('lists the error codes of a failed operation', async () => {
    const res = await t.client.raw(BookAppointmentDocument, { input: { branchId: 'x', serviceId: 'y', startsAt: new Date().toISOString() } }, { 'x-request-id': 'anon-booking-1' });
    const code = res.errors?.[0]?.extensions?.code;
    expect(code).toMatch(/^[A-Z_]+$/);
    await eventually(() => Promise.resolve(lines.some((l) => l.requestId === 'anon-booking-1')));
    expect(lines.find((l) => l.requestId === 'anon-booking-1')).toMatchObject({ operation: 'BookAppointment', errorCodes: [code] });
  });
});

describe('/readyz', () => {
  it('reports each dependency and the migration state', async () => {
    const res = await fetch(`${t.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', postgres: true, redis: true, migrations: 'applied' });
  });
});

describe('jobs board', () => {
  const board = (path: string, init: RequestInit = {}) => fetch(`${t.url}/admin/queues${path}`, { redirect: 'manual', ...init });
  const bearer = (c: MfcClient | { accessToken: string }) => ({ authorization: `Bearer ${'accessToken' in c ? c.accessToken : ''}` });

  it('answers 401 without a token and 403 to anyone but an ADMIN', async () => {
    expect((await board('/api/queues')).status).toBe(401);
    expect((await board('/api/queues', { headers: { authorization: 'Bearer not-a-token' } })).status).toBe(401);
    const citizen = await createAccount(t, 'CITIZEN');
    const operator = await createAccount(t, 'OPERATOR');
    expect((await board('/api/queues', { headers: bearer(citizen) })).status).toBe(403);
    expect((await board('/api/queues', { headers: bearer(operator) })).status).toBe(403);
  });

  it('shows the queues to an ADMIN, and keeps a browser’s token in a cookie for the board only', async () => {
    const api = await board('/api/queues', { headers: bearer(admin) });
    expect(api.status).toBe(200);
    const body = (await api.json()) as { queues: Array<{ name: string }> };
    expect(body.queues.map((q) => q.name).sort()).toEqual(['maintenance', 'notifications', 'webhooks']);
    const open = await board(`?token=${encodeURIComponent(admin.accessToken)}`);
    expect(open.status).toBe(303);
    const cookie = open.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Path=\/admin\/queues/);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const page = await board('', { headers: { cookie: cookie.split(';')[0] ?? '' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
  });
});
