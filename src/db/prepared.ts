/**
 * Statements built once: drizzle turns a query builder into SQL text on every execution, which
 * costs more CPU than PostgreSQL spends answering a primary-key read. A hot statement is built
 * with placeholders once per database handle and executed with its parameters afterwards.
 * Inside a transaction the statement is built as usual (a transaction's handle lives for one use).
 */
import { PgTransaction } from 'drizzle-orm/pg-core';
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
