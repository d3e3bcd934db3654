/** drizzle/ as it was before a migration, for tests of a migration on a database that already holds data. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sql } from 'postgres';

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
