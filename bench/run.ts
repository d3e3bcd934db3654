/**
 * Load benchmark (npm run bench): requests/s and p50/p99 latency of `me` (token check + one row)
 * and `login` (argon2id verification + session write), next to a plain graphql-js HTTP server
 * answering a trivial query in the same run, with the ratio between them. Uses DATABASE_URL /
 * REDIS_URL when set, else starts local ones like the dev command. Loopback only.
 */
import 'reflect-metadata';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { GraphQLObjectType, GraphQLSchema, GraphQLString, graphql } from 'graphql';
import { loadConfig } from '../src/config/env.js';
import { start } from '../src/main.js';
import { ensureServices } from '../scripts/services.js';
import { seedDemo, DEMO_PASSWORD } from '../scripts/seed-demo.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);

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

const root = fileURLToPath(new URL('../..', import.meta.url));
const services = await ensureServices({ dataDir: `${root}.data/bench`, log: (m) => console.log(`[bench] ${m}`) });
const config = loadConfig({
  ...process.env,
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  PORT: '0',
  HOST: '127.0.0.1',
  DATABASE_URL: services.databaseUrl,
  REDIS_URL: services.redisUrl,
  SMS_GATEWAY_URL: 'http://127.0.0.1:9/unused',
  SMS_GATEWAY_TOKEN: 'bench',
  SMTP_URL: 'smtp://127.0.0.1:9',
  ROLE: 'api',
  RATE_LIMIT_LOGINS_PER_IP: '100000000',
});
const running = await start(config);
await seedDemo(running.app);
const api = `${running.api?.url ?? ''}/graphql`;
const baseline = await baselineServer();
const login = JSON.stringify({ query: 'mutation($i: LoginInput!) { login(input: $i) { ... on AuthPayload { accessToken } } }', variables: { i: { login: '+79990000003', password: DEMO_PASSWORD } } });
const first = (await (await fetch(api, { method: 'POST', headers: { 'content-type': 'application/json' }, body: login })).json()) as { data: { login: { accessToken: string } } };
const token = first.data.login.accessToken;

console.log(`[bench] ${DURATION}s per run, ${CONNECTIONS} connections (login: 4), Node ${process.version}`);
const results: Figures[] = [];
results.push(await load('baseline graphql-js { hello }', { url: baseline.url, body: JSON.stringify({ query: '{ hello }' }) }));
results.push(await load('me', { url: api, body: JSON.stringify({ query: '{ me { id lastName trustLevel } }' }), headers: { authorization: `Bearer ${token}` } }));
results.push(await load('login (argon2id)', { url: api, body: login, connections: 4 }));

const base = results[0];
console.log('\n| run | req/s | p50 ms | p99 ms | errors | req/s vs baseline |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of results) {
  const ratio = base && base.rps > 0 ? (r.rps / base.rps).toFixed(3) : '-';
  console.log(`| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${ratio} |`);
}
await baseline.close();
await running.stop();
await services.stop();
