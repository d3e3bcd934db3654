/**
 * The hall's board under load (npm run bench:board), loopback only: BENCH_BOARD_SUBSCRIBERS
 * (2,000) anonymous WebSocket subscribers of one branch's ticketCalled, then as many of its
 * branchLoadChanged, in the same run; each phase calls BENCH_BOARD_CALLS (50) tickets to a window
 * (callNextTicket: one call on the board and one load change each). Prints delivery latency
 * p50/p99/max (from the event's own time), deliveries and events lost (must be 0) per feed.
 */
import './production.js';
import 'reflect-metadata';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { DEMO_ADMIN_PHONE, DEMO_PASSWORD } from '../scripts/seed-demo.js';
import { startBenchApp } from './setup.js';

const SUBSCRIBERS = Number(process.env.BENCH_BOARD_SUBSCRIBERS ?? 2000);
const CALLS = Number(process.env.BENCH_BOARD_CALLS ?? 50);

const bench = await startBenchApp({ WS_MAX_SOCKETS_PER_IP: String(SUBSCRIBERS + 100) });
const { api } = bench;
const gql = async <T>(query: string, variables: Record<string, unknown> = {}, auth?: string): Promise<T> => {
  const res = await fetch(api, { method: 'POST', headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
};

// A branch of its own, open now whatever the hour: a fixed-offset zone where it is about noon.
const offset = 12 - new Date().getUTCHours();
const timezone = offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
const admin = (await gql<{ login: { accessToken: string } }>('mutation($i: LoginInput!) { login(input: $i) { ... on AuthPayload { accessToken } } }', { i: { login: DEMO_ADMIN_PHONE, password: DEMO_PASSWORD } })).login.accessToken;
const { services } = await gql<{ services: { nodes: Array<{ id: string }> } }>('{ services(first: 1) { nodes { id } } }');
const serviceId = services.nodes[0]?.id;
if (!serviceId) throw new Error('demo data missing');
const { createBranch } = await gql<{ createBranch: { id: string } }>(
  'mutation($input: BranchInput!) { createBranch(input: $input) { id } }',
  {
    input: {
      name: `МФЦ табло ${Date.now()}`, regionCode: '99', regionName: 'Нагрузочный', locality: 'Тест', address: 'ул. Табло, 1',
      location: { lat: 55, lon: 37 }, timezone, windows: 10,
      workingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '09:00', closes: '18:00' })),
    },
  },
  admin,
);
const branchId = createBranch.id;
await gql('mutation($b: ID!, $s: [ID!]!) { setBranchServices(branchId: $b, serviceIds: $s) { id } }', { b: branchId, s: [serviceId] }, admin);
await gql(`mutation { openWindow(branchId: "${branchId}", window: 1) { waiting } }`, {}, admin);

interface Phase {
  feed: string;
  subscribers: number;
  deliveries: number;
  p50: number;
  p99: number;
  max: number;
  lost: number;
  seconds: number;
}

/** SUBSCRIBERS subscriptions to `query`; CALLS calls; `at` reads an event's own time, `initial` events come before any call. */
async function phase(feed: string, query: string, at: (data: Record<string, { [k: string]: string }>) => string, initial: number): Promise<Phase> {
  for (let i = 0; i < CALLS; i++) await gql(`mutation { issueWalkInTicket(branchId: "${branchId}", serviceId: "${serviceId}") { id } }`, {}, admin);
  const wsUrl = api.replace(/^http/, 'ws');
  const latencies: number[] = [];
  const received = new Array<number>(SUBSCRIBERS).fill(0);
  const clients: Client[] = [];
  let connected = 0;
  for (let i = 0; i < SUBSCRIBERS; i++) {
    const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0, onNonLazyError: () => undefined, on: { connected: () => (connected += 1) } });
    clients.push(client);
    client.subscribe<Record<string, { [k: string]: string }>>(
      { query },
      {
        next: (r) => {
          received[i] = (received[i] ?? 0) + 1;
          if (r.data && (received[i] ?? 0) > initial) latencies.push(Date.now() - new Date(at(r.data)).getTime());
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
  }
  const deadline = Date.now() + 60_000;
  while ((connected < SUBSCRIBERS || received.some((n) => n < initial)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  // The subscription is registered server-side after the socket connects: give it a moment.
  await new Promise((r) => setTimeout(r, 1000));
  const started = Date.now();
  for (let i = 0; i < CALLS; i++) await gql(`mutation { callNextTicket(branchId: "${branchId}", window: 1) { id } }`, {}, admin);
  const settle = Date.now() + 30_000;
  while (received.some((n) => n < CALLS + initial) && Date.now() < settle) await new Promise((r) => setTimeout(r, 50));
  const seconds = (Date.now() - started) / 1000;
  const lost = received.reduce((sum, n) => sum + Math.max(0, CALLS + initial - n), 0);
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((latencies.length * p) / 100))] ?? NaN;
  await Promise.all(clients.map(async (c) => c.dispose()));
  return { feed, subscribers: connected, deliveries: latencies.length, p50: pct(50), p99: pct(99), max: latencies.at(-1) ?? NaN, lost, seconds };
}

console.log(`[bench] board fan-out: ${SUBSCRIBERS} anonymous subscribers per feed, ${CALLS} calls per phase, Node ${process.version}`);
const board = await phase('ticketCalled (board)', `subscription { ticketCalled(branchId: "${branchId}") { number window calledAt } }`, (d) => d.ticketCalled?.calledAt ?? '', 0);
const load = await phase('branchLoadChanged', `subscription { branchLoadChanged(branchIds: ["${branchId}"]) { waiting updatedAt } }`, (d) => d.branchLoadChanged?.updatedAt ?? '', 1);
console.log('\n| feed | subscribers | calls | deliveries | p50 ms | p99 ms | max ms | lost | took s |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of [board, load]) console.log(`| ${r.feed} | ${r.subscribers} | ${CALLS} | ${r.deliveries} | ${r.p50} | ${r.p99} | ${r.max} | ${r.lost} | ${r.seconds.toFixed(1)} |`);

await bench.stop();
