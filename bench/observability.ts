/**
 * The cost of metrics and tracing (npm run bench:observability), loopback only: the hot branch list
 * and `me`, alternating rounds with metrics and tracing off and on in the same process and run
 * (off, on, off, on…), so machine noise falls on both sides. Tracing exports over OTLP/HTTP to a
 * local collector stand-in that accepts and counts the batches. Prints requests/s for each side and
 * the throughput lost (medians of short alternating slices, so a busy machine's drift falls on both
 * sides), and the process CPU time per request on each side (load generator included, so the
 * difference is the instrumentation's); exits 1 when throughput lost is above
 * BENCH_MAX_OVERHEAD_PERCENT (5).
 */
import './production.js';
import 'reflect-metadata';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { DEMO_PASSWORD } from '../scripts/seed-demo.js';
import { setMetricsEnabled } from '../src/shared/metrics.js';
import { setTracingEnabled } from '../src/shared/tracing.js';
import { startBenchApp } from './setup.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const MAX_OVERHEAD = Number(process.env.BENCH_MAX_OVERHEAD_PERCENT ?? 5);

/** Accepts OTLP/HTTP trace exports like a collector would (200), counting them. */
async function collector() {
  const seen = { batches: 0, bytes: 0 };
  const server = createServer((req, res) => {
    req.on('data', (c: Buffer) => (seen.bytes += c.length));
    req.on('end', () => {
      seen.batches += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function rps(url: string, body: string, headers: Record<string, string> = {}): Promise<{ rps: number; cpuUsPerRequest: number; errors: number }> {
  const cpu = process.cpuUsage();
  const r = await autocannon({ url, method: 'POST', duration: SECONDS, connections: CONNECTIONS, headers: { 'content-type': 'application/json', ...headers }, body });
  const used = process.cpuUsage(cpu);
  return { rps: r.requests.average, cpuUsPerRequest: (used.user + used.system) / Math.max(1, r.requests.total), errors: r.errors + r.non2xx };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

const otlp = await collector();
const bench = await startBenchApp({ METRICS_TOKEN: 'bench-metrics-token-0123456789', OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url });
const { api } = bench;
const login = JSON.stringify({ query: 'mutation($i: LoginInput!) { login(input: $i) { ... on AuthPayload { accessToken } } }', variables: { i: { login: '+79990000003', password: DEMO_PASSWORD } } });
const token = ((await (await fetch(api, { method: 'POST', headers: { 'content-type': 'application/json' }, body: login })).json()) as { data: { login: { accessToken: string } } }).data.login.accessToken;
const cases: Array<{ name: string; body: string; headers: Record<string, string> }> = [
  { name: 'branches: 20 with openNow, load, services', body: JSON.stringify({ query: '{ branches(filter: { regionCode: "77" }, first: 20) { nodes { name openNow load { waiting averageWaitMinutes level } services { title } } } }' }), headers: {} },
  { name: 'me', body: JSON.stringify({ query: '{ me { id lastName trustLevel } }' }), headers: { authorization: `Bearer ${token}` } },
];

const set = (on: boolean) => {
  setMetricsEnabled(on);
  setTracingEnabled(on);
};
console.log(`[bench] ${ROUNDS} rounds × (off, on) slices of ${SECONDS}s, ${CONNECTIONS} connections, trace sampling ${process.env.OTEL_TRACES_SAMPLER_ARG ?? '0.01 (default)'}, Node ${process.version}`);
let worst = 0;
const rows: Array<Record<string, string | number>> = [];
for (const c of cases) {
  const side = { off: { rps: [] as number[], cpu: [] as number[] }, on: { rps: [] as number[], cpu: [] as number[] } };
  let errors = 0;
  await rps(api, c.body, c.headers); // warm-up
  for (let i = 0; i < ROUNDS; i += 1) {
    for (const on of i % 2 ? [true, false] : [false, true]) {
      set(on);
      const r = await rps(api, c.body, c.headers);
      side[on ? 'on' : 'off'].rps.push(r.rps);
      side[on ? 'on' : 'off'].cpu.push(r.cpuUsPerRequest);
      errors += r.errors;
    }
  }
  const off = median(side.off.rps);
  const on = median(side.on.rps);
  const overhead = ((off - on) / off) * 100;
  const cpuOff = median(side.off.cpu);
  const cpuOn = median(side.on.cpu);
  worst = Math.max(worst, overhead);
  rows.push({ case: c.name, 'off req/s': Math.round(off), 'on req/s': Math.round(on), 'throughput lost %': Number(overhead.toFixed(1)), 'CPU µs/req off': Math.round(cpuOff), 'CPU µs/req on': Math.round(cpuOn), 'CPU added %': Number((((cpuOn - cpuOff) / cpuOff) * 100).toFixed(1)), errors });
}
set(false);
console.table(rows);
console.log(`[bench] traces exported: ${otlp.seen.batches} OTLP batches, ${(otlp.seen.bytes / 1024).toFixed(0)} KiB`);
const verdict = worst <= MAX_OVERHEAD;
console.log(`[bench] metrics + tracing cost at most ${worst.toFixed(1)}% of throughput (limit ${MAX_OVERHEAD}%): ${verdict ? 'OK' : 'TOO MUCH'}`);
await bench.stop();
await otlp.close();
process.exit(verdict ? 0 : 1);
