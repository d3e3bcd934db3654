import { describe, expect, it } from 'vitest';
import type { FieldProblem } from '../../shared/errors.js';
import {
  ADDRESS_MAX,
  NAME_MAX,
  STALE_CHALLENGE_AGE_MS,
  USER_AGENT_MAX,
  cleanAddress,
  describeDevice,
  formatLocal,
  idleSince,
  isLocked,
  isPlausibleBirthDate,
  isSessionAlive,
  lockedUntilAfter,
  normalizeNames,
  sessionExpiresAt,
} from './accounts.rules.js';

const now = new Date('2026-03-10T12:00:00Z');

describe('names', () => {
  it('collapses spaces and makes a blank middle name null', () => {
    const problems: FieldProblem[] = [];
    expect(normalizeNames({ lastName: '  Петрова ', firstName: 'Анна  Мария', middleName: '  ' }, problems)).toEqual({ lastName: 'Петрова', firstName: 'Анна Мария', middleName: null });
    expect(problems).toEqual([]);
  });

  it('wants a last and a first name, letters only, at most NAME_MAX', () => {
    const problems: FieldProblem[] = [];
    normalizeNames({ lastName: '', firstName: 'Ann4', middleName: 'я'.repeat(NAME_MAX + 1) }, problems);
    expect(problems.map((p) => p.field)).toEqual(['lastName', 'firstName', 'middleName']);
  });

  it("takes hyphens and apostrophes inside a name", () => {
    const problems: FieldProblem[] = [];
    normalizeNames({ lastName: "Римский-Корсаков", firstName: "Д'Артаньян" }, problems);
    expect(problems).toEqual([]);
  });
});

describe('addresses', () => {
  it('collapse spaces; blank is null', () => {
    expect(cleanAddress('  г. Москва,   ул. Тверская ')).toBe('г. Москва, ул. Тверская');
    expect(cleanAddress('   ')).toBeNull();
    expect(cleanAddress(null)).toBeNull();
    expect(ADDRESS_MAX).toBe(500);
  });
});

describe('birth dates', () => {
  it('are real calendar dates between 1900 and today', () => {
    expect(isPlausibleBirthDate('1985-04-12', now)).toBe(true);
    expect(isPlausibleBirthDate('1985-02-30', now)).toBe(false);
    expect(isPlausibleBirthDate('12.04.1985', now)).toBe(false);
    expect(isPlausibleBirthDate('1899-12-31', now)).toBe(false);
    expect(isPlausibleBirthDate('2026-03-11', now)).toBe(false);
  });
});

describe('sessions', () => {
  const fresh = { revokedAt: null, expiresAt: new Date(now.getTime() + 60_000), lastSeenAt: new Date(now.getTime() - 5 * 60_000) };

  it('are alive while not revoked, not expired and not idle', () => {
    expect(isSessionAlive(fresh, now, 30)).toBe(true);
    expect(isSessionAlive({ ...fresh, revokedAt: now }, now, 30)).toBe(false);
    expect(isSessionAlive({ ...fresh, expiresAt: now }, now, 30)).toBe(false);
    expect(isSessionAlive(fresh, now, 5)).toBe(false);
  });

  it('go idle after the idle minutes and end after the refresh token lifetime', () => {
    expect(idleSince(now, 30)).toEqual(new Date('2026-03-10T11:30:00Z'));
    expect(sessionExpiresAt(now, 30)).toEqual(new Date('2026-04-09T12:00:00Z'));
    expect(USER_AGENT_MAX).toBe(500);
  });
});

describe('lockout', () => {
  it('lasts the lockout minutes and holds only while in the future', () => {
    const until = lockedUntilAfter(now, 15);
    expect(until).toEqual(new Date('2026-03-10T12:15:00Z'));
    expect(isLocked(until, now)).toBe(true);
    expect(isLocked(now, now)).toBe(false);
    expect(isLocked(null, now)).toBe(false);
  });
});

describe('messages to the owner', () => {
  it('tell times in Moscow time', () => {
    expect(formatLocal(now)).toBe('10.03.2026 15:00 МСК');
  });

  it('name the browser and system of a device', () => {
    expect(describeDevice('Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36')).toBe('Chrome, Android');
    expect(describeDevice('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Version/17.0 Mobile/15E148 Safari/604.1')).toBe('Safari, iOS');
    expect(describeDevice('curl/8.0')).toBe('приложение');
    expect(describeDevice(null)).toBe('неизвестное устройство');
  });
});

describe('challenge upkeep', () => {
  it('deletes challenges a day after they expired', () => {
    expect(STALE_CHALLENGE_AGE_MS).toBe(86_400_000);
  });
});
