/**
 * Applies pending migrations from drizzle/ under a PostgreSQL advisory lock, so several
 * instances starting at once apply them exactly once: the first takes the lock and migrates,
 * the others wait, then find nothing left to do.
 */
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate as drizzleMigrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';

/** Arbitrary, fixed: identifies this application's migration lock among other advisory locks. */
const MIGRATION_LOCK_ID = 7_302_019_001;

function migrationsFolder(): string {
  // From src/db (vitest, tsx) or dist/src/db (built): the folder is at the repository root.
  for (const rel of ['../../drizzle', '../../../drizzle']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(`${dir}/meta/_journal.json`)) return dir;
  }
  throw new Error('drizzle/ migrations folder not found');
}

export async function migrate(databaseUrl: string): Promise<void> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
  try {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    try {
      await drizzleMigrate(drizzle(sql), { migrationsFolder: migrationsFolder() });
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`;
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}
