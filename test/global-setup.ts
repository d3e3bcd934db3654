/**
 * Once per test run: PostgreSQL and Redis (given, or started locally), and a template database
 * with every migration applied. Each test file clones the template into its own database
 * (test/helpers/database.ts), so files run in parallel on isolated data.
 */
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { migrate } from '../src/db/migrate.js';
import { ensureServices } from '../scripts/services.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Server-level admin URL (database `postgres`) of the test PostgreSQL. */
    adminDatabaseUrl: string;
    redisUrl: string;
    templateDatabase: string;
  }
}

export const TEMPLATE = 'mfc_template';

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const services = await ensureServices({ dataDir: `${root}.data/test`, log: (m) => console.log(`[test] ${m}`) });
  const admin = withDatabase(services.databaseUrl, 'postgres');
  // One run at a time per server: the template is rebuilt from the migrations every run.
  const template = `${TEMPLATE}_${process.pid}`;
  const sql = postgres(admin, { max: 1, onnotice: () => undefined });
  try {
    await sql.unsafe(`drop database if exists "${template}" with (force)`);
    await sql.unsafe(`create database "${template}"`);
  } finally {
    await sql.end();
  }
  await migrate(withDatabase(services.databaseUrl, template));
  project.provide('adminDatabaseUrl', admin);
  project.provide('redisUrl', services.redisUrl);
  project.provide('templateDatabase', template);
  return async () => {
    const s = postgres(admin, { max: 1, onnotice: () => undefined });
    try {
      // Databases of test files that crashed before dropping theirs.
      const rows = await s<{ datname: string }[]>`select datname from pg_database where datname like ${`t_${process.pid}_%`}`;
      for (const r of rows) await s.unsafe(`drop database if exists "${r.datname}" with (force)`);
      await s.unsafe(`drop database if exists "${template}" with (force)`);
    } finally {
      await s.end();
    }
    await services.stop();
  };
}
