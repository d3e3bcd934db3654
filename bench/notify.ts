/**
 * What a NOTIFY costs a commit (npm run bench:notify). A transaction that calls pg_notify takes a
 * cluster-wide lock before its commit and keeps it until the commit is flushed, so notifying
 * transactions commit one at a time (README, "A known ceiling: NOTIFY serializes commits"). Here
 * BENCH_TX (2,000) transactions insert one row each over DATABASE_POOL_SIZE-like BENCH_POOL (10)
 * connections, with and without a pg_notify, in BENCH_ROUNDS (3) interleaved rounds: transactions
 * per second and their ratio, after a warm-up round of each. The flush time of this machine's disk sets how much it costs; on
 * storage whose flush takes 1 ms the notifying ones cannot pass about 1,000 a second.
 */
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { ensureServices } from '../scripts/services.js';

const TX = Number(process.env.BENCH_TX ?? 2000);
const POOL = Number(process.env.BENCH_POOL ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const root = fileURLToPath(new URL('../..', import.meta.url));
const services = await ensureServices({ dataDir: `${root}.data/bench`, log: (m) => console.log(`[bench] ${m}`) });
const sql = postgres(services.databaseUrl, { max: POOL, onnotice: () => undefined });
await sql`create table if not exists bench_notify (id bigserial primary key, v int not null)`;

async function rate(notify: boolean): Promise<number> {
  const started = performance.now();
  await Promise.all(
    Array.from({ length: TX }, (_, i) =>
      // One statement either way (the same round trips): the insert, and the notify or not.
      sql.begin((tx) =>
        notify
          ? tx`with row as (insert into bench_notify (v) values (${i}) returning id) select pg_notify('bench_notify', id::text) from row`
          : tx`with row as (insert into bench_notify (v) values (${i}) returning id) select id::text from row`,
      ),
    ),
  );
  return TX / ((performance.now() - started) / 1000);
}

console.log(`\n[bench] ${TX} transactions of one insert over ${POOL} connections, ${ROUNDS} rounds, Node ${process.version}\n`);
console.log('| round | insert tx/s | insert + pg_notify tx/s | ratio |');
console.log('|---:|---:|---:|---:|');
// A warm-up round of each (connections opened, the table's first pages written), not printed.
await rate(false);
await rate(true);
for (let round = 1; round <= ROUNDS; round++) {
  const plain = await rate(false);
  const notifying = await rate(true);
  console.log(`| ${round} | ${plain.toFixed(0)} | ${notifying.toFixed(0)} | ${(notifying / plain).toFixed(2)} |`);
}
await sql`drop table bench_notify`;
await sql.end();
await services.stop();
