/**
 * Load benchmark (npm run bench), loopback only, figures printed as tables:
 * - requests/s and p50/p99 latency of `me` (token and session check + one row), `login`
 *   (argon2id + session write) and the hot branch list (20 branches with opening, load and
 *   services; SQL statements per request counted), next to a plain graphql-js HTTP server
 *   answering a trivial query in the same run, with the ratio between them;
 * - subscription fan-out: BENCH_SUBSCRIBERS (1,000) WebSocket subscribers of one branch's load,
 *   BENCH_CHANGES (100) queue changes, delivery latency p50/p99 and events lost (must be 0).
 * - catalog search relevance (precision@1/@3 on bench/search-relevance.ts) and latency, next to the
 *   plain full text (bench/search.ts; alone: npm run bench:search).
 * Uses DATABASE_URL / REDIS_URL when set, else starts local ones like the dev command.
 */
import 'reflect-metadata';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { GraphQLObjectType, GraphQLSchema, GraphQLString, graphql } from 'graphql';
import { DEMO_ADMIN_PHONE, DEMO_PASSWORD } from '../scripts/seed-demo.js';
import { startBenchApp } from './setup.js';
import { runSearchBench } from './search.js';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 100);

interface Figures {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(name: string, opts: { url: string; body: string; headers?: Record<string, string>; connections?: number }): Promise<Figures> {
  const r = await autocannon({
    url: opts.url,
    method: 'POST',
    duration: DURATION,
    connections: opts.connections ?? CONNECTIONS,
    headers: { 'content-type': 'application/json', ...opts.headers },
    body: opts.body,
  });
  return { name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

async function baselineServer(): Promise<{ url: string; close(): Promise<void> }> {
  const schema = new GraphQLSchema({ query: new GraphQLObjectType({ name: 'Query', fields: { hello: { type: GraphQLString, resolve: () => 'world' } } }) });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { query } = JSON.parse(Buffer.concat(chunks).toString()) as { query: string };
      void graphql({ schema, source: query }).then((result) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(result));
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, close: () => new Promise((r) => server.close(() => r())) };
}

// Every subscriber connects from loopback: the per-address socket cap must make room for them all.
const bench = await startBenchApp({ WS_MAX_SOCKETS_PER_IP: String(SUBSCRIBERS + 100) });
const { running, api } = bench;
const baseline = await baselineServer();
const login = JSON.stringify({ query: 'mutation($i: LoginInput!) { login(input: $i) { ... on AuthPayload { accessToken } } }', variables: { i: { login: '+79990000003', password: DEMO_PASSWORD } } });
const first = (await (await fetch(api, { method: 'POST', headers: { 'content-type': 'application/json' }, body: login })).json()) as { data: { login: { accessToken: string } } };
const token = first.data.login.accessToken;

console.log(`[bench] ${DURATION}s per run, ${CONNECTIONS} connections (login: 4), Node ${process.version}`);
const gql = async <T>(query: string, variables: Record<string, unknown> = {}, auth?: string): Promise<T> => {
  const res = await fetch(api, { method: 'POST', headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
};
const branchList = JSON.stringify({ query: '{ branches(filter: { regionCode: "77" }, first: 20) { nodes { name openNow load { waiting averageWaitMinutes level } services { title } } } }' });

const results: Figures[] = [];
results.push(await load('baseline graphql-js { hello }', { url: baseline.url, body: JSON.stringify({ query: '{ hello }' }) }));
results.push(await load('me', { url: api, body: JSON.stringify({ query: '{ me { id lastName trustLevel } }' }), headers: { authorization: `Bearer ${token}` } }));
results.push(await load('login (argon2id)', { url: api, body: login, connections: 4 }));
const statementsBefore = running.app.db.statements();
const branchesRun = await load('branches: 20 with openNow, load, services', { url: api, body: branchList });
results.push(branchesRun);
const perRequest = (running.app.db.statements() - statementsBefore) / Math.max(1, branchesRun.rps * DURATION);
// The same list without the 42 services of each branch: how much of the cost is the 840 service objects.
results.push(await load('branches: 20 with openNow, load', { url: api, body: JSON.stringify({ query: '{ branches(filter: { regionCode: "77" }, first: 20) { nodes { name openNow load { waiting averageWaitMinutes level } } } }' }) }));

const base = results[0];
console.log('\n| run | req/s | p50 ms | p99 ms | errors | req/s vs baseline |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of results) {
  const ratio = base && base.rps > 0 ? (r.rps / base.rps).toFixed(3) : '-';
  console.log(`| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${ratio} |`);
}
console.log(`\nSQL statements per branch-list request: ${perRequest.toFixed(2)}`);

// ---------------------------------------------------------------- subscription fan-out
const { branches } = await gql<{ branches: { nodes: Array<{ id: string; services: Array<{ id: string }> }> } }>('{ branches(filter: { regionCode: "54" }, first: 1) { nodes { id services { id } } } }');
const target = branches.nodes[0];
if (target) {
  // Admins may work any branch's windows.
  const operatorLogin = await gql<{ login: { accessToken: string } }>('mutation($i: LoginInput!) { login(input: $i) { ... on AuthPayload { accessToken } } }', { i: { login: DEMO_ADMIN_PHONE, password: DEMO_PASSWORD } });
  const operatorToken = operatorLogin.login.accessToken;
  const wsUrl = api.replace(/^http/, 'ws');
  const latencies: number[] = [];
  const received = new Array<number>(SUBSCRIBERS).fill(0);
  const clients = [];
  let ready = 0;
  for (let i = 0; i < SUBSCRIBERS; i++) {
    const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0, onNonLazyError: () => undefined });
    clients.push(client);
    client.subscribe<{ branchLoadChanged: { updatedAt: string } }>(
      { query: `subscription { branchLoadChanged(branchIds: ["${target.id}"]) { waiting updatedAt } }` },
      {
        next: (r) => {
          if (received[i] === 0) ready += 1;
          else if (r.data) latencies.push(Date.now() - new Date(r.data.branchLoadChanged.updatedAt).getTime());
          received[i] = (received[i] ?? 0) + 1;
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
  }
  const deadline = Date.now() + 60_000;
  while (ready < SUBSCRIBERS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const started = Date.now();
  for (let i = 0; i < CHANGES; i++) {
    // Open, then close, window 1: each is one committed change of the branch's load.
    await gql(`mutation { ${i % 2 === 0 ? 'openWindow' : 'closeWindow'}(branchId: "${target.id}", window: 1) { waiting } }`, {}, operatorToken);
  }
  const settle = Date.now() + 15_000;
  while (received.some((n) => n < CHANGES + 1) && Date.now() < settle) await new Promise((r) => setTimeout(r, 50));
  const lost = received.reduce((sum, n) => sum + Math.max(0, CHANGES + 1 - n), 0);
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((latencies.length * p) / 100))] ?? NaN;
  console.log(`\n| fan-out | subscribers | changes | deliveries | p50 ms | p99 ms | max ms | lost | took s |`);
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  console.log(`| branchLoadChanged | ${ready} | ${CHANGES} | ${latencies.length} | ${pct(50)} | ${pct(99)} | ${latencies.at(-1) ?? NaN} | ${lost} | ${((Date.now() - started) / 1000).toFixed(1)} |`);
  await Promise.all(clients.map(async (c) => c.dispose()));
}

await runSearchBench(bench.running.app);

await baseline.close();
await bench.stop();
