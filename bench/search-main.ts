/** npm run bench:search: the catalog search's relevance and latency alone (see bench/search.ts). */
import './production.js';
import 'reflect-metadata';
import { startBenchApp } from './setup.js';
import { runSearchBench } from './search.js';

const bench = await startBenchApp();
try {
  await runSearchBench(bench.running.app);
} finally {
  await bench.stop();
}
