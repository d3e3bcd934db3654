/**
 * Applies pending migrations from drizzle/ under a PostgreSQL advisory lock, so several
 * instances starting at once apply them exactly once: the first takes the lock and migrates,
 * the others wait, then find nothing left to do.
 */
import { fileURLToPath } from 'node:url';
import { existsSync, readFileSync } from 'node:fs';
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

let expected: number | null = null;

/** How many migrations drizzle/ holds (its journal), read once. */
function expectedMigrations(): number {
  if (expected === null) {
    const journal = JSON.parse(readFileSync(`${migrationsFolder()}/meta/_journal.json`, 'utf8')) as { entries: unknown[] };
    expected = journal.entries.length;
  }
  return expected;
}

/**
 * The database's migration state for /readyz: `applied` when every migration in drizzle/ has run,
 * `pending` when some have not (this code is newer than the schema: run the migration Job),
 * `ahead` when the database has more (an older image during a rollout).
 */
export async function migrationState(sql: postgres.Sql): Promise<{ state: 'applied' | 'pending' | 'ahead'; applied: number; expected: number }> {
  const rows = await sql<Array<{ n: number }>>`select count(*)::int as n from drizzle.__drizzle_migrations`.catch((err: unknown) => {
    if ((err as { code?: string }).code === '42P01' || (err as { code?: string }).code === '3F000') return [{ n: 0 }];
    throw err;
  });
  const applied = rows[0]?.n ?? 0;
  const want = expectedMigrations();
  return { state: applied === want ? 'applied' : applied < want ? 'pending' : 'ahead', applied, expected: want };
}
