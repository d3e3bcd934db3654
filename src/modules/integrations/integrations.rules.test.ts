import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { hashApiKey, keyPrefixOf, looksLikeApiKey, newApiKeySecret } from './api-keys.rules.js';
import { postSigned } from './webhook-target.js';
import { allowsPrivateTargets, backoffMs, isNonPublicAddress, nextAttemptAt, shouldDisable, urlProblem } from './webhooks.rules.js';

const policy = { firstMs: 30_000, maxMs: 3_600_000, retryHours: 24 };

describe('retry schedule', () => {
  it('doubles from the first delay and caps', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, policy))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(30, policy)).toBe(3_600_000);
  });

  it('stops when the next attempt would fall after the round\'s retry window', () => {
    const start = new Date('2026-12-01T00:00:00Z');
    expect(nextAttemptAt(start, new Date('2026-12-01T01:00:00Z'), 3, policy)?.toISOString()).toBe('2026-12-01T01:02:00.000Z');
    expect(nextAttemptAt(start, new Date('2026-12-01T23:30:00Z'), 20, policy)).toBeNull();
  });

  it('switches an endpoint off after the hours of failure, not before', () => {
    const since = new Date('2026-12-01T00:00:00Z');
    expect(shouldDisable(null, new Date('2026-12-03T00:00:00Z'), 24)).toBe(false);
    expect(shouldDisable(since, new Date('2026-12-01T23:59:59Z'), 24)).toBe(false);
    expect(shouldDisable(since, new Date('2026-12-02T00:00:00Z'), 24)).toBe(true);
  });
});

describe('targets', () => {
  it('knows non-public addresses, IPv4, IPv6 and v4-mapped', () => {
    for (const ip of ['127.0.0.1', '10.0.0.1', '172.16.5.5', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', 'not-an-ip']) expect(isNonPublicAddress(ip), ip).toBe(true);
    for (const ip of ['8.8.8.8', '77.88.8.8', '2a00:1450:4010:c02::64', '::ffff:8.8.8.8']) expect(isNonPublicAddress(ip), ip).toBe(false);
  });

  it('requires https in production and refuses credentials in the URL', () => {
    expect(urlProblem('http://crm.example.ru/h', true)).toMatch(/https/);
    expect(urlProblem('https://crm.example.ru/h', true)).toBeNull();
    expect(urlProblem('http://crm.example.ru/h', false)).toBeNull();
    expect(urlProblem('https://u:p@crm.example.ru/h', false)).toMatch(/пароль/);
    expect(urlProblem('nonsense', false)).not.toBeNull();
  });

  it('private targets: refused in production unless allowed, allowed elsewhere unless refused', () => {
    expect(allowsPrivateTargets({ isProduction: true })).toBe(false);
    expect(allowsPrivateTargets({ isProduction: true, WEBHOOK_ALLOW_PRIVATE_TARGETS: true })).toBe(true);
    expect(allowsPrivateTargets({ isProduction: false })).toBe(true);
    expect(allowsPrivateTargets({ isProduction: false, WEBHOOK_ALLOW_PRIVATE_TARGETS: false })).toBe(false);
  });

  it('refuses at delivery time a host resolving to loopback (checked in the socket\'s own lookup), and sends when allowed', async () => {
    let hits = 0;
    const server = createServer((_req, res) => {
      hits += 1;
      res.end('ok');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    try {
      for (const url of [`http://localhost:${port}/h`, `http://127.0.0.1:${port}/h`]) {
        const r = await postSigned(url, '{}', {}, { timeoutMs: 2000, allowPrivate: false });
        expect(r.error, url).toMatch(/^refused/);
      }
      expect(hits).toBe(0);
      expect(await postSigned(`http://localhost:${port}/h`, '{}', {}, { timeoutMs: 2000, allowPrivate: true })).toEqual({ status: 200, error: null });
      expect(hits).toBe(1);
    } finally {
      server.close();
    }
  });
});

describe('API keys', () => {
  it('are 256-bit, prefixed, and stored as a keyed hash that depends on the server key', () => {
    const a = newApiKeySecret();
    expect(looksLikeApiKey(a)).toBe(true);
    expect(looksLikeApiKey(`${a}x`)).toBe(false);
    expect(newApiKeySecret()).not.toBe(a);
    expect(keyPrefixOf(a)).toHaveLength(12);
    expect(hashApiKey('k'.repeat(32), a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiKey('k'.repeat(32), a)).not.toBe(hashApiKey('j'.repeat(32), a));
  });
});
