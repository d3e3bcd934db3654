/** A database of its own for each test file, cloned from the migrated template (fast: no migrations). */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** `empty: true` gives a database without migrations (for migration tests). */
export async function createTestDatabase(opts: { empty?: boolean } = {}): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = inject('adminDatabaseUrl');
  const template = inject('templateDatabase');
  const pid = template.split('_').at(-1) ?? '0';
  const name = `t_${pid}_${randomBytes(6).toString('hex')}`;
  const sql = postgres(admin, { max: 1, onnotice: () => undefined });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await sql.unsafe(opts.empty ? `create database "${name}"` : `create database "${name}" template "${template}"`);
        break;
      } catch (err) {
        // Cloning needs the template idle; another file may be cloning it this very moment.
        if (attempt < 50 && /being accessed by other users/.test(String(err))) {
          await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
          continue;
        }
        throw err;
      }
    }
  } finally {
    await sql.end();
  }
  return {
    url: withDatabase(admin, name),
    async drop() {
      const s = postgres(admin, { max: 1, onnotice: () => undefined });
      try {
        await s.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await s.end();
      }
    },
  };
}

/** A Redis key prefix of its own for each test file (queues, rate limits, channels). */
export function testRedisPrefix(): string {
  return `t${randomBytes(4).toString('hex')}:`;
}
