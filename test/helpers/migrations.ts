/** drizzle/ as it was before a migration, for tests of a migration on a database that already holds data. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
