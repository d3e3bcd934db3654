import { describe, expect, it } from 'vitest';
import { applyChange, channelsFor, defaultPreferences, quietHoursEnd } from './preferences.js';

describe('notification preferences', () => {
  it('gives defaults for categories nobody chose, and the choice once made', () => {
    const p = defaultPreferences();
    expect(channelsFor(p, 'SECURITY')).toEqual(['EMAIL', 'SMS', 'IN_APP']);
    const r = applyChange(p, { categories: [{ category: 'BOOKING', channels: ['IN_APP', 'EMAIL', 'EMAIL'] }] });
    expect(r.ok && channelsFor(r.value, 'BOOKING')).toEqual(['EMAIL', 'IN_APP']);
  });

  it('refuses to switch security messages off, naming the field', () => {
    const r = applyChange(defaultPreferences(), { categories: [{ category: 'CHAT', channels: [] }, { category: 'SECURITY', channels: ['IN_APP', 'PUSH'] }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual([{ field: 'input.categories.1.channels', message: expect.stringMatching(/безопасности отключить нельзя/) }]);
  });

  it('checks quiet hours and the time zone, all problems at once', () => {
    const r = applyChange(defaultPreferences(), { quietHoursStart: '25:00', quietHoursEnd: '08:00', timezone: 'Mars/Olympus' });
    expect(!r.ok && r.problems.map((p) => p.field)).toEqual(['input.quietHoursStart', 'input.timezone']);
    const half = applyChange(defaultPreferences(), { quietHoursStart: '22:00' });
    expect(!half.ok && half.problems.map((p) => p.field)).toEqual(['input.quietHoursEnd']);
  });

  it('finds the end of quiet hours that wrap past midnight, in the user\'s zone', () => {
    const prefs = { quietHoursStart: '22:00', quietHoursEnd: '08:00', timezone: 'Asia/Yekaterinburg' }; // UTC+5
    // 23:30 local = 18:30Z: quiet until 08:00 local = 03:00Z next day
    expect(quietHoursEnd(new Date('2026-12-01T18:30:00Z'), prefs)?.toISOString()).toBe('2026-12-02T03:00:00.000Z');
    // 07:59 local = 02:59Z
    expect(quietHoursEnd(new Date('2026-12-02T02:59:00Z'), prefs)?.toISOString()).toBe('2026-12-02T03:00:00.000Z');
    // 08:00 and 21:59 local are not quiet
    expect(quietHoursEnd(new Date('2026-12-02T03:00:00Z'), prefs)).toBeNull();
    expect(quietHoursEnd(new Date('2026-12-02T16:59:00Z'), prefs)).toBeNull();
    // same-day quiet hours 13:00-14:00
    expect(quietHoursEnd(new Date('2026-12-02T08:30:00Z'), { ...prefs, quietHoursStart: '13:00', quietHoursEnd: '14:00' })?.toISOString()).toBe('2026-12-02T09:00:00.000Z');
  });
});
