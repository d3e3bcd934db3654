/**
 * Booking under contention: BENCH_CLIENTS (200) signed-in citizens book at once (a) one hot place
 * and (b) 100 places, two clients each, through the API. Answers attempts, successes, oversells
 * (places given beyond capacity, read back from PostgreSQL: must be 0), conflicts' latency and
 * throughput, next to a plain PostgreSQL transaction doing the same capacity-checked increment in
 * the same run, and the API's floor (the same clients asking for nothing): the ceiling of any
 * request through HTTP and GraphQL on this machine. Loopback only.
 */
import './production.js';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import postgres from 'postgres';
import type { Outcome } from './booking-clients.js';
import { hashPassword } from '../src/shared/passwords.js';
import { DEMO_PASSWORD } from '../scripts/seed-demo.js';
import type { startBenchApp } from './setup.js';

export interface ContentionRow {
  name: string;
  attempts: number;
  successes: number;
  conflicts: number;
  other: number;
  oversells: number;
  p50: number;
  p99: number;
  perSec: number;
}

type Bench = Awaited<ReturnType<typeof startBenchApp>>;

/** A GraphQL POST to the bench API, answered as parsed JSON (errors left to the caller). */
export function benchGql(api: string) {
  return async (query: string, variables: Record<string, unknown>, token?: string) => {
    const res = await fetch(api, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
    return (await res.json()) as { data?: Record<string, unknown>; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  };
}

/** `count` citizens written directly (one password hash for all), then signed in through the API: their access tokens. */
export async function signedInCitizens(bench: Bench, count: number, o: { phonePrefix: string; run: number; lastName: string }): Promise<string[]> {
  if (count > 1000 || o.phonePrefix.length !== 5) throw new Error('at most 1,000 citizens, and a phone prefix of +7 and three digits');
  const gql = benchGql(bench.api);
  const hash = await hashPassword(DEMO_PASSWORD);
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    // +7 and ten digits: the prefix's three, the run's four, the client's three (a distinct citizen each, up to 1,000).
    const phone = `${o.phonePrefix}${String(o.run % 10_000).padStart(4, '0')}${String(i).padStart(3, '0')}`;
    await bench.running.app.services.accounts.seeding.insertAccount({ phone, passwordHash: hash, lastName: o.lastName, firstName: `Тест${i}` }).catch(() => undefined);
    const r = await gql('mutation($i: LoginInput!) { login(input: $i) { ... on AuthPayload { accessToken } } }', { i: { login: phone, password: DEMO_PASSWORD } });
    const token = (r.data?.login as { accessToken?: string } | undefined)?.accessToken;
    if (token) tokens.push(token);
  }
  return tokens;
}

/**
 * The citizens' connections in a worker thread (bench/booking-clients.ts): `burst` sends one
 * request per token at once, citizen i to instance i mod n of `apis` (a balancer's round robin).
 */
export function clientsWorker(apis: string | string[], tokens: string[]) {
  const worker = new Worker(new URL('./booking-clients.js', import.meta.url), { workerData: { apis: [apis].flat(), tokens } });
  const waiting = new Map<number, (o: Outcome[]) => void>();
  worker.on('message', (m: { id: number; outcomes: Outcome[] }) => waiting.get(m.id)?.(m.outcomes));
  let next = 0;
  return {
    burst(query: string, variables: (i: number) => Record<string, unknown>): Promise<Outcome[]> {
      const id = next++;
      return new Promise((resolve) => {
        waiting.set(id, (o) => {
          waiting.delete(id);
          resolve(o);
        });
        worker.postMessage({ id, query, variables: tokens.map((_, i) => variables(i)) });
      });
    },
    /** The clients' thread's event loop time so far (active ms): their own share of the machine. */
    activeMs: () => worker.performance.eventLoopUtilization().active,
    close: () => worker.terminate(),
  };
}

/** The booking every bench citizen sends. */
export const BOOK = 'mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { id } }';

/** `count` more API instances of the bench, each in a process of its own (bench/instance.ts): their URLs, and stop. */
export async function moreInstances(bench: Bench, count: number): Promise<{ urls: string[]; stop(): Promise<void> }> {
  const children = Array.from({ length: count }, () => fork(fileURLToPath(new URL('./instance.js', import.meta.url)), [], { env: bench.settings, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  const urls = await Promise.all(children.map((c) => new Promise<string>((resolve, reject) => {
    c.once('message', (m: { url: string }) => resolve(m.url));
    c.once('exit', (code) => reject(new Error(`bench instance exited (${code ?? 'signal'})`)));
  })));
  return {
    urls,
    stop: async () => {
      await Promise.all(children.map((c) => new Promise((resolve) => {
        c.once('exit', resolve);
        c.send('stop');
      })));
    },
  };
}

/**
 * Signed-in citizens, a day's free places of one demo service, `contend` (every citizen books at
 * once, the oversells read back from PostgreSQL) and `giveBack` (the bookings made since a time are
 * cancelled and their places freed, so the same places serve the next round). The citizens'
 * connections are open and the booking path has run (JIT, caches) before the first measured
 * burst: warm-up bursts on the day before, given back at once.
 */
export async function contentionSetup(bench: Bench, clients = Number(process.env.BENCH_CLIENTS ?? 200)) {
  const CLIENTS = clients;
  const { running, api } = bench;
  const gql = benchGql(api);
  const run = Date.now() % 1_000_000;
  const tokens = await signedInCitizens(bench, CLIENTS, { phonePrefix: '+7977', run, lastName: 'Нагрузочный' });

  const [branch] = await running.app.db.sql<{ id: string }[]>`select id from branches where name = 'МФЦ района Тверской'`;
  const [service] = await running.app.db.sql<{ id: string }[]>`select id from services where code = 'egrn-extract'`;
  if (!branch || !service) throw new Error('demo data missing');
  // A different day each run (the bench database persists between runs), inside the 30-day horizon.
  const day = new Date(Date.now() + (3 + (run % 23)) * 86_400_000).toISOString().slice(0, 10);
  const dayAfter = new Date(new Date(`${day}T00:00:00Z`).getTime() + 2 * 86_400_000).toISOString().slice(0, 10);
  const freeOn = async (from: string, to: string) => {
    const answer = await gql('query($b: ID!, $s: ID!, $d: Date!, $e: Date!) { availableSlots(branchId: $b, serviceId: $s, from: $d, to: $e) { startsAt available } }', { b: branch.id, s: service.id, d: from, e: to });
    return ((answer.data?.availableSlots as Array<{ startsAt: string; available: number }>) ?? []).filter((s) => s.available > 0).map((s) => s.startsAt);
  };
  const slots = await freeOn(day, dayAfter);
  if (slots.length < 2) throw new Error(`not enough free slots on ${day}`);
  // BENCH_INSTANCES (1): more API instances in processes of their own, the citizens spread over them.
  const more = await moreInstances(bench, Math.max(0, Number(process.env.BENCH_INSTANCES ?? 1) - 1));
  const citizens = clientsWorker([api, ...more.urls], tokens);
  const input = (startsAt: string) => ({ i: { branchId: branch.id, serviceId: service.id, startsAt } });

  const pct = (xs: number[], p: number) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length ? (s[Math.min(s.length - 1, Math.floor((s.length * p) / 100))] ?? NaN) : NaN;
  };

  async function contend(name: string, pick: (i: number) => string) {
    const started = performance.now();
    const outcomes = await citizens.burst(BOOK, (i) => input(pick(i)));
    const elapsed = (performance.now() - started) / 1000;
    const conflicts = outcomes.filter((o) => o.code === 'CONFLICT').map((o) => o.ms);
    const targets = [...new Set(tokens.map((_, i) => pick(i)))];
    const over = await running.app.db.sql<{ n: number }[]>`
      select count(*)::int as n from (
        select b.starts_at, count(*) as taken, max(bs.capacity) as capacity
        from bookings b join branch_services bs on bs.branch_id = b.branch_id and bs.service_id = b.service_id
        where b.branch_id = ${branch?.id ?? ''} and b.service_id = ${service?.id ?? ''} and b.status in ('PENDING_CONFIRMATION','CONFIRMED','CHECKED_IN')
          and b.starts_at = any(${running.app.db.sql.array(targets)}::timestamptz[])
        group by b.starts_at having count(*) > max(bs.capacity)) x`;
    return { name, attempts: outcomes.length, successes: outcomes.filter((o) => o.ok).length, conflicts: conflicts.length, other: outcomes.filter((o) => !o.ok && o.code !== 'CONFLICT').length, oversells: over[0]?.n ?? -1, p50: pct(conflicts, 50), p99: pct(conflicts, 99), perSec: outcomes.length / elapsed };
  }

  /**
   * The API's floor for the same clients: every citizen, signed in, asks for nothing ({ __typename }):
   * HTTP, the token and the session check, GraphQL, no SQL. No booking through the API can go faster
   * than this on the machine; printed next to the bookings so the ratio to the bare transaction has
   * its ceiling beside it. The best of three bursts.
   */
  async function floor(): Promise<ContentionRow> {
    let best: ContentionRow | undefined;
    for (let k = 0; k < 3; k++) {
      const started = performance.now();
      const outcomes = await citizens.burst('query { __typename }', () => ({}));
      const perSec = outcomes.length / ((performance.now() - started) / 1000);
      const ok = outcomes.filter((o) => o.ok).length;
      if (!best || perSec > best.perSec) best = { name: `API floor: ${outcomes.length} x { __typename } signed in (no SQL)`, attempts: outcomes.length, successes: ok, conflicts: 0, other: outcomes.length - ok, oversells: 0, p50: pct(outcomes.map((o) => o.ms), 50), p99: pct(outcomes.map((o) => o.ms), 99), perSec };
    }
    return best as ContentionRow;
  }

  const giveBack = async (since: Date) => {
    // The bench database lives on between runs: its bookings are cancelled and their places given
    // back, so the next run finds the same free places (the days filled up and "100 places" shrank).
    await running.app.db.sql`
      with gone as (
        update bookings set status = 'CANCELLED', confirm_by = null, updated_at = now()
        where branch_id = ${branch.id} and service_id = ${service.id} and created_at >= ${since.toISOString()}::timestamptz and status = 'PENDING_CONFIRMATION'
        returning starts_at, ends_at)
      update slot_places sp set taken = sp.taken - x.n
      from (select p, count(*)::int as n from gone, generate_series(gone.starts_at, gone.ends_at - interval '15 minutes', interval '15 minutes') p group by p) x
      where sp.branch_id = ${branch.id} and sp.service_id = ${service.id} and sp.starts_at = x.p`;
  };
  // Warm-up, BENCH_WARMUP_ROUNDS (10) times: the day before, every citizen on one place, then on
  // as many as there are, given back. A server that has run for a while has its booking path
  // optimized by V8 and its statement prepared on every pooled connection: with two bursts only,
  // the measured burst still ran partly unoptimized (100 places: 830-880 attempts/s after 2
  // warm-up bursts, 1,500-1,700/s after 8 on this machine).
  const dayBefore = new Date(new Date(`${day}T00:00:00Z`).getTime() - 86_400_000).toISOString().slice(0, 10);
  const warmSlots = await freeOn(dayBefore, dayBefore);
  for (let round = 0; round < Number(process.env.BENCH_WARMUP_ROUNDS ?? 10); round++) {
    const warmFrom = new Date();
    for (const spread of [1, warmSlots.length]) await citizens.burst(BOOK, (i) => input(warmSlots[i % Math.max(1, spread)] ?? ''));
    await giveBack(warmFrom);
  }
  return { tokens, slots, contend, floor, giveBack, pct, burst: (query: string, variables: (i: number) => Record<string, unknown>) => citizens.burst(query, variables), clientsActiveMs: citizens.activeMs, instances: 1 + more.urls.length, close: async () => {
    await citizens.close();
    await more.stop();
  } };
}

export async function bookingContention(bench: Bench, clients = Number(process.env.BENCH_CLIENTS ?? 200)): Promise<ContentionRow[]> {
  const { services, config } = bench;
  const { tokens, slots, contend, floor, giveBack, pct, close, instances } = await contentionSetup(bench, clients);
  const on = instances > 1 ? ` on ${instances} instances` : '';
  const results: ContentionRow[] = [];
  const startedAt = new Date();
  results.push(await contend(`API${on}: 1 hot place (capacity 1)`, () => slots[0] ?? ''));
  const spread = slots.slice(1, 101);
  results.push(await contend(`API${on}: ${spread.length} places, ${Math.ceil(tokens.length / spread.length)} clients each`, (i) => spread[i % spread.length] ?? ''));
  results.push(await floor());
  await giveBack(startedAt);
  await close();

  // Baseline: the same capacity-checked increment as a bare PostgreSQL transaction, same concurrency.
  const sql = postgres(services.databaseUrl, { max: config.DATABASE_POOL_SIZE, onnotice: () => undefined });
  await sql`create table if not exists bench_places (k int primary key, taken int not null, capacity int not null, check (taken <= capacity))`;
  await sql`truncate bench_places`;
  const baseline = async (name: string, key: (i: number) => number) => {
    const started = Date.now();
    const outcomes = await Promise.all(
      tokens.map(async (_, i) => {
        const t0 = Date.now();
        try {
          await sql.begin((tx) => tx`insert into bench_places (k, taken, capacity) values (${key(i)}, 1, 1) on conflict (k) do update set taken = bench_places.taken + 1`);
          return { ok: true, ms: Date.now() - t0 };
        } catch {
          return { ok: false, ms: Date.now() - t0 };
        }
      }),
    );
    const elapsed = (Date.now() - started) / 1000;
    const conflicts = outcomes.filter((o) => !o.ok).map((o) => o.ms);
    const [over] = await sql<{ n: number }[]>`select count(*)::int as n from bench_places where taken > capacity`;
    return { name, attempts: outcomes.length, successes: outcomes.filter((o) => o.ok).length, conflicts: conflicts.length, other: 0, oversells: over?.n ?? -1, p50: pct(conflicts, 50), p99: pct(conflicts, 99), perSec: outcomes.length / elapsed };
  };
  results.push(await baseline('plain PostgreSQL: 1 hot row', () => 1));
  await sql`truncate bench_places`;
  results.push(await baseline('plain PostgreSQL: 100 rows, 2 each', (i) => 1000 + (i % 100)));
  await sql`drop table bench_places`;
  await sql.end();
  return results;
}
