/**
 * Statements built once: drizzle turns a query builder into SQL text on every execution, which
 * costs more CPU than PostgreSQL spends answering a primary-key read. A hot statement is built
 * with placeholders once per database handle and executed with its parameters afterwards.
 * Inside a transaction the statement is built as usual (a transaction's handle lives for one use).
 */
import type { SQL } from 'drizzle-orm';
import { PgDialect, PgTransaction } from 'drizzle-orm/pg-core';
import type postgres from 'postgres';
import type { Executor } from './client.js';

const built = new WeakMap<Executor, Map<string, unknown>>();

export function prepared<T>(db: Executor, name: string, build: (db: Executor) => T): T {
  if (db instanceof PgTransaction) return build(db);
  let byName = built.get(db);
  if (!byName) built.set(db, (byName = new Map<string, unknown>()));
  let statement = byName.get(name) as T | undefined;
  if (statement === undefined) byName.set(name, (statement = build(db)));
  return statement;
}

const dialect = new PgDialect({ casing: 'snake_case' });

/**
 * A raw statement (what `db.execute` runs) as a prepared statement of its connection: ONE round
 * trip. drizzle runs unprepared every query it was not given a name for, and postgres.js sends an
 * unprepared statement with parameters in two round trips (Parse/Describe, wait for the parameter
 * types, then Bind/Execute); once prepared on a connection, it is sent whole. For a statement of a
 * fixed text run very often, also inside a transaction (the booking's one statement, the account
 * feed's append): the connection keeps one prepared statement per distinct text. Behind PgBouncer
 * in transaction mode (DATABASE_PGBOUNCER) the pool is made with `prepare: false`, which wins: this
 * is then a plain execute. Answers the rows as `db.execute` does (raw column names and values).
 */
export async function executePrepared<T extends Record<string, unknown>>(db: Executor, query: SQL): Promise<T[]> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  const client = (db._.session as unknown as { client: postgres.Sql }).client;
  return client.unsafe<T[]>(text, params as postgres.ParameterOrJSON<never>[], { prepare: true });
}

/**
 * A drizzle query run as a prepared statement of its connection (the same rows as awaiting it).
 * For reads of a partitioned table that cannot name the month (a user's feed, journal, history):
 * planning such a statement opens every partition's indexes, at three years of monthly partitions
 * 3 ms where running it is 0.3 ms (bench/partitions.ts); prepared, PostgreSQL plans it once per
 * connection (a generic plan, its months pruned at run time) and then only runs it. The text
 * should not vary with its values (a list as one array parameter, not one parameter per item):
 * the connection keeps one prepared statement per distinct text.
 */
export function runPrepared<T>(query: { prepare(name: string): { execute(): Promise<T> } }): Promise<T> {
  return query.prepare('partitioned').execute();
}
