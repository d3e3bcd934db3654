/** PostgreSQL access: one postgres.js pool per process wrapped by drizzle, and the transaction type. */
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema/index.js';

export type Database = PostgresJsDatabase<typeof schema>;
/** A transaction handle: repositories take `Database | Tx` so a service can compose them in one transaction. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Executor = Database | Tx;

export interface DbHandle {
  db: Database;
  sql: postgres.Sql;
  /** Statements sent since start: lets tests prove a list costs a constant number of queries. */
  statements(): number;
  close(): Promise<void>;
}

export function createDb(url: string, opts: { max?: number; connectTimeoutSeconds?: number; statementTimeoutMs?: number } = {}): DbHandle {
  let statements = 0;
  const sql = postgres(url, {
    max: opts.max ?? 10,
    debug: () => {
      statements += 1;
    },
    onnotice: () => undefined,
    // While PostgreSQL is away, a query waits at most this long for a connection, then fails.
    connect_timeout: opts.connectTimeoutSeconds ?? 30,
    // Queries waiting for a connection wait for its reconnect: the default backoff grows to 20 s,
    // so a request during an outage hung for many seconds. Retry within a quarter second instead:
    // while the server is down each attempt fails at once (or after connect_timeout) and fails its query.
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 0.25),
    connection: { application_name: 'mfc-account', ...(opts.statementTimeoutMs ? { statement_timeout: opts.statementTimeoutMs } : {}) },
  });
  const db = drizzle(sql, { schema, casing: 'snake_case' });
  return { db, sql, statements: () => statements, close: () => sql.end({ timeout: 5 }) };
}
