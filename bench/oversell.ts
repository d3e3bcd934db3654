/**
 * npm run bench:oversell: the "never twice" rule of bookings under sustained contention, as a
 * bench run rather than a test. Rounds of BENCH_CLIENTS signed-in citizens booking at once,
 * alternating one hot place and 100 places (two clients each), until BENCH_OVERSELL_ATTEMPTS
 * (100,000) attempts; after each round the places taken beyond capacity are read back from
 * PostgreSQL (must stay 0) and the bookings are given back, so the same places serve every round.
 * Every attempt reaches PostgreSQL (BOOKING_FULL_PLACE_MEMORY_MS=0).
 */
import './production.js';
import 'reflect-metadata';
import { contentionSetup } from './contention.js';
import { startBenchApp } from './setup.js';

const TARGET = Number(process.env.BENCH_OVERSELL_ATTEMPTS ?? 100_000);
// The instance's memory of full places is off: every attempt is decided by PostgreSQL, which is
// what must never oversell (the memory only refuses sooner, and the rounds give places back behind its back).
const bench = await startBenchApp({ BOOKING_MAX_ACTIVE: '1000', BOOKING_FULL_PLACE_MEMORY_MS: '0' });
try {
  const { tokens, slots, contend, giveBack, close } = await contentionSetup(bench);
  const spread = slots.slice(1, 101);
  const totals = { attempts: 0, successes: 0, conflicts: 0, other: 0, oversells: 0, rounds: 0 };
  const started = Date.now();
  while (totals.attempts < TARGET) {
    const since = new Date();
    const hot = totals.rounds % 2 === 0;
    const r = await contend(hot ? 'hot' : 'spread', hot ? () => slots[0] ?? '' : (i) => spread[i % spread.length] ?? '');
    await giveBack(since);
    totals.rounds += 1;
    totals.attempts += r.attempts;
    totals.successes += r.successes;
    totals.conflicts += r.conflicts;
    totals.other += r.other;
    totals.oversells += Math.max(0, r.oversells);
    if (r.oversells !== 0) console.log(`[bench] round ${totals.rounds} (${r.name}): ${r.oversells} place(s) oversold`);
    // A hot round has exactly one winner; a spread round one per place and client pair at most.
    if (hot && r.successes !== 1) console.log(`[bench] round ${totals.rounds}: ${r.successes} winners of one place`);
    if (totals.rounds % 50 === 0) console.log(`[bench] ${totals.attempts} attempts, ${totals.oversells} oversells`);
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(`\n| rounds | clients | attempts | successes | conflicts | other errors | oversells | attempts/s |`);
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
  console.log(`| ${totals.rounds} | ${tokens.length} | ${totals.attempts} | ${totals.successes} | ${totals.conflicts} | ${totals.other} | ${totals.oversells} | ${(totals.attempts / seconds).toFixed(0)} |`);
  if (totals.oversells > 0) process.exitCode = 1;
  await close();
} finally {
  await bench.stop();
}
