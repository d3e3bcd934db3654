/**
 * Where a booking's time goes (node dist/bench/booking-profile.js): BENCH_CLIENTS (200) citizens
 * book 100 places of one day at once through the API, under the V8 profiler; prints the self time
 * by package and by function, and the SQL statements one booking sends (postgres.js debug hook).
 * The client side (fetch) runs in the same process: its share shows as node:internal / undici.
 */
import './production.js';
import 'reflect-metadata';
import { Session } from 'node:inspector/promises';
import { benchGql, signedInCitizens } from './contention.js';
import { startBenchApp } from './setup.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

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

const book = (token: string, startsAt: string) => gql('mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { id } }', { i: { branchId: branch.id, serviceId: service.id, startsAt } }, token);

async function burst(slots: string[]): Promise<{ ms: number; ok: number; codes: Record<string, number> }> {
  const spread = slots.slice(0, 100);
  const t0 = performance.now();
  const rs = await Promise.all(tokens.map((t, i) => book(t, spread[i % spread.length] ?? '')));
  const codes: Record<string, number> = {};
  for (const r of rs) if (r.errors) codes[r.errors[0]?.extensions?.code ?? '?'] = (codes[r.errors[0]?.extensions?.code ?? '?'] ?? 0) + 1;
  return { ms: performance.now() - t0, ok: rs.filter((r) => !r.errors).length, codes };
}

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
  await Promise.all(tokens.map((t) => gql('query { __typename }', {}, t)));
  const c = process.cpuUsage(cpu0);
  console.log(`[floor] 200 x { __typename } signed in: ${(performance.now() - t0).toFixed(0)} ms, CPU ${((c.user + c.system) / 1000 / tokens.length).toFixed(2)} ms per request`);
}

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const cpu0 = process.cpuUsage();
// PROFILE_FLOOR=1: the profiled burst asks for nothing (to tell the booking's own cost from the API's).
const measured = process.env.PROFILE_FLOOR
  ? await (async () => {
      const t0 = performance.now();
      await Promise.all(tokens.map((t) => gql('query { __typename }', {}, t)));
      return { ms: performance.now() - t0, ok: tokens.length, codes: {} };
    })()
  : await burst(slots);
const cpu = process.cpuUsage(cpu0);
const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number } };
console.log(`\n[profiled burst] ${JSON.stringify(measured)}; process CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms = ${((cpu.user + cpu.system) / 1000 / tokens.length).toFixed(2)} ms per booking (client included)`);

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i] ?? 0, (self.get(profile.samples[i] ?? 0) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
const total = [...self.values()].reduce((a, b) => a + b, 0);
const pkgOf = (url: string) => {
  if (!url) return '(native/vm)';
  if (url.startsWith('node:')) return url.split('/')[0] ?? url;
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1] ?? url;
  const d = /\/dist\/(.*)$/.exec(url);
  return d ? `app:${(d[1] ?? '').split('/').slice(0, 3).join('/')}` : url;
};
const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
const byPkg = new Map<string, number>();
const byFn = new Map<string, number>();
for (const [id, ms] of self) {
  const n = byId.get(id);
  if (!n) continue;
  const { functionName, url, lineNumber } = n.callFrame;
  add(byPkg, pkgOf(url), ms);
  add(byFn, `${functionName || '(anon)'} ${url.replace(/.*node_modules\//, '').replace(/.*\/dist\//, 'dist/')}:${lineNumber + 1}`, ms);
}
const top = (m: Map<string, number>, n: number) =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `  ${v.toFixed(1).padStart(8)} ms ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`)
    .join('\n');
console.log(`\n[profile] ${total.toFixed(0)} ms sampled; self time by package:\n${top(byPkg, 30)}`);
console.log(`\n[profile] self time by function:\n${top(byFn, Number(process.env.TOP ?? 60))}`);
if (process.env.PROFILE_OUT) {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));
}
session.disconnect();
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
