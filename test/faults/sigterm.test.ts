/**
 * Fault 14: SIGTERM to an API process under keep-alive load. /readyz turns 503 first (for
 * SHUTDOWN_READINESS_DELAY_MS), requests in flight are answered (with Connection: close), no
 * request is reset; once the listener is closed new connections are refused (a load balancer
 * has stopped sending by then), and the process exits 0.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../helpers/database.js';
import { startSmsGateway } from '../helpers/sms-gateway.js';
import { apiUrlOf, baseEnv, httpRequest, registerBody, report, sleep, startChild, stopChild, testPhone, type Child } from './harness.js';

const TOKEN = 'fault-sms-token';
const CLIENTS = 12;
const READINESS_DELAY_MS = 1500;

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let sms: Awaited<ReturnType<typeof startSmsGateway>>;
let storageDir: string;
let api: Child | null = null;

beforeAll(async () => {
  db = await createTestDatabase();
  sms = await startSmsGateway({ token: TOKEN });
  storageDir = await mkdtemp(join(tmpdir(), 'mfc-fault-'));
});

afterAll(async () => {
  await stopChild(api);
  await sms.close();
  await db.drop();
  await rm(storageDir, { recursive: true, force: true });
});

it('drains on SIGTERM: readiness first, in-flight and keep-alive requests answered, none reset', async () => {
  const env = baseEnv({ databaseUrl: db.url, redisUrl: inject('redisUrl'), redisPrefix: `f${process.pid}s:`, smsUrl: sms.url, smsToken: TOKEN, storageDir });
  api = startChild('api', { ...env, ROLE: 'api', SHUTDOWN_READINESS_DELAY_MS: String(READINESS_DELAY_MS) });
  const url = await apiUrlOf(api);
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });

  const resets: string[] = [];
  const outcomes = { ok: 0, non2xx: 0, reset: 0, resetNew: 0, refused: 0, other: [] as string[], closeHeaders: 0 };
  const readyz: Array<{ at: number; status: number | string }> = [];
  let sigtermAt = 0;
  let stop = false;
  // Slow requests (a registration hashes a password) and fast ones (a query), over keep-alive sockets.
  const client = async (i: number) => {
    while (!stop) {
      try {
        const res = await httpRequest(`${url}/graphql`, { agent, body: i % 3 === 0 ? registerBody(testPhone()) : { query: '{ __typename }' } });
        if (res.status >= 200 && res.status < 300) outcomes.ok += 1;
        else outcomes.non2xx += 1;
        if (sigtermAt && res.headers.connection === 'close') outcomes.closeHeaders += 1;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? String(err);
        if (code === 'ECONNREFUSED') {
          outcomes.refused += 1;
          return; // the listener is closed: this client moves on (a load balancer would too)
        }
        if (code === 'ECONNRESET' || code === 'EPIPE' || /socket hang up/.test(String(err))) {
          if ((err as { reusedSocket?: boolean }).reusedSocket) outcomes.reset += 1;
          else outcomes.resetNew += 1;
          resets.push(`${Date.now() - sigtermAt}ms:${(err as { reusedSocket?: boolean }).reusedSocket ? 'reused' : 'new'}:${code}`);
          if (!(err as { reusedSocket?: boolean }).reusedSocket) return; // a fresh connection reset: the listener closed, move on like on ECONNREFUSED
        }
        else outcomes.other.push(code);
      }
    }
  };
  const poller = (async () => {
    while (!stop) {
      const r = await httpRequest(`${url}/readyz`).then((x) => x.status, (e: NodeJS.ErrnoException) => e.code ?? 'error');
      if (sigtermAt) readyz.push({ at: Date.now() - sigtermAt, status: r });
      if (r === 'ECONNREFUSED') return;
      await sleep(100);
    }
  })();
  const clients = Array.from({ length: CLIENTS }, (_, i) => client(i));
  await sleep(2500);
  const okBefore = outcomes.ok;
  sigtermAt = Date.now();
  api.proc.kill('SIGTERM');
  const code = await api.exited;
  const exitS = (Date.now() - sigtermAt) / 1000;
  stop = true;
  await Promise.all([...clients, poller]);
  agent.destroy();

  const firstNotReady = readyz.find((r) => r.status === 503);
  report({ fault: 'sigterm', failed: outcomes.reset + outcomes.non2xx + outcomes.other.length, lost: outcomes.reset, duplicated: 0, recovery_s: exitS, ok_before: okBefore, ok_total: outcomes.ok, refused_after_close: outcomes.refused, reset_unaccepted: outcomes.resetNew, connection_close: outcomes.closeHeaders, readyz_503_after_ms: firstNotReady?.at ?? -1 });
  if (resets.length > 0) console.log(`resets: ${resets.join(' ')}`);
  expect(code).toBe(0);
  expect(outcomes.reset).toBe(0);
  expect(outcomes.other).toEqual([]);
  expect(outcomes.non2xx).toBe(0);
  expect(outcomes.ok).toBeGreaterThan(okBefore); // requests were answered during the drain
  expect(firstNotReady).toBeDefined();
  expect(firstNotReady?.at ?? Infinity).toBeLessThan(500);
  expect(outcomes.closeHeaders).toBeGreaterThan(0);
});
