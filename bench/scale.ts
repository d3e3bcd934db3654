/**
 * `npm run bench:scale -- --demo mfc_scale_demo --scaled mfc_scale`: the per-request cost of the hot
 * reads, myBookings, notifications, applicationsQueue and the booking transaction on a database
 * filled by `npm run seed:scale` at national scale next to the same on a small one (same shape per
 * citizen: `seed:scale --citizens 200 --branches 30`), one request at a time (the cost of one
 * request, not throughput), and their ratio (goal ≤ 1.5×). Same citizen number and operator on both.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/env.js';
import { start } from '../src/main.js';
import { DEMO_PASSWORD, demoOperatorPhone } from '../scripts/seed-demo.js';
import { BENCH_DATA_KEY } from '../scripts/seed-scale.js';

const { values } = parseArgs({ args: process.argv.slice(2), options: { demo: { type: 'string' }, scaled: { type: 'string' }, requests: { type: 'string' }, citizen: { type: 'string' } } });
const REQUESTS = Number(values.requests ?? 200);
/** Citizen k of seed:scale has phone +7 950 kkk-kk-kk; k % 3 = 2 is CONFIRMED (may book every service). */
const CITIZEN = `+7950${String(Number(values.citizen ?? 2)).padStart(7, '0')}`;

type Post = (query: string, variables?: Record<string, unknown>, token?: string) => Promise<Record<string, unknown>>;

function poster(url: string): Post {
  return async (query, variables, token) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: Record<string, unknown>; errors?: Array<{ message: string }> };
    if (body.errors?.length || !body.data) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
}

async function timed(run: () => Promise<unknown>, n: number): Promise<{ p50: number; mean: number }> {
  for (let i = 0; i < Math.min(20, n); i++) await run();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(n / 2)] ?? 0, mean: times.reduce((a, b) => a + b, 0) / n };
}

async function login(post: Post, phone: string): Promise<string> {
  const data = await post('mutation($i: LoginInput!) { login(input: $i) { ... on AuthPayload { accessToken } } }', { i: { login: phone, password: DEMO_PASSWORD } });
  const token = (data.login as { accessToken?: string }).accessToken;
  if (!token) throw new Error(`${phone}: a second factor is asked; the bench needs a password-only login`);
  return token;
}

const READS = {
  branches: '{ branches(filter: { regionCode: "77" }, first: 10) { nodes { id name address openNow load { waiting averageWaitMinutes level } services { id title } } } }',
  me: '{ me { id firstName lastName trustLevel } }',
  search: '{ services(filter: { search: "паспорт" }) { nodes { id title } } }',
  myBookings: '{ myBookings(first: 20) { totalCount nodes { id number status startsAt branch { name } service { title } } } }',
  notifications: '{ notifications(first: 20) { totalCount nodes { id title body createdAt readAt } } }',
  applicationsQueue: '{ applicationsQueue(first: 20) { totalCount nodes { id number status submittedAt } } }',
};

/** A place this citizen may take: a branch offering an appointment service, its free slots of the next two weeks. */
async function freeSlots(post: Post, token: string): Promise<{ branchId: string; serviceId: string; slots: string[] }> {
  const data = await post('{ branches(filter: { regionCode: "77" }, first: 5) { nodes { id services { id requiresAppointment } } } }');
  const from = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  for (const b of (data.branches as { nodes: Array<{ id: string; services: Array<{ id: string; requiresAppointment: boolean }> }> }).nodes) {
    for (const s of b.services.filter((x) => x.requiresAppointment)) {
      const got = await post('query($b: ID!, $s: ID!, $f: Date!, $t: Date!) { availableSlots(branchId: $b, serviceId: $s, from: $f, to: $t) { startsAt available } }', { b: b.id, s: s.id, f: from, t: to }, token);
      const slots = (got.availableSlots as Array<{ startsAt: string; available: number }>).filter((x) => x.available > 0).map((x) => x.startsAt);
      if (slots.length >= 20) return { branchId: b.id, serviceId: s.id, slots };
    }
  }
  throw new Error('no branch with free places found');
}

