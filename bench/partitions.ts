/**
 * Reads across every month of a partitioned table (npm run bench:partitions): a citizen's
 * notification feed and its counts, security journal and booking histories name no month, so
 * PostgreSQL plans them over every partition. At the default retentions (3 years) a table has 40
 * monthly partitions (36 past, this one, 3 made ahead): BENCH_MONTHS (36) past months are made for
 * notifications, deliveries, activity_entries and booking_events. The statements the API sends for
 * those reads are captured (postgres.js's debug hook) and each is run BENCH_RUNS (50) times on one
 * connection unprepared (planned every time, as drizzle runs a query by default) and prepared
 * (planned once per connection, src/db/prepared.ts runPrepared): the median of each and their ratio.
 */
import './production.js';
import 'reflect-metadata';
import { ensurePartitions, periodStart } from '../src/db/partitions.js';
import { BOOK, benchGql, signedInCitizens } from './contention.js';
import { startBenchApp } from './setup.js';
import { statementsOf } from '../test/helpers/statements.js';

const MONTHS = Number(process.env.BENCH_MONTHS ?? 36);
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const bench = await startBenchApp({ BOOKING_MAX_ACTIVE: '1000' });
const { app } = bench.running;
const sql = app.db.sql;
const gql = benchGql(bench.api);
const now = new Date();
for (const table of ['notifications', 'deliveries', 'activity_entries', 'booking_events']) await ensurePartitions(app.db.db, table, 'month', periodStart('month', now, -MONTHS), MONTHS + 3);

const [token] = await signedInCitizens(bench, 1, { phonePrefix: '+7976', run: Date.now() % 10_000, lastName: 'Секционный' });
if (!token) throw new Error('the citizen could not sign in');
const me = await gql('{ me { id } }', {}, token);
const userId = (me.data?.me as { id: string }).id;
for (let i = 0; i < 30; i++) {
  await app.db.db.transaction((tx) => app.services.notifications.notify(tx, { userId, template: 'booking.slot_freed', vars: { branch: `МФЦ №${i}`, date: '01.01.2027' }, subjectType: 'Bench', subjectId: String(i) }));
}
// Two bookings (their histories): the demo branch's free places a week ahead.
const [branch] = await sql<{ id: string }[]>`select id from branches where name = 'МФЦ района Тверской'`;
const [service] = await sql<{ id: string }[]>`select id from services where code = 'egrn-extract'`;
const day = new Date(now.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
const free = await gql('query($b: ID!, $s: ID!, $d: Date!) { availableSlots(branchId: $b, serviceId: $s, from: $d, to: $d) { startsAt available } }', { b: branch?.id, s: service?.id, d: day });
const slots = ((free.data?.availableSlots as Array<{ startsAt: string; available: number }>) ?? []).filter((s) => s.available > 0);
for (const slot of slots.slice(-2)) await gql(BOOK, { i: { branchId: branch?.id, serviceId: service?.id, startsAt: slot.startsAt } }, token);

const reads: Array<[string, string]> = [
  ['notifications feed + totalCount', '{ notifications(first: 20) { totalCount nodes { id } } }'],
  ['unreadNotificationCount', '{ unreadNotificationCount }'],
  ['myActivity + totalCount', '{ myActivity(first: 20) { totalCount nodes { id } } }'],
  ['myBookings history', '{ myBookings(first: 5) { nodes { history { status } } } }'],
];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const conn = await sql.reserve();
console.log(`\n[bench] ${MONTHS + 4} monthly partitions per table (${MONTHS} past, this one, 3 ahead), ${RUNS} runs per statement on one connection, Node ${process.version}\n`);
console.log('| read | statement | unprepared ms (median) | prepared ms (median) | ratio |');
console.log('|---|---|---:|---:|---:|');
for (const [name, query] of reads) {
  let answer: Awaited<ReturnType<typeof gql>> = {};
  const seen = await statementsOf(sql, async () => {
    answer = await gql(query, {}, token);
  });
  if (answer.errors) throw new Error(`${name}: ${JSON.stringify(answer.errors)}`);
  for (const s of seen.filter((x) => /"(notifications|activity_entries|booking_events)"/.test(x.text))) {
    const run = async (prepare: boolean) => {
      const times: number[] = [];
      for (let i = 0; i < RUNS + 10; i++) {
        const t0 = performance.now();
        await conn.unsafe(s.text, s.params as never[], { prepare });
        if (i >= 10) times.push(performance.now() - t0);
      }
      return median(times);
    };
    const [plain, prepared] = [await run(false), await run(true)];
    const what = `${/^\s*select\s+count/i.test(s.text) ? 'count' : 'rows'} from ${/from "(\w+)"/i.exec(s.text)?.[1] ?? '?'}`;
    console.log(`| ${name} | ${what} | ${plain.toFixed(3)} | ${prepared.toFixed(3)} | ${(plain / prepared).toFixed(1)}x |`);
  }
}
conn.release();
await bench.stop();
process.exit(0);
