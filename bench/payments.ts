/**
 * payCharge under contention (npm run bench:payments): BENCH_CHARGES (250) citizens with one
 * unpaid charge each; every citizen calls payCharge twice at the same moment (two tabs): 500
 * concurrent calls against a local YooKassa API v3 server (test/helpers/yookassa.ts). The callers
 * and the provider run in a process of their own (bench/payments-load.ts; BENCH_IN_PROCESS=1: in
 * this one, sharing the application's event loop, as the bench first did). Prints the
 * payments created at the provider and in PostgreSQL, duplicates (a charge with more than one
 * payment: must be 0), calls answered with different payments for one charge (must be 0), errors,
 * the latency percentiles, the SQL statements sent and the CPU time spent per call. Loopback only. BENCH_PROFILE=<file> writes a CPU profile
 * (.cpuprofile, for Chrome DevTools) of the concurrent phase only.
 */
import './production.js';
import 'reflect-metadata';
import { randomInt } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { hashPassword } from '../src/shared/passwords.js';
import { uinControlDigit } from '../src/modules/payments/index.js';
import { DEMO_PASSWORD } from '../scripts/seed-demo.js';
import { fork } from 'node:child_process';
import { startLoad, type LoadCall, type LoadCommand, type LoadMessage, type LoadOutcome } from './payments-load.js';
import { startBenchApp } from './setup.js';

const CHARGES = Number(process.env.BENCH_CHARGES ?? 250);
const TABS = 2;

const IN_PROCESS = process.env.BENCH_IN_PROCESS === '1';

/** The load side: in this process, or forked (bench/payments-load.ts) and driven over IPC. */
async function loadSide(): Promise<{ url: string; run(api: string, calls: LoadCall[]): Promise<{ outcomes: LoadOutcome[]; created: number; elapsedMs: number }>; close(): Promise<void> }> {
  if (IN_PROCESS) return startLoad();
  const child = fork(new URL('./payments-load.js', import.meta.url), { stdio: 'inherit' });
  const next = () => new Promise<LoadMessage>((resolve, reject) => {
    child.once('message', (m: LoadMessage) => resolve(m));
    child.once('exit', (code) => reject(new Error(`the load process exited (${code})`)));
  });
  const ready = await next();
  const command = (c: LoadCommand) => child.send(c);
  return {
    url: ready.type === 'ready' ? ready.url : '',
    async run(api, calls) {
      const done = next();
      command({ type: 'run', api, calls });
      const m = await done;
      if (m.type !== 'done') throw new Error('unexpected message from the load process');
      return m;
    },
    close: () => new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      command({ type: 'close' });
    }),
  };
}

const load = await loadSide();
const bench = await startBenchApp({ PAYMENT_PROVIDER_URL: load.url, PAYMENT_RETURN_URLS: 'https://mfc.example/pay/', DATABASE_POOL_SIZE: '20' });
const { running, api } = bench;
const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
  const res = await fetch(api, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as { data?: Record<string, unknown>; errors?: Array<{ message?: string; extensions?: { code?: string } }> };
};

// Citizens written directly (one password hash), signed in through the API; one fine each, written directly.
const hash = await hashPassword(DEMO_PASSWORD);
// A fine has an issuer (the charges_one_issuer check): the demo admin.
const [issuer] = await running.app.db.sql<{ id: string }[]>`select id from users where 'ADMIN' = any(roles) order by created_at limit 1`;
const run = Date.now() % 1_000_000;
const payers: Array<{ token: string; chargeId: string }> = [];
for (let i = 0; i < CHARGES; i++) {
  const phone = `+7978${String(run).padStart(6, '0')}${String(i).padStart(3, '0')}`.slice(0, 12);
  const user = await running.app.services.accounts.seeding.insertAccount({ phone, passwordHash: hash, lastName: 'Плательщиков', firstName: `Тест${i}` }).catch(() => null);
  const r = await gql('mutation($i: LoginInput!) { login(input: $i) { ... on AuthPayload { accessToken user { id } } } }', { i: { login: phone, password: DEMO_PASSWORD } });
  const login = r.data?.login as { accessToken?: string; user?: { id: string } } | undefined;
  const userId = login?.user?.id ?? user?.id;
  if (!login?.accessToken || !userId) continue;
  const body = `1881${Array.from({ length: 20 }, () => randomInt(0, 10)).join('')}`;
  const [charge] = await running.app.db.sql<{ id: string }[]>`insert into charges (user_id, kind, uin, purpose, payee, amount_kopecks, issued_by) values (${userId}, 'FINE', ${body + String(uinControlDigit(body))}, 'Нагрузочный штраф', 'УФК', 50000, ${issuer?.id ?? null}) returning id`;
  if (charge) payers.push({ token: login.accessToken, chargeId: charge.id });
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.floor((s.length * p) / 100))] ?? NaN) : NaN;
};

