/**
 * Cross-cutting account security: SMS-pumping limits, signing keys shared and rotated across
 * instances, migrations under concurrent starts, masked internal errors.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { decodeProtectedHeader } from 'jose';
import { loadConfig } from '../../../src/config/env.js';
import { createApp } from '../../../src/app.js';
import { migrate } from '../../../src/db/migrate.js';
import { MeDocument, RegisterDocument, RequestPasswordResetDocument } from '../../../src/sdk/generated/graphql.js';
import { OffsetClock } from '../../../src/shared/clock.js';
import { createTestDatabase, testRedisPrefix } from '../../helpers/database.js';
import { errorOf } from '../../helpers/graphql.js';
import { PASSWORD, registerCitizen, uniquePhone } from '../../helpers/accounts.js';
import { startTestApp, type TestApp } from '../../helpers/app.js';
import { inject } from 'vitest';

const stops: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
});

async function app(env: Record<string, string> = {}): Promise<TestApp> {
  const t = await startTestApp(env);
  stops.push(() => t.stop());
  return t;
}

describe('rate limits on code sending', () => {
  it('limits codes per phone and tells when to retry', async () => {
    const t = await app({ RATE_LIMIT_CODES_PER_DESTINATION: '2' });
    const phone = uniquePhone();
    const statuses: Array<string | undefined> = [];
    for (let i = 0; i < 3; i++) {
      const r = await t.client.raw(RequestPasswordResetDocument, { login: phone });
      statuses.push(r.errors?.[0]?.extensions?.code as string | undefined);
    }
    expect(statuses).toEqual([undefined, undefined, 'RATE_LIMITED']);
    const r = await t.client.raw(RequestPasswordResetDocument, { login: phone });
    expect(r.errors?.[0]?.extensions?.retryAfter).toBeGreaterThan(0);
  });

  it('limits codes per IP across phones', async () => {
    const t = await app({ RATE_LIMIT_CODES_PER_IP: '3' });
    const codes: Array<string | undefined> = [];
    for (let i = 0; i < 4; i++) {
      const r = await t.client.raw(RegisterDocument, { input: { phone: uniquePhone(), password: PASSWORD, lastName: 'Петрова', firstName: 'Мария', acceptTerms: true } });
      codes.push(r.errors?.[0]?.extensions?.code as string | undefined);
    }
    expect(codes).toEqual([undefined, undefined, undefined, 'RATE_LIMITED']);
  });
});

describe('signing keys', () => {
  it('two instances started without keys on one database agree, and a rotated key keeps verifying', async () => {
    const db = await createTestDatabase();
    stops.push(() => db.drop());
    const env = { DATABASE_URL: db.url, REDIS_URL: inject('redisUrl'), REDIS_PREFIX: testRedisPrefix(), LOG_LEVEL: 'silent', NODE_ENV: 'test' };
    const clock = new OffsetClock();
    const [a, b] = await Promise.all([createApp(loadConfig(env), { clock }), createApp(loadConfig(env), { clock })]);
    stops.push(() => a.close(), () => b.close());
    const issued = await a.tokens.issue({ userId: '00000000-0000-4000-8000-000000000001', sessionId: '00000000-0000-4000-8000-000000000002', roles: ['CITIZEN'] });
    expect(await b.tokens.verify(issued.token)).toMatchObject({ userId: '00000000-0000-4000-8000-000000000001' });
    const oldKid = decodeProtectedHeader(issued.token).kid;

    // 30 days later a new key signs; a token of the old key verifies until the old key's end.
    clock.advance(30 * 86_400_000 + 1000);
    await Promise.all([a.keys.refresh(), b.keys.refresh()]);
    const fresh = await b.tokens.issue({ userId: '00000000-0000-4000-8000-000000000001', sessionId: '00000000-0000-4000-8000-000000000002', roles: ['CITIZEN'] });
    expect(decodeProtectedHeader(fresh.token).kid).not.toBe(oldKid);
    expect(await a.tokens.verify(fresh.token)).not.toBeNull();
    const [{ n } = { n: 0 }] = await a.db.sql<{ n: number }[]>`select count(*)::int as n from signing_keys`;
    expect(n).toBe(2);
  });

  it('refuses tokens with another algorithm, audience or issuer', async () => {
    const t = await app();
    const c = await registerCitizen(t);
    const [, payload] = c.accessToken.split('.');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt' })).toString('base64url')}.${payload}.`;
    expect((await errorOf(t.client.withToken(none).request(MeDocument))).extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID' });
    const other = await app({ JWT_AUDIENCE: 'someone-else' });
    const foreign = await registerCitizen(other);
    expect((await errorOf(t.client.withToken(foreign.accessToken).request(MeDocument))).extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID' });
  });
});

describe('session owner', () => {
  it('refuses a token whose session belongs to another user (sid of one, sub of another)', async () => {
    const t = await app();
    const victim = await registerCitizen(t);
    const attacker = await registerCitizen(t);
    const claims = await t.running.app.tokens.verify(victim.accessToken);
    if (!claims) throw new Error('the victim\'s token does not verify');
    const { sessionId } = claims;
    const forged = await t.running.app.tokens.issue({ userId: attacker.id, sessionId, roles: ['CITIZEN'] });
    expect((await errorOf(t.client.withToken(forged.token).request(MeDocument))).extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_REVOKED' });
    // The real pair still works.
    expect((await victim.client.request(MeDocument)).me?.id).toBe(victim.id);
  });
});

describe('migrations', () => {
  it('several instances starting at once apply them exactly once', async () => {
    const db = await createTestDatabase({ empty: true });
    stops.push(() => db.drop());
    await Promise.all([migrate(db.url), migrate(db.url), migrate(db.url)]);
    const postgres = (await import('postgres')).default;
    const sql = postgres(db.url, { max: 1, onnotice: () => undefined });
    try {
      const rows = await sql`select count(*)::int as n from drizzle.__drizzle_migrations`;
      const files = (await import('node:fs')).readdirSync('drizzle').filter((f) => f.endsWith('.sql'));
      expect(rows[0]?.n).toBe(files.length);
    } finally {
      await sql.end();
    }
  });
});
