/** The SQL statements the app sends while a piece of work runs (postgres.js's debug hook), to count or EXPLAIN them. */
import type { Sql } from 'postgres';

export interface SentStatement {
  text: string;
  params: unknown[];
}

/** Runs `fn`, recording every statement sent on `sql`'s connections meanwhile (any earlier debug hook still called). */
export async function statementsOf(sql: Sql, fn: () => Promise<unknown>): Promise<SentStatement[]> {
  const options = (sql as unknown as { options: { debug?: unknown } }).options;
  const seen: SentStatement[] = [];
  const previous = options.debug;
  options.debug = (connection: number, text: string, params: unknown[], types: unknown[]) => {
    seen.push({ text, params });
    if (typeof previous === 'function') (previous as (...a: unknown[]) => void)(connection, text, params, types);
  };
  try {
    await fn();
  } finally {
    options.debug = previous;
  }
  return seen;
}

/** A statement's plan, as one string (`how`: EXPLAIN's options, e.g. "analyze, costs off"). */
export async function planOf(sql: Sql, s: SentStatement, how = 'costs off'): Promise<string> {
  const rows = await sql.unsafe(`explain (${how}) ${s.text}`, s.params as never[]);
  return rows.map((r) => String((r as Record<string, unknown>)['QUERY PLAN'])).join('\n');
}

/** Runs `fn`, recording the text of every statement sent through `sql.unsafe` (as drizzle sends them) and whether it went prepared. */
export async function preparedFlagsOf(sql: Sql, fn: () => Promise<unknown>): Promise<Array<{ text: string; prepared: boolean }>> {
  const client = sql as unknown as { unsafe: (text: string, params?: unknown[], options?: { prepare?: boolean }) => unknown };
  const original = client.unsafe;
  const seen: Array<{ text: string; prepared: boolean }> = [];
  client.unsafe = (text, params, options) => {
    seen.push({ text, prepared: options?.prepare === true });
    return original.call(sql, text, params, options);
  };
  try {
    await fn();
  } finally {
    client.unsafe = original;
  }
  return seen;
}
