/**
 * Startup without surprises, as a person meets it: the compiled server (`node dist/src/main.js`) in
 * a child process. A busy port, a Redis or PostgreSQL that does not answer, a bad variable and a
 * migration that fails each end the process with one clear line on stderr (no stack) and a non-zero code.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, testRedisPrefix } from '../../helpers/database.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
let db: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  // CI builds before testing (npm run lint); a fresh checkout builds here.
  if (!existsSync(`${root}dist/src/main.js`)) execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', 'tsconfig.build.json'], { cwd: root });
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

function run(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['dist/src/main.js'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: '0', MIGRATE_ON_START: 'false', DATABASE_URL: db.url, REDIS_URL: inject('redisUrl'), REDIS_PREFIX: testRedisPrefix(), ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`still running after 20 s; stderr: ${stderr}`));
    }, 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

const oneLine = (s: string) => s.trim().split('\n');

describe('the server refuses to start, in one line', () => {
  it('when its port is in use', async () => {
    const holder: Server = createServer();
    await new Promise<void>((r) => holder.listen(0, '127.0.0.1', r));
    const port = (holder.address() as { port: number }).port;
    try {
      const { code, stderr } = await run({ PORT: String(port) });
      expect(code).toBe(1);
      expect(oneLine(stderr)).toEqual([`port ${port} is in use: set PORT`]);
    } finally {
      holder.close();
    }
  });

  it('when Redis does not answer', async () => {
    const { code, stderr } = await run({ REDIS_URL: 'redis://127.0.0.1:1' });
    expect(code).toBe(1);
    expect(oneLine(stderr)).toEqual(['Redis is not reachable at 127.0.0.1:1 (ECONNREFUSED): start it or set REDIS_URL']);
  });

  it('when PostgreSQL does not answer', async () => {
    const { code, stderr } = await run({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none', MIGRATE_ON_START: 'true' });
    expect(code).toBe(1);
    expect(oneLine(stderr)).toEqual(['PostgreSQL is not reachable at 127.0.0.1:1 (ECONNREFUSED): start it or set DATABASE_URL']);
  });

  it('when the configuration is invalid (every problem on the line, exit 78)', async () => {
    const { code, stderr } = await run({ PORT: 'four', METRICS_TOKEN: 'short' });
    expect(code).toBe(78);
    const lines = oneLine(stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^invalid configuration: /);
    expect(lines[0]).toContain('PORT');
    expect(lines[0]).toContain('METRICS_TOKEN');
  });

  it('when a migration fails', async () => {
    const empty = await createTestDatabase({ empty: true });
    const sql = postgres(empty.url, { max: 1, onnotice: () => undefined });
    // A table in the way of the first migration.
    await sql`create type "role" as enum ('X')`.catch(() => undefined);
    await sql`create table users (id int)`;
    await sql.end();
    try {
      const { code, stderr } = await run({ DATABASE_URL: empty.url, MIGRATE_ON_START: 'true' });
      expect(code).toBe(1);
      const lines = oneLine(stderr);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^migration failed: .*already exists/);
    } finally {
      await empty.drop();
    }
  });
});
