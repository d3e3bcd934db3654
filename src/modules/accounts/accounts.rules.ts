/**
 * The accounts module's pure rules and their numbers: what a name, an address and a birth date
 * must look like, when a session is alive, how long a lock and a session last, and how times and
 * devices are told to the owner. No I/O here; accounts.rules.test.ts covers each one.
 */
import type { FieldProblem } from '../../shared/errors.js';
import { stripBidiControls } from '../../shared/bidi.js';

/** Longest last, first or middle name. */
export const NAME_MAX = 100;
/** Longest registration or residential address. */
export const ADDRESS_MAX = 500;
/** Longest user agent kept with a session. */
export const USER_AGENT_MAX = 500;
/** The earliest birth year taken as plausible. */
export const BIRTH_YEAR_MIN = 1900;

const NAME_PATTERN = /^[\p{L}][\p{L}\s'’-]*$/u;

export interface PersonNames {
  lastName: string;
  firstName: string;
  middleName: string | null;
}

/**
 * Names with spaces collapsed; problems (missing last or first name, a name too long or with other
 * characters than letters, space, hyphen and apostrophe) are pushed onto `problems`.
 */
export function normalizeNames(input: { lastName: string; firstName: string; middleName?: string | null }, problems: FieldProblem[]): PersonNames {
  const clean = (v: string | null | undefined) => stripBidiControls(v ?? '').trim().replace(/\s+/g, ' ');
  const lastName = clean(input.lastName);
  const firstName = clean(input.firstName);
  const middleName = clean(input.middleName) || null;
  for (const [field, value, required] of [['lastName', lastName, true], ['firstName', firstName, true], ['middleName', middleName, false]] as const) {
    if (!value) {
      if (required) problems.push({ field, message: 'Поле обязательно' });
    } else if (value.length > NAME_MAX || !NAME_PATTERN.test(value)) {
      problems.push({ field, message: 'Допустимы только буквы, пробел, дефис и апостроф' });
    }
  }
  return { lastName, firstName, middleName };
}

/** An address with spaces collapsed; blank is null. */
export function cleanAddress(value: string | null): string | null {
  return (value === null ? '' : stripBidiControls(value)).trim().replace(/\s+/g, ' ') || null;
}

/** A real calendar date (YYYY-MM-DD), not in the future and not before BIRTH_YEAR_MIN. */
export function isPlausibleBirthDate(value: string, now: Date): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) return false;
  return d <= now && d.getUTCFullYear() >= BIRTH_YEAR_MIN;
}

/** A session is alive while not revoked, not expired and used within the last `idleMinutes`. */
export function isSessionAlive(s: { revokedAt: Date | null; expiresAt: Date; lastSeenAt: Date }, now: Date, idleMinutes: number): boolean {
  return !s.revokedAt && s.expiresAt > now && s.lastSeenAt.getTime() + idleMinutes * 60_000 > now.getTime();
}

/** The moment before which a session counts as idle. */
export function idleSince(now: Date, idleMinutes: number): Date {
  return new Date(now.getTime() - idleMinutes * 60_000);
}

/** When a session opened at `now` ends, whatever its use (the refresh token's lifetime). */
export function sessionExpiresAt(now: Date, refreshTokenTtlDays: number): Date {
  return new Date(now.getTime() + refreshTokenTtlDays * 86_400_000);
}

/** Until when a wrong password that reaches the threshold locks the account. */
export function lockedUntilAfter(now: Date, lockoutMinutes: number): Date {
  return new Date(now.getTime() + lockoutMinutes * 60_000);
}

/** Whether an account is locked at `now`. */
export function isLocked(lockedUntil: Date | null, now: Date): lockedUntil is Date {
  return lockedUntil !== null && lockedUntil > now;
}

/** Moscow time for messages: the account has no time zone of its own yet. */
export function formatLocal(d: Date): string {
  return new Intl.DateTimeFormat('ru-RU', {
    timeZone: 'Europe/Moscow', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit',
  }).format(d).replace(',', '') + ' МСК';
}

/** "Chrome, Android" from a user agent, for the new-login message. */
export function describeDevice(ua: string | null): string {
  if (!ua) return 'неизвестное устройство';
  const os = /Android/i.test(ua) ? 'Android' : /iPhone|iPad|iOS/i.test(ua) ? 'iOS' : /Windows/i.test(ua) ? 'Windows' : /Mac OS/i.test(ua) ? 'macOS' : /Linux/i.test(ua) ? 'Linux' : null;
  const app = /YaBrowser/i.test(ua) ? 'Яндекс Браузер' : /Edg\//i.test(ua) ? 'Edge' : /Chrome\//i.test(ua) ? 'Chrome' : /Firefox\//i.test(ua) ? 'Firefox' : /Safari\//i.test(ua) ? 'Safari' : null;
  return [app, os].filter(Boolean).join(', ') || 'приложение';
}

/** Challenges (and identity's login ceremonies) are deleted this long after they expired. */
export const STALE_CHALLENGE_AGE_MS = 86_400_000;
