/** The verified-token cache: a hit is the same text already checked; expiry and key presence are rechecked on every use. */
import { generateKeyPair, type CryptoKey } from 'jose';
import { beforeAll, expect, it } from 'vitest';
import type { Config } from '../../config/env.js';
import type { Clock } from '../clock.js';
import type { KeyStore } from './keys.js';
import { TokenService } from './tokens.js';

let now = new Date('2026-12-03T10:00:00Z');
const clock: Clock = { now: () => now };
const keys: { pair: { privateKey: CryptoKey; publicKey: CryptoKey } | null; retired: boolean } = { pair: null, retired: false };
const pair = () => {
  if (!keys.pair) throw new Error('keys not generated');
  return keys.pair;
};
const store: KeyStore = {
  signingKey: () => ({ kid: 'k1', key: pair().privateKey }),
  verificationKey: (kid) => (kid === 'k1' && !keys.retired ? pair().publicKey : null),
};
const config = { ACCESS_TOKEN_TTL_SECONDS: 900, JWT_ISSUER: 'mfc', JWT_AUDIENCE: 'mfc-api', JWT_VERIFY_CACHE_SIZE: 2 } as Config;

beforeAll(async () => {
  keys.pair = await generateKeyPair('ES256');
});

const tokenService = () => new TokenService({ config, keys: store, clock });
const issue = (s: TokenService, userId = 'u1') => s.issue({ userId, sessionId: `s-${userId}`, roles: ['CITIZEN'] });

it('answers a repeated token from the cache with the same claims, and a tampered one never', async () => {
  const s = tokenService();
  const { token } = await issue(s);
  const first = await s.check(token);
  expect(first.ok).toBe(true);
  expect(await s.check(token)).toEqual(first);
  const [h = '', p = '', sig = ''] = token.split('.');
  const tampered = `${h}.${p}.${sig.slice(0, -2)}${sig.endsWith('AA') ? 'BB' : 'AA'}`;
  expect(await s.check(tampered)).toEqual({ ok: false, reason: 'TOKEN_INVALID' });
});

it('rechecks expiry and the key on every hit', async () => {
  const s = tokenService();
  const { token } = await issue(s);
  expect((await s.check(token)).ok).toBe(true);
  now = new Date(now.getTime() + 901_000);
  expect(await s.check(token)).toEqual({ ok: false, reason: 'TOKEN_EXPIRED' });
  now = new Date(now.getTime() - 901_000);
  const fresh = (await issue(s, 'u2')).token;
  expect((await s.check(fresh)).ok).toBe(true);
  keys.retired = true;
  expect(await s.check(fresh)).toEqual({ ok: false, reason: 'TOKEN_INVALID' });
  keys.retired = false;
});

it('keeps at most JWT_VERIFY_CACHE_SIZE tokens and still verifies the ones it dropped', async () => {
  const s = tokenService();
  const tokens = await Promise.all(['a', 'b', 'c'].map(async (u) => (await issue(s, u)).token));
  for (const t of tokens) expect((await s.check(t)).ok).toBe(true);
  expect((s as unknown as { verified: Map<string, unknown> }).verified.size).toBe(2);
  expect((await s.check(tokens[0] ?? '')).ok).toBe(true);
});