const profiler = process.env.BENCH_PROFILE ? new Session() : null;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.start');
}
const statementsBefore = running.app.db.statements();
const cpuBefore = process.cpuUsage();
const calls = payers.flatMap((p) => Array.from({ length: TABS }, () => p));
const { outcomes, created, elapsedMs } = await load.run(api, calls);
const elapsed = elapsedMs / 1000;
// SQL statements the application sent during the phase (authentication included), per call: independent of the machine's load.
const statements = running.app.db.statements() - statementsBefore;
// CPU time of this process during the phase (with the load forked off: the application's alone), per call.
const cpu = process.cpuUsage(cpuBefore);
const cpuMsPerCall = (cpu.user + cpu.system) / 1000 / calls.length;
if (profiler) {
  const { profile } = await profiler.post('Profiler.stop');
  writeFileSync(process.env.BENCH_PROFILE ?? '', JSON.stringify(profile));
}

const idsByCharge = new Map<string, Set<string>>();
for (const o of outcomes) if (o.paymentId) idsByCharge.set(o.chargeId, (idsByCharge.get(o.chargeId) ?? new Set()).add(o.paymentId));
const chargeIds = payers.map((p) => p.chargeId);
const [rows] = await running.app.db.sql<{ payments: number; duplicates: number }[]>`
  select count(*)::int as payments, (select count(*)::int from (select charge_id from payments where charge_id = any(${chargeIds}) group by charge_id having count(*) > 1) d) as duplicates
  from payments where charge_id = any(${chargeIds})`;
const ms = outcomes.map((o) => o.ms);

console.log(`\n[bench] ${outcomes.length} concurrent payCharge over ${payers.length} charges (${TABS} tabs each), callers and provider ${IN_PROCESS ? 'in the application\'s process' : 'in a process of their own'}, Node ${process.version}\n`);
console.log('| calls | answered with a payment | errors | payments at the provider | payments in PostgreSQL | duplicates (must be 0) | charges answered with 2 different payments (must be 0) | p50 ms | p99 ms | max ms | calls/s | SQL statements per call | CPU ms per call |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
console.log(
  `| ${outcomes.length} | ${outcomes.filter((o) => o.paymentId && o.url).length} | ${outcomes.filter((o) => o.code).length} | ${created} | ${rows?.payments ?? -1} | ${rows?.duplicates ?? -1} | ${[...idsByCharge.values()].filter((s) => s.size > 1).length} | ${pct(ms, 50)} | ${pct(ms, 99)} | ${Math.max(...ms)} | ${(outcomes.length / elapsed).toFixed(0)} | ${(statements / outcomes.length).toFixed(1)} | ${cpuMsPerCall.toFixed(1)} |`,
);
const errors = outcomes.filter((o) => o.code).map((o) => o.code);
if (errors.length) console.log(`errors by code: ${JSON.stringify(errors.reduce<Record<string, number>>((acc, c) => ({ ...acc, [c ?? '?']: (acc[c ?? '?'] ?? 0) + 1 }), {}))}`);
await bench.stop();
await load.close();
