/**
 * Catalog search relevance and latency (called by bench/run.ts; alone: npm run bench:search):
 * for every query of the relevance set, the forgiving search (synonyms, pg_trgm corrections) and
 * the plain full text it replaced (the same tsquery and ranking as before, no dictionary, no typo
 * tolerance), each run in-process against the demo catalog. Prints precision@1, precision@3 and
 * latency p50/p99 of both (the forgiving one computed each time and as served through the shared cache), and the queries the forgiving search still misses.
 */
import type { App } from '../src/app.js';
import { RELEVANCE_SET, type RelevanceCase } from './search-relevance.js';

/** The catalog's query before the forgiving search (catalog.rules.ts toTsQuery as it was): all words, the last a prefix. */
function toTsQuery(input: string): string | null {
  const words = input.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' & ');
}

const ROUNDS = Number(process.env.BENCH_SEARCH_ROUNDS ?? 20);

interface Result {
  p1: number;
  p3: number;
  p50: number;
  p99: number;
  misses: string[];
}

async function measure(cases: readonly RelevanceCase[], search: (q: string) => Promise<string[]>): Promise<Result> {
  let p1 = 0;
  let p3 = 0;
  const misses: string[] = [];
  const times: number[] = [];
  for (const c of cases) {
    const found = await search(c.query);
    const right = [c.expect, ...(c.orFirst ?? [])];
    if (right.includes(found[0] ?? '')) p1 += 1;
    else misses.push(`${c.query} → ${found[0] ?? '(nothing)'}`);
    if (found.slice(0, 3).some((code) => right.includes(code))) p3 += 1;
  }
  for (let r = 0; r < ROUNDS; r++) {
    for (const c of cases) {
      const started = process.hrtime.bigint();
      await search(c.query);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((times.length * p) / 100))] ?? NaN;
  return { p1: p1 / cases.length, p3: p3 / cases.length, p50: pct(50), p99: pct(99), misses };
}

export async function runSearchBench(app: App): Promise<void> {
  // As the API answers: repeated public searches come from the shared cache (src/shared/public-cache.ts).
  const forgiving = async (q: string) => {
    const page = await app.services.catalog.services({ search: q }, 5, null);
    return page.nodes.map((s) => s.code);
  };
  // The same search computed every time (the cost of a query nobody asked before).
  const uncached = async (q: string) => {
    const { rows } = await app.services.catalog.search.search(q, { limit: 5, offset: 0 });
    return rows.map((s) => s.code);
  };
  const sql = app.db.sql;
  const plain = async (q: string) => {
    const tsq = toTsQuery(q);
    if (!tsq) return [];
    const rows = await sql<Array<{ code: string }>>`
      SELECT code FROM services WHERE archived_at IS NULL AND search @@ to_tsquery('russian', ${tsq})
      ORDER BY ts_rank_cd(search, to_tsquery('russian', ${tsq})) DESC, title, id LIMIT 5`;
    return rows.map((r) => r.code);
  };
  const before = await measure(RELEVANCE_SET, plain);
  const after = await measure(RELEVANCE_SET, forgiving);
  const computed = await measure(RELEVANCE_SET, uncached);
  const pc = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(`\n| catalog search (${RELEVANCE_SET.length} queries, ${ROUNDS} rounds) | precision@1 | precision@3 | p50 ms | p99 ms |`);
  console.log('|---|---:|---:|---:|---:|');
  console.log(`| plain full text | ${pc(before.p1)} | ${pc(before.p3)} | ${before.p50.toFixed(2)} | ${before.p99.toFixed(2)} |`);
  console.log(`| forgiving search, computed (no cache) | ${pc(computed.p1)} | ${pc(computed.p3)} | ${computed.p50.toFixed(2)} | ${computed.p99.toFixed(2)} |`);
  console.log(`| forgiving search, as served (shared cache) | ${pc(after.p1)} | ${pc(after.p3)} | ${after.p50.toFixed(2)} | ${after.p99.toFixed(2)} |`);
  if (after.misses.length > 0) console.log(`\nforgiving search, first result wrong: ${after.misses.join('; ')}`);
}
