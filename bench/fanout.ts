/**
 * Live fan-out: N WebSocket subscribers of one branch's `branchLoadChanged` (subscribers in a
 * process of their own, bench/fanout-clients.ts), CHANGES load changes made through the API,
 * change-to-receipt p50/p99 and events lost; next to a raw `ws` server broadcasting the same
 * payload to the same number of sockets at the same cadence, in the same run. Also the server's
 * memory per idle subscriber (heap + buffers, after a GC when node runs with --expose-gc).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';

export interface FanoutRow {
  kind: string;
  subscribers: number;
  changes: number;
  deliveries: number;
  p50: number;
  p99: number;
  max: number;
  lost: number;
  memoryPerSubscriberKb?: number;
}

interface Child {
  proc: ChildProcess;
  ask<T>(msg: object, until: (m: Record<string, unknown>) => boolean): Promise<T>;
}

function spawnClients(): Child {
  const proc = fork(fileURLToPath(new URL('./fanout-clients.js', import.meta.url)), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return {
    proc,
    ask: <T>(msg: object, until: (m: Record<string, unknown>) => boolean) =>
      new Promise<T>((resolve) => {
        const on = (m: Record<string, unknown>) => {
          if (!until(m)) return;
          proc.off('message', on);
          resolve(m as T);
        };
        proc.on('message', on);
        proc.send(msg);
      }),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function memory(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.external + m.arrayBuffers;
}

async function settle(child: Child, expected: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { stats } = await child.ask<{ stats: { received: number; deliveries: number; p50: number; p99: number; max: number } }>({ cmd: 'stats' }, (m) => 'stats' in m);
    if (stats.received >= expected || Date.now() > deadline) return stats;
    await sleep(200);
  }
}

/**
 * One count: the API's subscribers first (changes made by `change()`, one after another), then
 * the raw broadcast with the same number of sockets and the API run's cadence.
 */
export async function fanoutAt(opts: { wsUrl: string; branchId: string; count: number; changes: number; change: () => Promise<void> }): Promise<FanoutRow[]> {
  const { count, changes } = opts;
  const rows: FanoutRow[] = [];
  const child = spawnClients();
  try {
    const query = `subscription { branchLoadChanged(branchIds: ["${opts.branchId}"]) { branchId waiting averageWaitMinutes openWindows freeWindows level updatedAt } }`;
    const before = memory();
    await child.ask({ cmd: 'connect', url: opts.wsUrl, mode: 'graphql', count, query }, (m) => m.done === true);
    await sleep(500);
    const perSubscriber = (memory() - before) / count / 1024;
    const started = Date.now();
    for (let i = 0; i < changes; i++) await opts.change();
    const cadence = (Date.now() - started) / changes;
    const api = await settle(child, count * changes, 30_000);
    rows.push({ kind: 'API branchLoadChanged', subscribers: count, changes, deliveries: api.deliveries, p50: api.p50, p99: api.p99, max: api.max, lost: count * changes - api.received, memoryPerSubscriberKb: perSubscriber });
    await child.ask({ cmd: 'close' }, (m) => m.closed === true);
    await sleep(1000);
    rows.push(await rawBroadcast(child, { count, changes, cadence, branchId: opts.branchId }));
  } finally {
    child.proc.kill();
  }
  return rows;
}

/** The ceiling: one JSON.stringify per change, then `send` on every open socket. */
async function rawBroadcast(child: Child, o: { count: number; changes: number; cadence: number; branchId: string }): Promise<FanoutRow> {
  const server = createServer();
  const wss = new WebSocketServer({ server });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    await child.ask({ cmd: 'connect', url, mode: 'raw', count: o.count }, (m) => m.done === true);
    await sleep(500);
    for (let i = 0; i < o.changes; i++) {
      const load = { branchId: o.branchId, waiting: i, averageWaitMinutes: 7, openWindows: i % 2, freeWindows: i % 2, level: 'LOW', updatedAt: new Date().toISOString() };
      const msg = JSON.stringify({ id: '1', type: 'next', payload: { data: { branchLoadChanged: load } } });
      for (const c of wss.clients) c.send(msg);
      await sleep(o.cadence);
    }
    const raw = await settle(child, o.count * o.changes, 30_000);
    await child.ask({ cmd: 'close' }, (m) => m.closed === true);
    return { kind: 'raw ws broadcast', subscribers: o.count, changes: o.changes, deliveries: raw.deliveries, p50: raw.p50, p99: raw.p99, max: raw.max, lost: o.count * o.changes - raw.received };
  } finally {
    for (const c of wss.clients) c.terminate();
    wss.close();
    await new Promise<void>((r) => server.close(() => r()));
  }
}
