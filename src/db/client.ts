/** PostgreSQL access: one postgres.js pool per process wrapped by drizzle, and the transaction type. */
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema/index.js';
import { createReadHandle, type ReadHandle, type ReplicaLog } from './replicas.js';

export type Database = PostgresJsDatabase<typeof schema>;
/** A transaction handle: repositories take `Database | Tx` so a service can compose them in one transaction. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Executor = Database | Tx;

export interface DbHandle {
  db: Database;
  sql: postgres.Sql;
  /** Lag-tolerant reads (src/db/replicas.ts): the read replicas when configured, else `db` itself. */
  reads: Database;
  replicas: ReadHandle;
  /** LISTEN goes here: a direct connection when DATABASE_URL is PgBouncer in transaction mode, else `sql`. */
  listener: postgres.Sql;
  /** Statements sent since start: lets tests prove a list costs a constant number of queries. */
  statements(): number;
  close(): Promise<void>;
}

export interface DbOptions {
  max?: number;
  connectTimeoutSeconds?: number;
  statementTimeoutMs?: number;
  /** DATABASE_PGBOUNCER: PgBouncer in transaction mode keeps no prepared statement across transactions. */
  pgbouncer?: boolean;
  /** DATABASE_DIRECT_URL: LISTEN needs a session of its own, past PgBouncer. */
  directUrl?: string;
  replicaUrls?: string[];
  replicaRetrySeconds?: number;
  log?: ReplicaLog;
}

const quiet: ReplicaLog = { warn: () => undefined, info: () => undefined };

export function createDb(url: string, opts: DbOptions = {}): DbHandle {
  let statements = 0;
  // PgBouncer refuses (or, with ignore_startup_parameters, drops) a statement_timeout startup
  // parameter: behind it the timeout is the role's (ALTER ROLE … SET statement_timeout, README).
  const session: Record<string, number> = opts.statementTimeoutMs && !opts.pgbouncer ? { statement_timeout: opts.statementTimeoutMs } : {};
  const sql = postgres(url, {
    max: opts.max ?? 10,
    prepare: !opts.pgbouncer,
    onnotice: () => undefined,
    // While PostgreSQL is away, a query waits at most this long for a connection, then fails.
    connect_timeout: opts.connectTimeoutSeconds ?? 30,
    // Queries waiting for a connection wait for its reconnect: the default backoff grows to 20 s,
    // so a request during an outage hung for many seconds. Retry within a quarter second instead:
    // while the server is down each attempt fails at once (or after connect_timeout) and fails its query.
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 0.25),
    connection: { application_name: 'mfc-account', ...session },
  });
  // Statements are counted through the connections' debug hook, set after creation on purpose:
  // given to postgres() itself, `debug` also makes every query capture a stack trace (a new Error
  // per statement, formatted once more on every failed one: several percent of a booking's CPU).
  // The connections read the hook from the shared options at each statement; the stack capture
  // looks at the option given at creation.
  (sql.options as { debug?: unknown }).debug = () => {
    statements += 1;
  };
  const db = drizzle(sql, { schema, casing: 'snake_case' });
  const direct = opts.pgbouncer && opts.directUrl && opts.directUrl !== url ? opts.directUrl : null;
  const listener = direct ? postgres(direct, { max: 1, onnotice: () => undefined, connection: { application_name: 'mfc-account-listen' } }) : sql;
  const replicas = createReadHandle({ db, sql }, opts.replicaUrls ?? [], {
    log: opts.log ?? quiet,
    retrySeconds: opts.replicaRetrySeconds ?? 30,
    max: opts.max ?? 10,
    prepare: !opts.pgbouncer,
    connection: session,
  });
  return {
    db,
    sql,
    reads: replicas.reads,
    replicas,
    listener,
    statements: () => statements,
    close: async () => {
      await replicas.close();
      if (listener !== sql) await listener.end({ timeout: 5 });
      await sql.end({ timeout: 5 });
    },
  };
}
