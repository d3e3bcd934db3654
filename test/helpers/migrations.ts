/** drizzle/ as it was before a migration, for tests of a migration on a database that already holds data. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate as drizzleMigrate } from 'drizzle-orm/postgres-js/migrator';
import postgres, { type Sql } from 'postgres';
import { createTestDatabase } from './database.js';

/**
 * A copy of drizzle/ whose journal ends before the migration whose file name starts with `before`;
 * `cleanup` removes it.
 */
export function migrationsBefore(before: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'mfc-migrations-'));
  cpSync('drizzle', dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ tag: string }> };
  const at = journal.entries.findIndex((e) => e.tag.startsWith(before));
  if (at <= 0) throw new Error(`no migration ${before} after the first`);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The least a booking needs on a bare database (a category, a service, a region, a branch): the ids. */
export async function bookingFixtures(sql: Sql): Promise<{ branchId: string; serviceId: string }> {
  const [category] = await sql<Array<{ id: string }>>`insert into service_categories (slug, title) values ('m', 'Категория') returning id`;
  const [service] = await sql<Array<{ id: string }>>`
    insert into services (code, title, description, category_id, kind, processing_days) values ('m-1', 'Услуга', 'Описание', ${category?.id ?? ''}, 'CERTIFICATE', 1) returning id`;
  await sql`insert into regions (code, name) values ('77', 'Москва') on conflict do nothing`;
  const [branch] = await sql<Array<{ id: string }>>`
    insert into branches (name, region_code, locality, address, lat, lon, timezone, windows) values ('МФЦ', '77', 'Москва', 'ул. Тверская, 1', 55.7, 37.6, 'Europe/Moscow', 3) returning id`;
  return { branchId: branch?.id ?? '', serviceId: service?.id ?? '' };
}

/**
 * A new empty database migrated up to (not including) the migration named `before`, with a client
 * on it; `close` drops it all. The test then writes its rows and runs the rest (src/db/migrate.ts).
 */
export async function databaseBefore(before: string): Promise<{ url: string; sql: Sql; close(): Promise<void> }> {
  const db = await createTestDatabase({ empty: true });
  const sql = postgres(db.url, { max: 1, onnotice: () => undefined });
  const migrations = migrationsBefore(before);
  try {
    await drizzleMigrate(drizzle(sql), { migrationsFolder: migrations.dir });
  } finally {
    migrations.cleanup();
  }
  return {
    url: db.url,
    sql,
    close: async () => {
      await sql.end();
      await db.drop();
    },
  };
}
