import { describe, expect, it } from 'vitest';
import { codesEqual, generateNumericCode, hashCode, verifyTotp } from './otp.js';

// RFC 6238 Appendix B (SHA1), secret "12345678901234567890" in base32; 6-digit codes are the last six of the 8-digit ones.
const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP (RFC 6238)', () => {
  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
  ])('at T=%i accepts %s', (t, code) => {
    expect(verifyTotp({ secret: SECRET, code, now: new Date(t * 1000), lastUsedStep: null })).toMatchObject({ ok: true, step: Math.floor(t / 30) });
  });

  it('accepts one step of drift either way and refuses two', () => {
    const at = (s: number) => new Date(1234567890_000 + s * 30_000);
    expect(verifyTotp({ secret: SECRET, code: '005924', now: at(1), lastUsedStep: null }).ok).toBe(true);
    expect(verifyTotp({ secret: SECRET, code: '005924', now: at(-1), lastUsedStep: null }).ok).toBe(true);
    expect(verifyTotp({ secret: SECRET, code: '005924', now: at(2), lastUsedStep: null }).ok).toBe(false);
    expect(verifyTotp({ secret: SECRET, code: '005924', now: at(-2), lastUsedStep: null }).ok).toBe(false);
  });

  it('accepts a code once: its step must come after the last used one', () => {
    const now = new Date(1234567890_000);
    const first = verifyTotp({ secret: SECRET, code: '005924', now, lastUsedStep: null });
    if (!first.ok) throw new Error('expected ok');
    expect(verifyTotp({ secret: SECRET, code: '005924', now, lastUsedStep: first.step }).ok).toBe(false);
  });

  it('refuses malformed codes', () => {
    expect(verifyTotp({ secret: SECRET, code: '5924', now: new Date(), lastUsedStep: null }).ok).toBe(false);
  });
});

describe('one-time codes', () => {
  it('are 6 digits with leading zeros kept and spread over all digits', () => {
    const codes = Array.from({ length: 2000 }, () => generateNumericCode());
    expect(codes.every((c) => /^\d{6}$/.test(c))).toBe(true);
    const firstDigits = new Set(codes.map((c) => c[0]));
    expect(firstDigits.size).toBe(10);
  });

  it('are stored as keyed hashes bound to their challenge', () => {
    const a = hashCode('key', 'challenge-1', '123456');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(codesEqual(a, hashCode('key', 'challenge-1', '123456'))).toBe(true);
    expect(codesEqual(a, hashCode('key', 'challenge-2', '123456'))).toBe(false);
    expect(codesEqual(a, hashCode('other', 'challenge-1', '123456'))).toBe(false);
  });
});
