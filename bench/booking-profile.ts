/**
 * Where a booking's time goes (node dist/bench/booking-profile.js): BENCH_CLIENTS (200) citizens
 * book 100 places of one day at once through the API, under the V8 profiler; prints the self time
 * by package and by function, and the SQL statements one booking sends (postgres.js debug hook).
 * The citizens, their day and the warm-up are bench/contention.ts's (the clients in a worker
 * thread, one keep-alive connection each, so the profile is the server's alone).
 * PROFILE_HOT=1: every citizen books the same place. PROFILE_FLOOR=1: the profiled burst asks for
 * nothing (to tell the booking's own cost from the API's).
 */
import './production.js';
import 'reflect-metadata';
import { BOOK, benchGql, contentionSetup } from './contention.js';
import { machineCpu, machineCpuSince, profiled, threadCpu, threadCpuSince } from './profile.js';
import { startBenchApp } from './setup.js';
import { statementsOf } from '../test/helpers/statements.js';

const bench = await startBenchApp({ BOOKING_MAX_ACTIVE: '100000' });
const { running, api } = bench;
const startedAt = new Date();
const setup = await contentionSetup(bench);
const { tokens, slots } = setup;
const [branch] = await running.app.db.sql<{ id: string }[]>`select id from branches where name = 'МФЦ района Тверской'`;
const [service] = await running.app.db.sql<{ id: string }[]>`select id from services where code = 'egrn-extract'`;
if (!branch || !service) throw new Error('demo data missing');

// Statements of one booking, alone (the day's last place, which the bursts leave alone).
const before = running.app.db.statements();
let one: Awaited<ReturnType<ReturnType<typeof benchGql>>> = {};
const seen = await statementsOf(running.app.db.sql, async () => {
  one = await benchGql(api)(BOOK, { i: { branchId: branch.id, serviceId: service.id, startsAt: slots.at(-1) ?? '' } }, tokens[0]);
  await new Promise((r) => setTimeout(r, 200));
});
console.log(`\n[one booking] ${JSON.stringify(one.errors ?? 'ok')}: ${running.app.db.statements() - before} statements`);
for (const s of seen) console.log('  ', s.text.replace(/\s+/g, ' ').slice(0, 160));

// The floor: the same clients, signed in, asking the API for nothing (HTTP, GraphQL, the token).
const floor = () => setup.burst('query { __typename }', () => ({}));
for (let k = 0; k < 3; k++) {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const clients0 = setup.clientsActiveMs();
  await floor();
  const c = process.cpuUsage(cpu0);
  console.log(`[floor] ${tokens.length} x { __typename } signed in: ${(performance.now() - t0).toFixed(0)} ms, CPU ${((c.user + c.system) / 1000 / tokens.length).toFixed(2)} ms per request, the clients' thread ${((setup.clientsActiveMs() - clients0) / tokens.length).toFixed(2)} ms of it`);
}

const spread = slots.slice(0, process.env.PROFILE_HOT ? 1 : 100);
const cpu0 = process.cpuUsage();
const clients0 = setup.clientsActiveMs();
const threads0 = threadCpu();
const machine0 = machineCpu();
const measured = await (process.env.PROFILE_OFF ? (f: () => Promise<unknown>) => f() : profiled)(async () => {
  if (!process.env.PROFILE_FLOOR) return setup.contend(process.env.PROFILE_HOT ? 'hot' : 'spread', (i) => spread[i % spread.length] ?? '');
  const t0 = performance.now();
  await floor();
  return { ms: performance.now() - t0 };
});
const cpu = process.cpuUsage(cpu0);
const clientsMs = setup.clientsActiveMs() - clients0;
console.log(`[threads] ${threadCpuSince(threads0)}; ${machineCpuSince(machine0)}`);
console.log(`\n[profiled burst] ${JSON.stringify(measured)}; process CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms = ${((cpu.user + cpu.system) / 1000 / tokens.length).toFixed(2)} ms per booking, the clients' thread ${clientsMs.toFixed(0)} ms of it`);

await setup.giveBack(startedAt);
await setup.close();
await bench.stop();
