/** One-time codes (random digits, stored as keyed hashes) and TOTP (RFC 6238) with replay protection. */
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import * as OTPAuth from 'otpauth';

export function generateNumericCode(digits = 6): string {
  let s = '';
  for (let i = 0; i < digits; i++) s += String(randomInt(0, 10));
  return s;
}

export function hashCode(secret: Uint8Array | string, challengeId: string, code: string): string {
  return createHmac('sha256', secret).update(`${challengeId}:${code}`).digest('hex');
}

export function codesEqual(aHex: string, bHex: string): boolean {
  const a = Buffer.from(aHex, 'hex');
  const b = Buffer.from(bHex, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

const PERIOD = 30;

export function createTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

export function totpUri(p: { secret: string; label: string; issuer: string }): string {
  return new OTPAuth.TOTP({ issuer: p.issuer, label: p.label, secret: OTPAuth.Secret.fromBase32(p.secret), digits: 6, period: PERIOD, algorithm: 'SHA1' }).toString();
}

/**
 * Checks a 6-digit TOTP code allowing `window` steps of drift either side. A code whose step is
 * not after `lastUsedStep` is refused: each code is accepted once.
 */
export function verifyTotp(p: { secret: string; code: string; now: Date; lastUsedStep: number | null; window?: number }): { ok: true; step: number } | { ok: false } {
  if (!/^\d{6}$/.test(p.code)) return { ok: false };
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(p.secret), digits: 6, period: PERIOD, algorithm: 'SHA1' });
  const delta = totp.validate({ token: p.code, timestamp: p.now.getTime(), window: p.window ?? 1 });
  if (delta === null) return { ok: false };
  const step = Math.floor(p.now.getTime() / 1000 / PERIOD) + delta;
  if (p.lastUsedStep !== null && step <= p.lastUsedStep) return { ok: false };
  return { ok: true, step };
}
