/**
 * Fault 13: a worker is killed (`kill -9`) with SMS in flight and started again. Its running jobs
 * are retried once their lock expires (WORKER_LOCK_DURATION_MS, checked every
 * WORKER_STALLED_INTERVAL_MS), so every message arrives within ~10 s of the restart; the retried
 * ones carry the same `reference`, so the gateway (which de-duplicates by it) sends none twice.
 * Printed: messages lost, duplicated (sent twice to a phone), the requests the gateway
 * de-duplicated and the longest gap between a message's first and repeated request.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../helpers/database.js';
import { startSmsGateway } from '../helpers/sms-gateway.js';
import { apiUrlOf, baseEnv, httpRequest, registerBody, report, sleep, startChild, stopChild, testPhone, type Child } from './harness.js';

const TOKEN = 'fault-sms-token';
const MESSAGES = 30;

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let sms: Awaited<ReturnType<typeof startSmsGateway>>;
let storageDir: string;
const children: Child[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  // A slow gateway: a message is taken at once but answered 3 s later, so many are in flight.
  sms = await startSmsGateway({ token: TOKEN, delayMs: 3000 });
  storageDir = await mkdtemp(join(tmpdir(), 'mfc-fault-'));
});

afterAll(async () => {
  await Promise.all(children.map((c) => stopChild(c)));
  await sms.close();
  await db.drop();
  await rm(storageDir, { recursive: true, force: true });
});

it('recovers the jobs of a killed worker within 10 s, without sending an SMS twice', async () => {
  const env = { ...baseEnv({ databaseUrl: db.url, redisUrl: inject('redisUrl'), redisPrefix: `f${process.pid}w:`, smsUrl: sms.url, smsToken: TOKEN, storageDir }), WORKER_CONCURRENCY: String(MESSAGES) };
  const api = startChild('api', { ...env, ROLE: 'api' });
  children.push(api);
  const url = await apiUrlOf(api);
  const phones: string[] = [];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (phones.length < MESSAGES) {
        const phone = testPhone();
        phones.push(phone);
        const res = await httpRequest(`${url}/graphql`, { body: registerBody(phone) });
        expect(res.body).toContain('"register"');
      }
    }),
  );
  // The relay runs in the worker: it queues every message and takes them all at once
  // (concurrency), and is killed while they are in flight.
  const first = startChild('worker-1', { ...env, ROLE: 'worker' });
  children.push(first);
  await first.waitForLog(/workers started/);
  // Kill while messages are in flight (taken by the gateway, not yet answered).
  const deadline = Date.now() + 30_000;
  while (sms.attempts.length < MESSAGES / 2 && Date.now() < deadline) await sleep(20);
  const inFlightAtKill = sms.attempts.filter((a) => Date.now() - a.at < 3000).length;
  const killedAt = Date.now();
  first.proc.kill('SIGKILL');
  await first.exited;
  const sentAtKill = new Set(sms.messages.map((m) => m.reference)).size;

  const restartedAt = Date.now();
  const second = startChild('worker-2', { ...env, ROLE: 'worker' });
  children.push(second);
  await second.waitForLog(/workers started/);
  const startupS = (Date.now() - restartedAt) / 1000;

  const until = Date.now() + 60_000;
  const arrived = () => new Set(sms.messages.map((m) => m.to));
  while (phones.some((p) => !arrived().has(p)) && Date.now() < until) await sleep(50);
  const lastAt = Math.max(...sms.messages.map((m) => m.receivedAt.getTime()));
  const recoveryS = (lastAt - restartedAt) / 1000;
  const retriedAt = sms.attempts.filter((a) => a.at > killedAt).map((a) => a.at);
  const retriesDoneS = retriedAt.length ? (Math.max(...retriedAt) - killedAt) / 1000 : 0;

  const lost = phones.filter((p) => !arrived().has(p)).length;
  const duplicated = sms.messages.length - new Set(sms.messages.map((m) => m.to)).size;
  const byReference = new Map<string, number[]>();
  for (const a of sms.attempts) byReference.set(a.reference, [...(byReference.get(a.reference) ?? []), a.at]);
  const repeats = [...byReference.values()].filter((ts) => ts.length > 1);
  const windowS = Math.max(0, ...repeats.map((ts) => ((ts.at(-1) ?? 0) - (ts[0] ?? 0)) / 1000));
  // Every delivery settled as sent (none left QUEUED by the dead worker, none failed).
  const direct = postgres(db.url, { max: 1, onnotice: () => undefined });
  let statuses: Record<string, number> = {};
  for (const end = Date.now() + 15_000; Date.now() < end; await sleep(200)) {
    const rows = await direct<{ status: string; n: number }[]>`select status, count(*)::int as n from deliveries where channel = 'SMS' group by status`;
    statuses = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    if ((statuses.SENT ?? 0) + (statuses.DELIVERED ?? 0) >= MESSAGES) break;
  }
  await direct.end();
  const notSent = MESSAGES - (statuses.SENT ?? 0) - (statuses.DELIVERED ?? 0);
  report({
    fault: 'worker-kill',
    failed: notSent,
    lost,
    duplicated,
    recovery_s: recoveryS,
    messages: MESSAGES,
    in_flight_at_kill: inFlightAtKill,
    sent_before_kill: sentAtKill,
    worker_startup_s: startupS.toFixed(1),
    all_retried_after_kill_s: retriesDoneS.toFixed(1),
    dedup_requests: repeats.length,
    deliveries: Object.entries(statuses).map(([k, v]) => `${k}:${v}`).join(','),
    duplicate_window_s: windowS.toFixed(1),
  });
  expect(notSent).toBe(0);
  expect(lost).toBe(0);
  expect(duplicated).toBe(0);
  expect(recoveryS).toBeLessThanOrEqual(10);
});
