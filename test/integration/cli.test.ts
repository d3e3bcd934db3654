import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { inject } from 'vitest';
import { runCli } from '../../scripts/cli.js';
import { LoginDocument } from '../../src/sdk/generated/graphql.js';
import { createTestDatabase, testRedisPrefix } from '../helpers/database.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

describe('operations CLI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.stop();
  });

  const env = () => ({ DATABASE_URL: t.databaseUrl, REDIS_URL: inject('redisUrl'), REDIS_PREFIX: t.config.REDIS_PREFIX, MIGRATE_ON_START: 'false', LOG_LEVEL: 'silent' });

  it('creates an administrator who can then log in', async () => {
    const out = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const code = await runCli(['create-user', '--role', 'ADMIN', '--phone', '+79990000101', '--password', 'Админ-Пароль-1', '--last-name', 'Admin', '--first-name', 'Root'], env());
    out.mockRestore();
    expect(code).toBe(0);
    const { login } = await t.client.request(LoginDocument, { input: { login: '+79990000101', password: 'Админ-Пароль-1' } });
    expect(login.__typename === 'AuthPayload' && login.user.roles).toEqual(['ADMIN']);
  });

  it('explains bad input field by field and exits non-zero', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const code = await runCli(['create-user', '--role', 'OPERATOR', '--phone', '12', '--password', 'short', '--last-name', 'X', '--first-name', 'Y'], env());
    const printed = err.mock.calls.flat().join('\n');
    err.mockRestore();
    expect(code).toBe(1);
    expect(printed).toMatch(/--phone/);
    expect(printed).toMatch(/--branchId|--password/);
  });

  it('seeds demo data idempotently on a fresh database', async () => {
    const db = await createTestDatabase({ empty: true });
    const out = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const e = { DATABASE_URL: db.url, REDIS_URL: inject('redisUrl'), REDIS_PREFIX: testRedisPrefix(), LOG_LEVEL: 'silent' };
      expect(await runCli(['seed-demo'], e)).toBe(0);
      expect(await runCli(['seed-demo'], e)).toBe(0);
      const printed = out.mock.calls.flat().join('\n');
      expect(printed).toMatch(/citizen: +\+79990000003 \(exists\)/);
      expect(printed).toMatch(/branches: +30 in 3 regions \(0 new\)/);
      const postgres = (await import('postgres')).default;
      const sql = postgres(db.url, { max: 1, onnotice: () => undefined });
      try {
        const [counts] = await sql`select (select count(*)::int from branches) as branches, (select count(*)::int from services) as services,
          (select count(*)::int from users where 'OPERATOR' = any(roles)) as operators, (select count(*)::int from branch_services) as offered`;
        expect(counts).toEqual({ branches: 30, services: 42, operators: 30, offered: 30 * 42 });
      } finally {
        await sql.end();
      }
    } finally {
      out.mockRestore();
      await db.drop();
    }
  });
});
