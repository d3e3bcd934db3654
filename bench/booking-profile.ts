/**
 * Where a booking's time goes (node dist/bench/booking-profile.js): BENCH_CLIENTS (200) citizens
 * book 100 places of one day at once through the API, under the V8 profiler; prints the self time
 * by package and by function, and the SQL statements one booking sends (postgres.js debug hook).
 * The clients run in a worker thread (bench/booking-clients.ts, one keep-alive connection each),
 * so the profile is the server's alone. PROFILE_HOT=1: every citizen books the same place.
 */
import './production.js';
import 'reflect-metadata';
import { BOOK, benchGql, clientsWorker, signedInCitizens } from './contention.js';
import { profiled } from './profile.js';
import { startBenchApp } from './setup.js';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200);
const startedAt = Date.now();
const bench = await startBenchApp({ BOOKING_MAX_ACTIVE: '100000' });
const { running, api } = bench;
const gql = benchGql(api);
const run = Date.now() % 1_000_000;
const tokens = await signedInCitizens(bench, CLIENTS, { phonePrefix: '+7976', run, lastName: 'Профиль' });
const [branch] = await running.app.db.sql<{ id: string }[]>`select id from branches where name = 'МФЦ района Тверской'`;
const [service] = await running.app.db.sql<{ id: string }[]>`select id from services where code = 'egrn-extract'`;
if (!branch || !service) throw new Error('demo data missing');

async function freeSlots(offsetDays: number): Promise<string[]> {
  const day = new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
  const dayAfter = new Date(Date.now() + (offsetDays + 2) * 86_400_000).toISOString().slice(0, 10);
  const r = await gql('query($b: ID!, $s: ID!, $d: Date!, $e: Date!) { availableSlots(branchId: $b, serviceId: $s, from: $d, to: $e) { startsAt available } }', { b: branch?.id, s: service?.id, d: day, e: dayAfter });
  return ((r.data?.availableSlots as Array<{ startsAt: string; available: number }>) ?? []).filter((s) => s.available > 0).map((s) => s.startsAt);
}

const book = (token: string, startsAt: string) => gql(BOOK, { i: { branchId: branch.id, serviceId: service.id, startsAt } }, token);

const citizens = clientsWorker(api, tokens);

async function burst(slots: string[]): Promise<{ ms: number; ok: number; codes: Record<string, number> }> {
  const spread = slots.slice(0, process.env.PROFILE_HOT ? 1 : 100);
  const t0 = performance.now();
  const rs = await citizens.burst(BOOK, (i) => ({ i: { branchId: branch?.id, serviceId: service?.id, startsAt: spread[i % spread.length] ?? '' } }));
  const codes: Record<string, number> = {};
  for (const r of rs) if (!r.ok) codes[r.code ?? '?'] = (codes[r.code ?? '?'] ?? 0) + 1;
  return { ms: performance.now() - t0, ok: rs.filter((r) => r.ok).length, codes };
}
const floor = () => citizens.burst('query { __typename }', () => ({}));

// Warm up (JIT, caches) on distinct days, then one burst under the profiler.
const base = 3 + (run % 20);
for (let d = 0; d < 2; d++) console.log('[warm-up]', await burst(await freeSlots(base + 3 * d)));
const slots = await freeSlots(base + 6);

// Statements of one booking, alone.
const sqlOptions = (running.app.db.sql as unknown as { options: { debug?: unknown } }).options;
const seen: string[] = [];
const before = running.app.db.statements();
const previous = sqlOptions.debug;
sqlOptions.debug = (_id: number, text: string) => {
  seen.push(text.replace(/\s+/g, ' ').slice(0, 160));
  (previous as (...a: unknown[]) => void)();
};
const one = await book(tokens[0] ?? '', slots.at(-1) ?? '');
await new Promise((r) => setTimeout(r, 200));
sqlOptions.debug = previous;
console.log(`\n[one booking] ${JSON.stringify(one.errors ?? 'ok')}: ${running.app.db.statements() - before} statements`);
for (const s of seen) console.log('  ', s);

// The floor: the same clients, signed in, asking the API for nothing (HTTP, GraphQL, the token).
for (let k = 0; k < 3; k++) {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await floor();
  const c = process.cpuUsage(cpu0);
  console.log(`[floor] 200 x { __typename } signed in: ${(performance.now() - t0).toFixed(0)} ms, CPU ${((c.user + c.system) / 1000 / tokens.length).toFixed(2)} ms per request`);
}

const cpu0 = process.cpuUsage();
// PROFILE_FLOOR=1: the profiled burst asks for nothing (to tell the booking's own cost from the API's).
const measured = await profiled(async () => {
  if (!process.env.PROFILE_FLOOR) return burst(slots);
  const t0 = performance.now();
  await floor();
  return { ms: performance.now() - t0, ok: tokens.length, codes: {} };
});
const cpu = process.cpuUsage(cpu0);
console.log(`\n[profiled burst] ${JSON.stringify(measured)}; process CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms = ${((cpu.user + cpu.system) / 1000 / tokens.length).toFixed(2)} ms per booking (the clients' thread included)`);

await citizens.close();
// Its bookings cancelled and their places given back, as bench/contention.ts does: the bench database's days stay free.
await running.app.db.sql`
  with gone as (
    update bookings set status = 'CANCELLED', confirm_by = null, updated_at = now()
    where branch_id = ${branch.id} and service_id = ${service.id} and status = 'PENDING_CONFIRMATION'
      and user_id in (select b.user_id from bookings b where b.branch_id = ${branch.id} and b.created_at >= ${new Date(startedAt).toISOString()}::timestamptz)
    returning starts_at, ends_at)
  update slot_places sp set taken = sp.taken - x.n
  from (select p, count(*)::int as n from gone, generate_series(gone.starts_at, gone.ends_at - interval '15 minutes', interval '15 minutes') p group by p) x
  where sp.branch_id = ${branch.id} and sp.service_id = ${service.id} and sp.starts_at = x.p`;
await bench.stop();
