/**
 * Reads that tolerate lag, spread over the read replicas (DATABASE_REPLICA_URLS). A module asks for
 * the `reads` handle only where a citizen never reads back a write of their own; writes,
 * transactions and read-your-writes stay on the primary (`db`). A replica that fails a connection
 * is left out for DATABASE_REPLICA_RETRY_SECONDS: its reads (that one included) go to the primary,
 * and the outage is logged once. Statement errors (bad SQL, a timeout) are not retried.
 */
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema/index.js';

/** The same type as client.ts's Database (not imported from there: client.ts builds on this file). */
type Database = PostgresJsDatabase<typeof schema>;

export interface ReplicaLog {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

interface Replica {
  url: string;
  sql: postgres.Sql;
  downUntil: number;
}

type Run = (client: postgres.Sql) => Promise<unknown>;

/** Connection failures (refused, reset, closed, timed out): the replica is away, not the statement wrong. */
export function isConnectionFailure(err: unknown): boolean {
  const e = err as { code?: string; errno?: string } | null;
  const code = e?.code ?? e?.errno ?? '';
  return /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|EPIPE|CONNECT_TIMEOUT|CONNECTION_CLOSED|CONNECTION_ENDED|CONNECTION_DESTROYED|57P01|57P02|57P03|08\w{3})$/.test(code);
}

export interface ReadHandle {
  /** The handle for lag-tolerant reads: the replicas when configured, else the primary itself. */
  reads: Database;
  /** Reads served by a replica / by the primary because every replica was away (for tests and metrics). */
  served(): { replica: number; fallback: number };
  close(): Promise<void>;
}

export interface ReadHandleOptions {
  log: ReplicaLog;
  retrySeconds: number;
  max: number;
  prepare: boolean;
  now?: () => number;
  connection?: Record<string, string | number>;
}

/** Picks a replica in turn, skipping those left out; falls back to the primary. */
class ReplicaRouter {
  readonly counts = { replica: 0, fallback: 0 };
  private next = 0;

  constructor(
    readonly replicas: Replica[],
    private readonly primary: postgres.Sql,
    private readonly opts: ReadHandleOptions,
  ) {}

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }

  private pick(): Replica | undefined {
    const n = this.replicas.length;
    for (let i = 0; i < n; i++) {
      const r = this.replicas[(this.next + i) % n];
      if (r && r.downUntil <= this.now()) {
        this.next = (this.next + i + 1) % n;
        return r;
      }
    }
    return undefined;
  }

  async route(run: Run): Promise<unknown> {
    for (let r = this.pick(); r; r = this.pick()) {
      try {
        const out = await run(r.sql);
        if (r.downUntil !== 0) {
          r.downUntil = 0;
          this.opts.log.info({ replica: redact(r.url) }, 'read replica is back');
        }
        this.counts.replica += 1;
        return out;
      } catch (err) {
        if (!isConnectionFailure(err)) throw err;
        if (r.downUntil === 0) this.opts.log.warn({ replica: redact(r.url), err: (err as Error).message }, 'read replica unreachable: its reads go to the primary');
        r.downUntil = this.now() + this.opts.retrySeconds * 1000;
      }
    }
    this.counts.fallback += 1;
    return run(this.primary);
  }
}

/**
 * drizzle's postgres-js session calls only `unsafe(query, params, options)` (awaited, or `.values()`)
 * outside transactions, and `reads` is never given a transaction: the stand-in client routes each
 * call lazily (a postgres.js query runs when awaited) and refuses `begin`.
 */
function routingClient(router: ReplicaRouter, model: postgres.Sql): postgres.Sql {
  const client = Object.create(model) as postgres.Sql;
  Object.assign(client, {
    unsafe: (query: string, params?: unknown[], options?: object) => {
      const call = (c: postgres.Sql) => c.unsafe(query, params as postgres.ParameterOrJSON<never>[], options);
      return {
        then: (ok: (v: unknown) => unknown, fail?: (e: unknown) => unknown) => router.route((c) => call(c)).then(ok, fail),
        values: () => router.route((c) => call(c).values()),
      };
    },
    begin: () => Promise.reject(new Error('the reads handle takes no transactions: use the primary')),
  });
  return client;
}

export function createReadHandle(primary: { db: Database; sql: postgres.Sql }, urls: string[], opts: ReadHandleOptions): ReadHandle {
  const replicas: Replica[] = urls.map((url) => ({
    url,
    downUntil: 0,
    sql: postgres(url, { max: opts.max, prepare: opts.prepare, connect_timeout: 2, onnotice: () => undefined, connection: { application_name: 'mfc-account-reads', ...opts.connection } }),
  }));
  const [model] = replicas;
  if (!model) return { reads: primary.db, served: () => ({ replica: 0, fallback: 0 }), close: () => Promise.resolve() };
  const router = new ReplicaRouter(replicas, primary.sql, opts);
  const client = routingClient(router, model.sql);
  const reads = drizzle(client, { schema, casing: 'snake_case' });
  // drizzle() set its type parsers on the model's options (through the stand-in): every replica gets the same.
  for (const r of replicas) {
    Object.assign(r.sql.options.parsers, client.options.parsers);
    Object.assign(r.sql.options.serializers, client.options.serializers);
  }
  return {
    reads,
    served: () => ({ ...router.counts }),
    close: async () => {
      await Promise.allSettled(replicas.map((r) => r.sql.end({ timeout: 5 })));
    },
  };
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    u.password = u.password ? '***' : '';
    return u.toString();
  } catch {
    return '(unparsable URL)';
  }
}
