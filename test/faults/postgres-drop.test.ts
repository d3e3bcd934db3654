/**
 * Fault 11: PostgreSQL goes away under load (a TCP proxy in front of it drops every connection
 * and stops listening) and comes back. The API and worker processes stay up (postgres.js 3.4.9
 * used to crash them with "Cannot read properties of null (reading 'write')"; patched), requests
 * fail fast with an error while it is down, /readyz answers 503 then 200 within 2 s of the return,
 * and every registration that succeeded gets its SMS: nothing in the outbox is lost.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../helpers/database.js';
import { startSmsGateway } from '../helpers/sms-gateway.js';
import { apiUrlOf, baseEnv, httpRequest, registerBody, report, sleep, startChild, startTcpProxy, stopChild, testPhone, type Child } from './harness.js';

const TOKEN = 'fault-sms-token';
const CLIENTS = 6;
const DOWN_MS = 4000;

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let sms: Awaited<ReturnType<typeof startSmsGateway>>;
let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
let storageDir: string;
let api: Child | null = null;
let worker: Child | null = null;

beforeAll(async () => {
  db = await createTestDatabase();
  sms = await startSmsGateway({ token: TOKEN });
  const u = new URL(db.url);
  proxy = await startTcpProxy({ host: u.hostname, port: Number(u.port || 5432) });
  storageDir = await mkdtemp(join(tmpdir(), 'mfc-fault-'));
});

afterAll(async () => {
  await Promise.all([stopChild(api), stopChild(worker)]);
  await proxy.close();
  await sms.close();
  await db.drop();
  await rm(storageDir, { recursive: true, force: true });
});

it('survives PostgreSQL dropped and restored under load: processes up, fast errors, readiness, no outbox loss', async () => {
  const proxied = new URL(db.url);
  proxied.host = `127.0.0.1:${proxy.port}`;
  const env = {
    ...baseEnv({ databaseUrl: proxied.toString(), redisUrl: inject('redisUrl'), redisPrefix: `f${process.pid}p:`, smsUrl: sms.url, smsToken: TOKEN, storageDir }),
    DATABASE_CONNECT_TIMEOUT_SECONDS: '2',
    DATABASE_STATEMENT_TIMEOUT_MS: '5000',
    READINESS_TIMEOUT_MS: '500',
    LOG_LEVEL: 'warn',
  };
  api = startChild('api', { ...env, ROLE: 'api', LOG_LEVEL: 'info' });
  worker = startChild('worker', { ...env, ROLE: 'worker', LOG_LEVEL: 'info' });
  const url = await apiUrlOf(api);
  await worker.waitForLog(/workers started/);

  const registered: string[] = [];
  const duringOutage: Array<{ ms: number; ok: boolean; message: string }> = [];
  let phase: 'before' | 'down' | 'after' = 'before';
  let stop = false;
  const client = async () => {
    while (!stop) {
      const phone = testPhone();
      const at = phase;
      try {
        const res = await httpRequest(`${url}/graphql`, { body: registerBody(phone), timeoutMs: 20_000 });
        const body = JSON.parse(res.body) as { data?: { register?: { id: string } }; errors?: Array<{ message: string; extensions?: { code?: string } }> };
        if (body.data?.register) registered.push(phone);
        if (at === 'down') duringOutage.push({ ms: res.ms, ok: Boolean(body.data?.register), message: body.errors?.[0]?.extensions?.code ?? body.errors?.[0]?.message ?? '' });
      } catch (err) {
        if (at === 'down') duringOutage.push({ ms: 20_000, ok: false, message: String(err) });
      }
      if (phase === 'down') await sleep(50);
    }
  };
  const clients = Array.from({ length: CLIENTS }, () => client());
  await sleep(3000);

  // Down, like `pg_ctl restart -m fast`: every backend is told 57P01 (admin shutdown) and closed,
  // then nothing listens.
  phase = 'down';
  const admin = postgres(inject('adminDatabaseUrl'), { max: 1, onnotice: () => undefined });
  await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${new URL(db.url).pathname.slice(1)} and pid <> pg_backend_pid()`;
  await admin.end();
  await proxy.drop();
  const readyDown: number[] = [];
  const downUntil = Date.now() + DOWN_MS;
  while (Date.now() < downUntil) {
    readyDown.push(await httpRequest(`${url}/readyz`, { timeoutMs: 5000 }).then((r) => r.status, () => 0));
    await sleep(200);
  }

  // Back.
  await proxy.restore();
  phase = 'after';
  const restoredAt = Date.now();
  let readyAgainS = Infinity;
  while (Date.now() - restoredAt < 10_000) {
    if ((await httpRequest(`${url}/readyz`, { timeoutMs: 5000 }).then((r) => r.status, () => 0)) === 200) {
      readyAgainS = (Date.now() - restoredAt) / 1000;
      break;
    }
    await sleep(50);
  }
  await sleep(3000);
  stop = true;
  await Promise.all(clients);

  // Every successful registration's SMS, and an empty outbox (read directly, not through the proxy).
  const direct = postgres(db.url, { max: 1, onnotice: () => undefined });
  let unrelayed = -1;
  let missing: string[] = [];
  const deadline = Date.now() + 30_000;
  try {
    for (;;) {
      const [row] = await direct<{ n: number }[]>`select count(*)::int as n from outbox where relayed_at is null`;
      unrelayed = row?.n ?? -1;
      const got = new Set(sms.messages.map((m) => m.to));
      missing = registered.filter((p) => !got.has(p));
      if ((unrelayed === 0 && missing.length === 0) || Date.now() > deadline) break;
      await sleep(250);
    }
  } finally {
    await direct.end();
  }
  const references = sms.attempts.map((a) => a.reference);
  const duplicated = sms.messages.length - new Set(sms.messages.map((m) => m.reference)).size;
  const failedDown = duringOutage.filter((r) => !r.ok);
  const slowest = Math.max(0, ...duringOutage.map((r) => r.ms));
  const crashed = [api, worker].filter((c) => !c?.alive()).length;
  report({
    fault: 'postgres-drop',
    failed: failedDown.length,
    lost: missing.length + unrelayed,
    duplicated,
    recovery_s: readyAgainS,
    registered: registered.length,
    sms: sms.messages.length,
    gateway_attempts: references.length,
    slowest_outage_response_ms: slowest,
    readyz_down: readyDown.join(','),
    crashed_processes: crashed,
    outage_errors: [...new Set(failedDown.map((r) => r.message))].join('|').replace(/\s+/g, '_').slice(0, 120),
  });

  for (const c of [api, worker]) if (!c.alive()) console.log(`crashed (${await c.exited}):\n${c.output.slice(-8).join('\n')}`);
  expect(crashed).toBe(0);
  expect(api.output.concat(worker.output).filter((l) => /reading 'write'/.test(l))).toEqual([]);
  expect(readyDown.length).toBeGreaterThan(0);
  expect(readyDown.every((s) => s === 503)).toBe(true);
  expect(readyAgainS).toBeLessThanOrEqual(2);
  expect(failedDown.length).toBeGreaterThan(0);
  expect(slowest).toBeLessThan(8000); // fast failure, never a hang
  expect(unrelayed).toBe(0);
  expect(missing).toEqual([]);
  expect(registered.length).toBeGreaterThan(0);
});
