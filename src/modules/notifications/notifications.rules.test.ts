import { describe, expect, it } from 'vitest';
import {
  applyChange,
  channelsFor,
  contentFor,
  defaultPreferences,
  fallbackChannels,
  fallbackContentFor,
  feedPageSize,
  MARK_READ_MAX,
  planDelivery,
  pushSubscriptionProblems,
  quietHoursEnd,
} from './notifications.rules.js';
import { renderTemplate } from './templates.js';

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

describe('delivery planning', () => {
  const user = { id: 'u', phone: '+79990000000', email: 'a@example.ru', emailVerified: true };
  const quiet = { ...defaultPreferences(), quietHoursStart: '22:00', quietHoursEnd: '08:00', timezone: 'Europe/Moscow' };
  const night = new Date('2026-12-01T21:00:00Z'); // 00:00 in Moscow
  const message = { urgent: false, content: { text: 'x' } };

  it('reaches a user only where possible: SMS to the phone, e-mail only when verified, push only with a device', () => {
    expect(planDelivery('SMS', message, user, 0, defaultPreferences(), night)).toEqual([{ channel: 'SMS', destination: user.phone, content: message.content, scheduledFor: null }]);
    expect(planDelivery('EMAIL', message, { ...user, emailVerified: false }, 0, defaultPreferences(), night)).toEqual([]);
    expect(planDelivery('SMS', message, { ...user, phone: null }, 0, defaultPreferences(), night)).toEqual([]);
    expect(planDelivery('PUSH', message, user, 0, defaultPreferences(), night)).toEqual([]);
    expect(planDelivery('PUSH', message, user, 1, defaultPreferences(), night)).toHaveLength(1);
  });

  it('holds SMS and push that are not urgent until quiet hours end; e-mail, the feed and urgent messages go at once', () => {
    const end = '2026-12-02T05:00:00.000Z';
    expect(planDelivery('SMS', message, user, 0, quiet, night)[0]?.scheduledFor?.toISOString()).toBe(end);
    expect(planDelivery('PUSH', message, user, 1, quiet, night)[0]?.scheduledFor?.toISOString()).toBe(end);
    expect(planDelivery('EMAIL', message, user, 0, quiet, night)[0]?.scheduledFor).toBeNull();
    expect(planDelivery('IN_APP', message, user, 0, quiet, night)[0]?.scheduledFor).toBeNull();
    expect(planDelivery('SMS', { ...message, urgent: true }, user, 0, quiet, night)[0]?.scheduledFor).toBeNull();
  });

  it('gives each channel its own text, and keeps fallback texts only for messages that matter', () => {
    const r = renderTemplate('booking.confirmed', { number: 'МФЦ-Б-1', branch: 'МФЦ', time: '10:30' });
    expect(contentFor(r, 'SMS')).toEqual({ text: r.sms });
    expect(contentFor(r, 'EMAIL')).toEqual(r.email);
    expect(contentFor(r, 'PUSH')).toEqual({ subject: r.push.title, text: r.push.body });
    expect(contentFor(r, 'IN_APP')).toEqual({ subject: r.title, text: r.body });
    expect(Object.keys(fallbackContentFor(r) ?? {})).toEqual(['SMS', 'EMAIL', 'PUSH']);
    expect(fallbackContentFor(renderTemplate('load.alert', { branch: 'МФЦ', waiting: '3' }))).toBeNull();
    expect(fallbackContentFor(renderTemplate('auth.code.login', { code: '123456' }))).toBeNull();
  });

  it('falls back to the channels after the failed one not used yet, the chosen ones first', () => {
    expect(fallbackChannels('PUSH', new Set(['PUSH']), new Set(['EMAIL']))).toEqual(['EMAIL', 'SMS']);
    expect(fallbackChannels('PUSH', new Set(['PUSH', 'SMS']), new Set())).toEqual(['EMAIL']);
    expect(fallbackChannels('SMS', new Set(['SMS']), new Set(['SMS', 'EMAIL']))).toEqual(['EMAIL']);
    expect(fallbackChannels('EMAIL', new Set(['EMAIL']), new Set())).toEqual([]);
  });
});

describe('feed and push subscription limits', () => {
  it('pages the feed by 20 unless asked, between 1 and 100; marks at most 500 read at once', () => {
    expect([feedPageSize(null), feedPageSize(0), feedPageSize(50), feedPageSize(1000)]).toEqual([20, 1, 50, 100]);
    expect(MARK_READ_MAX).toBe(500);
  });

  it('wants an https endpoint (http outside production), a 65-byte p256dh and a 16-byte auth, all problems at once', () => {
    const good = { endpoint: 'https://push.example.com/abc', p256dh: Buffer.alloc(65, 1).toString('base64url'), auth: Buffer.alloc(16, 2).toString('base64url') };
    expect(pushSubscriptionProblems(good, { httpAllowed: false })).toEqual([]);
    const http = { ...good, endpoint: 'http://127.0.0.1:9000/abc' };
    expect(pushSubscriptionProblems(http, { httpAllowed: true })).toEqual([]);
    expect(pushSubscriptionProblems({ endpoint: http.endpoint, p256dh: 'short', auth: '***' }, { httpAllowed: false }).map((p) => p.field)).toEqual(['input.endpoint', 'input.p256dh', 'input.auth']);
    expect(pushSubscriptionProblems({ ...good, endpoint: `https://push.example.com/${'a'.repeat(2000)}` }, { httpAllowed: false }).map((p) => p.field)).toEqual(['input.endpoint']);
  });
});