interface Target {
  post: Post;
  citizen: string;
  operator: string;
  stop(): Promise<void>;
}

async function startOn(database: string): Promise<Target> {
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  base.pathname = `/${database}`;
  const config = loadConfig({
    ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', PORT: '0', HOST: '127.0.0.1', ROLE: 'api', MIGRATE_ON_START: 'false',
    DATABASE_URL: base.toString(), REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', REDIS_PREFIX: `bench-scale-${database}:`,
    SMS_GATEWAY_URL: 'http://127.0.0.1:9/unused', SMS_GATEWAY_TOKEN: 'bench', SMTP_URL: 'smtp://127.0.0.1:9',
    DATA_ENCRYPTION_KEY: process.env.DATA_ENCRYPTION_KEY ?? BENCH_DATA_KEY, PAYMENT_SHOP_ID: 'bench-shop', PAYMENT_SECRET_KEY: 'bench-secret',
    RATE_LIMIT_LOGINS_PER_IP: '100000000', RATE_LIMIT_WINDOW_SECONDS: '1',
  });
  const running = await start(config);
  const post = poster(`${running.api?.url ?? ''}/graphql`);
  return { post, citizen: await login(post, CITIZEN), operator: await login(post, demoOperatorPhone(1)), stop: () => running.stop() };
}

/** Booking then cancelling free places one after another: the booking's time (after five warm-ups). */
async function bookingTimes(t: Target, count: number): Promise<number[]> {
  const place = await freeSlots(t.post, t.citizen);
  const book = 'mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { id } }';
  const cancel = 'mutation($id: ID!) { cancelBooking(id: $id) { id } }';
  const times: number[] = [];
  for (const [i, startsAt] of place.slots.slice(0, count + 5).entries()) {
    const t0 = performance.now();
    const got = await t.post(book, { i: { branchId: place.branchId, serviceId: place.serviceId, startsAt } }, t.citizen);
    if (i >= 5) times.push(performance.now() - t0);
    await t.post(cancel, { id: (got.bookAppointment as { id: string }).id }, t.citizen);
  }
  return times;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Both databases served at once, measured in alternating rounds of 20 requests (the box is shared: noise hits both alike). */
async function measureBoth(demo: Target, scaled: Target): Promise<Array<[string, number, number]>> {
  const rows: Array<[string, number, number]> = [];
  for (const [name, query] of Object.entries(READS)) {
    const token = (t: Target) => (name === 'applicationsQueue' ? t.operator : ['me', 'myBookings', 'notifications'].includes(name) ? t.citizen : undefined);
    const samples = new Map<Target, number[]>([[demo, []], [scaled, []]]);
    for (let round = 0; round < REQUESTS / 20; round++) {
      for (const t of [demo, scaled]) {
        const { p50 } = await timed(() => t.post(query, {}, token(t)), 20);
        samples.get(t)?.push(p50);
      }
    }
    rows.push([name, median(samples.get(demo) ?? []), median(samples.get(scaled) ?? [])]);
  }
  rows.push(['bookAppointment', median(await bookingTimes(demo, 40)), median(await bookingTimes(scaled, 40))]);
  return rows;
}

const demoTarget = await startOn(values.demo ?? 'mfc_scale_demo');
const scaledTarget = await startOn(values.scaled ?? 'mfc_scale');
const rows = await measureBoth(demoTarget, scaledTarget);
await demoTarget.stop();
await scaledTarget.stop();
console.log(`\nper-request cost, median of per-round p50s, ${REQUESTS} sequential requests each (ms); goal: scaled ≤ 1.5× demo`);
console.log(`${'request'.padEnd(20)} ${'demo'.padStart(8)} ${'scaled'.padStart(8)} ${'ratio'.padStart(7)}  goal`);
for (const [name, d, s] of rows) {
  const r = s / d;
  console.log(`${name.padEnd(20)} ${d.toFixed(2).padStart(8)} ${s.toFixed(2).padStart(8)} ${r.toFixed(2).padStart(6)}×  ${r <= 1.5 ? 'ok' : 'MISSED'}`);
}
process.exit(0);
