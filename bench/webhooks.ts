/**
 * Webhook delivery benchmark (npm run bench:webhooks), loopback only: BENCH_WEBHOOK_EVENTS (1,000)
 * events written through the outbox (by BENCH_WEBHOOK_WRITERS, 20, concurrent transactions, so the
 * writing does not limit the rate) to BENCH_WEBHOOK_ENDPOINTS (10) endpoints, one of which
 * always answers 500, delivered by the workers (fan-out, Standard Webhooks signing, POST, log
 * row per attempt). Printed: deliveries/s and latency from the event's commit to its arrival
 * (p50/p99), next to a bare HTTP POST loop to the same receivers with the same concurrency
 * (WEBHOOK_CONCURRENCY, the webhook jobs' own) in the same run, and the ratio. The failing
 * endpoint's retries are set beyond the run, so each event costs one attempt per endpoint.
 */
import './production.js';
import 'reflect-metadata';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { recordIntegrationEvent } from '../src/jobs/integration-events.js';
import { startBenchApp } from './setup.js';

const EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 1000);
const ENDPOINTS = Number(process.env.BENCH_WEBHOOK_ENDPOINTS ?? 10);
/** Concurrent transactions writing the events (as concurrent requests would). */
const WRITERS = Number(process.env.BENCH_WEBHOOK_WRITERS ?? 20);

interface Receiver {
  url: string;
  latencies: number[];
  hits: number;
  close(): void;
}

async function receiver(status: number): Promise<Receiver> {
  const r: Receiver = { url: '', latencies: [], hits: 0, close: () => undefined };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      r.hits += 1;
      const body = Buffer.concat(chunks).toString();
      const sentAt = /"sentAt":(\d+)/.exec(body)?.[1];
      if (sentAt) r.latencies.push(Date.now() - Number(sentAt));
      res.writeHead(status).end();
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  r.close = () => server.close();
  return r;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

function post(url: string, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve());
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The same number of POSTs, to the same receivers, `concurrency` at a time, with no queue, signing or database. */
async function bareLoop(receivers: Receiver[], total: number, concurrency: number): Promise<{ perSecond: number; p50: number; p99: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const target = receivers[i % receivers.length];
        if (!target) return;
        const t0 = Date.now();
        await post(target.url, JSON.stringify({ type: 'BENCH', id: String(i), data: { seq: i } }));
        latencies.push(Date.now() - t0);
      }
    }),
  );
  return { perSecond: (total / (Date.now() - started)) * 1000, p50: pct(latencies, 50), p99: pct(latencies, 99) };
}

async function main(): Promise<void> {
  // Development mode: the receivers are plain http on loopback (production requires https and public addresses).
  const bench = await startBenchApp({ NODE_ENV: 'development', LOG_LEVEL: 'error', ROLE: 'all', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_BACKOFF_FIRST_MS: '3600000', OUTBOX_POLL_MS: '50' });
  const { app } = bench.running;
  const receivers = await Promise.all(Array.from({ length: ENDPOINTS }, (_, i) => receiver(i === 0 ? 500 : 200)));
  try {
    await app.db.sql`update webhook_endpoints set deleted_at = now(), active = false where deleted_at is null`;
    const [admin] = await app.db.sql<Array<{ id: string }>>`select id from users where 'ADMIN'::role = any(roles) limit 1`;
    if (!admin) throw new Error('no admin in the demo data');
    for (const r of receivers) await app.services.webhooks.create({ kind: 'admin', userId: admin.id }, { url: r.url, events: ['LOAD_ALERT'] });
    const started = Date.now();
    // Events come from many requests at once: WRITERS transactions at a time, one event each.
    let seq = 0;
    await Promise.all(
      Array.from({ length: WRITERS }, async () => {
        while (seq < EVENTS) {
          const i = seq++;
          await app.db.db.transaction((tx) => recordIntegrationEvent(tx, { type: 'LOAD_ALERT', occurredAt: new Date(), branchId: null, data: { seq: i, sentAt: Date.now() } }));
        }
      }),
    );
    const written = Date.now() - started;
    const expected = EVENTS * ENDPOINTS;
    const deadline = Date.now() + 300_000;
    while (receivers.reduce((n, r) => n + r.hits, 0) < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const elapsed = Date.now() - started;
    const all = receivers.flatMap((r) => r.latencies);
    const delivered = receivers.reduce((n, r) => n + r.hits, 0);
    const webhooks = { perSecond: (delivered / elapsed) * 1000, p50: pct(all, 50), p99: pct(all, 99) };
    const bare = await bareLoop(receivers, expected, bench.config.WEBHOOK_CONCURRENCY);
    console.log(`\nWebhook delivery: ${EVENTS} events x ${ENDPOINTS} endpoints (1 answering 500), written by ${WRITERS} concurrent transactions, WEBHOOK_CONCURRENCY=${bench.config.WEBHOOK_CONCURRENCY}; events written in ${written} ms`);
    console.table([
      { what: 'webhooks (outbox -> fan-out -> signed POST -> log)', 'requests/s': Math.round(webhooks.perSecond), 'p50 ms': webhooks.p50, 'p99 ms': webhooks.p99, delivered: `${delivered}/${expected}` },
      { what: 'bare HTTP POST loop (same receivers, same concurrency)', 'requests/s': Math.round(bare.perSecond), 'p50 ms': bare.p50, 'p99 ms': bare.p99, delivered: `${expected}/${expected}` },
    ]);
    console.log(`ratio webhooks / bare: ${(webhooks.perSecond / bare.perSecond).toFixed(3)} (webhook latency is from commit to arrival, the bare one per request)`);
    const [log] = await app.db.sql<Array<{ failed: number; ok: number }>>`select count(*) filter (where status = 'RETRYING')::int as failed, count(*) filter (where status = 'SUCCEEDED')::int as ok from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id where e.deleted_at is null`;
    console.log(`delivery log: ${log?.ok ?? 0} SUCCEEDED, ${log?.failed ?? 0} RETRYING (the failing endpoint)`);
  } finally {
    for (const r of receivers) r.close();
    await bench.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
