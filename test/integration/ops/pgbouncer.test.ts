/**
 * PgBouncer in transaction mode (DATABASE_PGBOUNCER=true): a server connection serves another
 * client's next transaction, so nothing may live in the session. Proved on PostgreSQL itself: no
 * prepared statement is left on the connection, no statement_timeout startup parameter is sent, and
 * LISTEN runs on a connection of its own to DATABASE_DIRECT_URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/env.js';
import { createDb, type DbHandle } from '../../../src/db/client.js';
import { createTestDatabase } from '../../helpers/database.js';

let url: string;
let db: Awaited<ReturnType<typeof createTestDatabase>>;
const handles: DbHandle[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  url = db.url;
});
afterAll(async () => {
  for (const h of handles) await h.close();
  await db.drop();
});

async function preparedAfterTwoQueries(h: DbHandle): Promise<number> {
  // One connection: the second query would reuse a statement prepared by the first.
  await h.sql`select ${1}::int as one`;
  await h.sql`select ${1}::int as one`;
  const [row] = await h.sql<Array<{ n: number }>>`select count(*)::int as n from pg_prepared_statements`;
  return row?.n ?? -1;
}

describe('PgBouncer transaction mode', () => {
  it('prepares no statement; without the flag postgres.js does (the check can fail)', async () => {
    const bouncer = createDb(url, { max: 1, pgbouncer: true, directUrl: url, statementTimeoutMs: 5000 });
    const plain = createDb(url, { max: 1, statementTimeoutMs: 5000 });
    handles.push(bouncer, plain);
    expect(await preparedAfterTwoQueries(bouncer)).toBe(0);
    expect(await preparedAfterTwoQueries(plain)).toBeGreaterThan(0);
    expect((await bouncer.sql`show statement_timeout`)[0]?.statement_timeout).toBe('0');
    expect((await plain.sql`show statement_timeout`)[0]?.statement_timeout).toBe('5s');
  });

  it('LISTENs on a direct connection of its own', async () => {
    const direct = new URL(url);
    direct.searchParams.set('sslmode', 'disable'); // another URL to the same server
    const h = createDb(url, { max: 1, pgbouncer: true, directUrl: direct.toString() });
    handles.push(h);
    expect(h.listener).not.toBe(h.sql);
    let heard = '';
    await h.listener.listen('pgb_test', (x) => (heard = x));
    const [row] = await h.sql<Array<{ n: number }>>`select count(*)::int as n from pg_stat_activity where application_name = 'mfc-account-listen' and query ilike 'listen%' and datname = current_database()`;
    expect(row?.n).toBe(1);
    await h.sql`select pg_notify('pgb_test', 'hi')`;
    await expect.poll(() => heard).toBe('hi');
  });

  it('the configuration asks for the direct URL with the flag', () => {
    const base = { DATABASE_URL: 'postgres://x@pgbouncer/db', REDIS_URL: 'redis://localhost:6379', DATABASE_PGBOUNCER: 'true' };
    expect(() => loadConfig(base)).toThrow(/DATABASE_DIRECT_URL/);
    expect(loadConfig({ ...base, DATABASE_DIRECT_URL: 'postgres://x@pg/db' }).DATABASE_PGBOUNCER).toBe(true);
  });
});
