/**
 * One autocannon run in a worker thread of its own (started by `load` in bench/reads.ts), so the
 * load generator does not share an event loop with the servers it measures. autocannon runs in
 * this thread (its `workers: 0`) because here its per-response event can be heard: it carries the
 * response time as measured (`process.hrtime`, fractions of a millisecond), while autocannon's own
 * latency histogram keeps whole milliseconds. At a p50 of 4-5 ms a whole millisecond is 20-25% of
 * it, so the p99/p50 ratio is computed from the exact times; autocannon's rounded percentiles are
 * reported next to them.
 *
 * Parent → worker: workerData { url, body, headers, connections, seconds }.
 * Worker → parent: one message { rps, errors, bytes, p50, p99, p50ms, p99ms } (times in ms).
 */
import autocannon from 'autocannon';
import { parentPort, workerData } from 'node:worker_threads';

export interface LoadRequest {
  url: string;
  body: string;
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
}

export interface LoadResult {
  rps: number;
  errors: number;
  bytes: number;
  /** From every 2xx response time, exact. */
  p50: number;
  p99: number;
  /** autocannon's, in whole milliseconds. */
  p50ms: number;
  p99ms: number;
}

/** The value at quantile q of sorted times (nearest rank, as HdrHistogram reports it). */
export function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

const opts = workerData as LoadRequest;
let times = new Float64Array(1 << 16);
let n = 0;
const options: autocannon.Options = { url: opts.url, method: 'POST', duration: opts.seconds, connections: opts.connections, workers: 0, headers: { 'content-type': 'application/json', ...opts.headers }, body: opts.body };
// In a worker thread autocannon leaves its result unaggregated; aggregate it as its CLI does
// (exported, not in its type definitions).
const { aggregateResult } = autocannon as unknown as { aggregateResult(this: void, results: unknown[], o: autocannon.Options): autocannon.Result };
const started = performance.now();
const instance = autocannon(options, (err, raw) => {
  if (err) throw err;
  const result = raw as unknown as { totalCompletedRequests: number; totalBytes: number; errors: number; non2xx: number };
  const r = aggregateResult([raw], options);
  const sorted = times.subarray(0, n).sort();
  const figures: LoadResult = {
    rps: result.totalCompletedRequests / ((performance.now() - started) / 1000),
    errors: result.errors + result.non2xx,
    bytes: result.totalBytes / Math.max(1, result.totalCompletedRequests),
    p50: quantile(sorted, 0.5),
    p99: quantile(sorted, 0.99),
    p50ms: r.latency.p50,
    p99ms: r.latency.p99,
  };
  parentPort?.postMessage(figures);
});
instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
  if (statusCode < 200 || statusCode >= 300) return;
  if (n === times.length) {
    const grown = new Float64Array(times.length * 2);
    grown.set(times);
    times = grown;
  }
  times[n++] = responseTime;
});
