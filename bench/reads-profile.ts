/**
 * Where a hot read's time goes (node dist/bench/reads-profile.js): autocannon (a worker thread)
 * asks the API one of bench/reads.ts's queries (PROFILE_QUERY = branches | me | search; branches
 * by default), or `floor`: `{ __typename }` signed in (what every request pays: HTTP, the body, the
 * token, Apollo), with BENCH_CONNECTIONS (20) connections for BENCH_SECONDS (5) after a warm-up of
 * the same length, under the V8 profiler; prints requests/s and the self time by package and
 * function. PROFILE_OFF=1: the same run without the profiler (its figures undisturbed).
 */
import './production.js';
import 'reflect-metadata';
import { DEMO_PASSWORD } from '../scripts/seed-demo.js';
import { benchGql } from './contention.js';
import { profiled } from './profile.js';
import { load, QUERIES } from './reads.js';
import { startBenchApp } from './setup.js';

const which = (process.env.PROFILE_QUERY ?? 'branches') as keyof typeof QUERIES | 'floor';
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const bench = await startBenchApp();
try {
  const login = await benchGql(bench.api)('mutation($i: LoginInput!) { login(input: $i) { ... on AuthPayload { accessToken } } }', { i: { login: '+79990000003', password: DEMO_PASSWORD } });
  const token = (login.data?.login as { accessToken: string }).accessToken;
  const query = which === 'floor' ? '{ __typename }' : QUERIES[which];
  const opts = { url: bench.api, body: JSON.stringify({ query }), headers: which === 'me' || which === 'floor' ? { authorization: `Bearer ${token}` } : undefined, connections, seconds };
  const warm = await load(which, opts);
  console.log(`[warm-up] ${which}: ${warm.rps.toFixed(0)} req/s, p50 ${warm.p50.toFixed(2)} ms, p99 ${warm.p99.toFixed(2)} ms, errors ${warm.errors}`);
  const measured = process.env.PROFILE_OFF ? await load(which, opts) : await profiled(() => load(which, opts));
  console.log(`\n[profiled] ${which}: ${measured.rps.toFixed(0)} req/s, p50 ${measured.p50.toFixed(2)} ms, p99 ${measured.p99.toFixed(2)} ms, errors ${measured.errors}, ${measured.bytes.toFixed(0)} bytes per answer`);
} finally {
  await bench.stop();
}
