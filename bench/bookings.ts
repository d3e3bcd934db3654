/**
 * Booking under contention (npm run bench:bookings): see bench/contention.ts. The booking limit
 * per citizen is raised so every client may book.
 */
import './production.js';
import 'reflect-metadata';
import { bookingContention } from './contention.js';
import { startBenchApp } from './setup.js';

const bench = await startBenchApp({ BOOKING_MAX_ACTIVE: '1000' });
const results = await bookingContention(bench);
console.log(`\n[bench] ${process.env.BENCH_CLIENTS ?? 200} concurrent clients, Node ${process.version}\n`);
console.log('| run | attempts | successes | conflicts | other errors | oversells | conflict p50 ms | conflict p99 ms | attempts/s |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of results) console.log(`| ${r.name} | ${r.attempts} | ${r.successes} | ${r.conflicts} | ${r.other} | ${r.oversells} | ${r.p50} | ${r.p99} | ${r.perSec.toFixed(0)} |`);
await bench.stop();
