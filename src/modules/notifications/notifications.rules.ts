/**
 * The pure rules of the notification centre, kept apart so they are unit-tested: a user's
 * preferences (defaults per category, what may be chosen: security messages cannot be switched
 * off, quiet hours in the user's own time zone), which deliveries a message gets and what each
 * channel carries, what a push subscription must look like, and the sizes of the feed's pages.
 */
import type { FieldProblem } from '../../shared/errors.js';
import type { Recipient } from './recipients.port.js';
import type { NotificationCategory, Rendered } from './templates.js';

export type Channel = 'EMAIL' | 'SMS' | 'PUSH' | 'IN_APP';
export const CHANNELS: readonly Channel[] = ['EMAIL', 'SMS', 'PUSH', 'IN_APP'];
export const CATEGORIES: readonly NotificationCategory[] = ['APPLICATION_STATUS', 'BOOKING', 'DOCUMENT_EXPIRY', 'LOAD_ALERT', 'SECURITY', 'CHAT', 'SYSTEM'];

/** Order in which a failed message that matters tries the next channel. */
export const FALLBACK_ORDER: readonly Channel[] = ['PUSH', 'SMS', 'EMAIL'];
/** Categories whose messages matter enough to fall back to another channel once. */
export const FALLBACK_CATEGORIES: ReadonlySet<NotificationCategory> = new Set(['APPLICATION_STATUS', 'BOOKING']);

/**
 * What a new account gets. Bookings and security keep SMS (time-critical: "window 4", a login);
 * status changes and chat replies go by push and e-mail; everything lands in the feed.
 */
export const DEFAULT_CHANNELS: Readonly<Record<NotificationCategory, readonly Channel[]>> = {
  APPLICATION_STATUS: ['SMS', 'EMAIL', 'PUSH', 'IN_APP'],
  BOOKING: ['SMS', 'EMAIL', 'PUSH', 'IN_APP'],
  DOCUMENT_EXPIRY: ['EMAIL', 'PUSH', 'IN_APP'],
  LOAD_ALERT: ['SMS', 'PUSH', 'IN_APP'],
  SECURITY: ['SMS', 'EMAIL', 'IN_APP'],
  CHAT: ['PUSH', 'EMAIL', 'IN_APP'],
  SYSTEM: ['SMS', 'EMAIL', 'IN_APP'],
};
export const DEFAULT_TIMEZONE = 'Europe/Moscow';

export interface StoredPreferences {
  categories: Partial<Record<string, Channel[]>>;
  quietHoursStart: string | null;
  quietHoursEnd: string | null;
  timezone: string;
}

export const defaultPreferences = (): StoredPreferences => ({ categories: {}, quietHoursStart: null, quietHoursEnd: null, timezone: DEFAULT_TIMEZONE });

/** The channels chosen for a category, in a stable order (the defaults where nothing was chosen). */
export function channelsFor(prefs: StoredPreferences, category: NotificationCategory): Channel[] {
  const chosen = prefs.categories[category] ?? DEFAULT_CHANNELS[category];
  return CHANNELS.filter((c) => chosen.includes(c));
}

export interface PreferencesChange {
  categories?: Array<{ category: NotificationCategory; channels: Channel[] }> | null;
  quietHoursStart?: string | null;
  quietHoursEnd?: string | null;
  timezone?: string | null;
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('ru-RU', { timeZone: tz });
    return /\//.test(tz) || tz === 'UTC';
  } catch {
    return false;
  }
}

/** Applies a change to stored preferences, or lists every problem with the field at fault. */
export function applyChange(current: StoredPreferences, change: PreferencesChange): { ok: true; value: StoredPreferences } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const categories = { ...current.categories };
  const seen = new Set<string>();
  (change.categories ?? []).forEach((c, i) => {
    const field = `input.categories.${i}`;
    if (seen.has(c.category)) problems.push({ field: `${field}.category`, message: 'Категория указана дважды' });
    seen.add(c.category);
    const channels = CHANNELS.filter((ch) => c.channels.includes(ch));
    if (c.category === 'SECURITY' && !channels.some((ch) => ch === 'SMS' || ch === 'EMAIL')) {
      problems.push({ field: `${field}.channels`, message: 'Уведомления безопасности отключить нельзя: оставьте SMS или электронную почту' });
    }
    categories[c.category] = channels;
  });
  let { quietHoursStart, quietHoursEnd, timezone } = current;
  if (change.quietHoursStart !== undefined) quietHoursStart = change.quietHoursStart?.trim() || null;
  if (change.quietHoursEnd !== undefined) quietHoursEnd = change.quietHoursEnd?.trim() || null;
  if (quietHoursStart !== null && !HHMM.test(quietHoursStart)) problems.push({ field: 'input.quietHoursStart', message: 'Время в формате ЧЧ:ММ, например 22:00' });
  if (quietHoursEnd !== null && !HHMM.test(quietHoursEnd)) problems.push({ field: 'input.quietHoursEnd', message: 'Время в формате ЧЧ:ММ, например 08:00' });
  if ((quietHoursStart === null) !== (quietHoursEnd === null)) {
    problems.push({ field: quietHoursStart === null ? 'input.quietHoursStart' : 'input.quietHoursEnd', message: 'Укажите и начало, и конец тихих часов' });
  } else if (quietHoursStart !== null && quietHoursStart === quietHoursEnd) {
    problems.push({ field: 'input.quietHoursEnd', message: 'Конец тихих часов совпадает с началом' });
  }
  if (change.timezone !== undefined && change.timezone !== null) {
    if (!isTimeZone(change.timezone)) problems.push({ field: 'input.timezone', message: 'Неизвестный часовой пояс, например Europe/Moscow' });
    else timezone = change.timezone;
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { categories, quietHoursStart, quietHoursEnd, timezone } };
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Minutes since local midnight in `timezone`. */
export function localMinutes(at: Date, timezone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return get('hour') * 60 + get('minute');
}

/**
 * When `at` falls inside the quiet hours, the moment they end; otherwise null. Hours may wrap past
 * midnight (22:00-08:00). The end is found by stepping the local minutes forward, so it is exact
 * for every zone without a clock change during the night (none in Russia since 2014).
 */
export function quietHoursEnd(at: Date, prefs: Pick<StoredPreferences, 'quietHoursStart' | 'quietHoursEnd' | 'timezone'>): Date | null {
  if (!prefs.quietHoursStart || !prefs.quietHoursEnd) return null;
  const start = toMinutes(prefs.quietHoursStart);
  const end = toMinutes(prefs.quietHoursEnd);
  if (start === end) return null;
  const now = localMinutes(at, prefs.timezone);
  const inside = start < end ? now >= start && now < end : now >= start || now < end;
  if (!inside) return null;
  const minutesLeft = (end - now + 1440) % 1440;
  const startOfMinute = Math.floor(at.getTime() / 60_000) * 60_000;
  return new Date(startOfMinute + minutesLeft * 60_000);
}

export interface PlannedDelivery {
  channel: Channel;
  destination: string | null;
  content: { subject?: string; text: string };
  scheduledFor: Date | null;
}

/**
 * One channel for one user, if the user can be reached that way: SMS to the phone, e-mail to a
 * verified address, push to a subscribed device; SMS and push wait out quiet hours unless urgent.
 */
export function planDelivery(
  channel: Channel,
  message: { urgent: boolean; content: { subject?: string; text: string } },
  user: Recipient,
  pushCount: number,
  prefs: StoredPreferences,
  now: Date,
): PlannedDelivery[] {
  const destination = channel === 'SMS' ? user.phone : channel === 'EMAIL' ? (user.emailVerified ? user.email : null) : null;
  if ((channel === 'SMS' || channel === 'EMAIL') && !destination) return [];
  if (channel === 'PUSH' && pushCount === 0) return [];
  const held = !message.urgent && (channel === 'SMS' || channel === 'PUSH') ? quietHoursEnd(now, prefs) : null;
  return [{ channel, destination, content: message.content, scheduledFor: held }];
}

/** What a rendered message carries on one channel. */
export function contentFor(r: Rendered, channel: Channel): { subject?: string; text: string } {
  switch (channel) {
    case 'SMS':
      return { text: r.sms };
    case 'EMAIL':
      return r.email;
    case 'PUSH':
      return { subject: r.push.title, text: r.push.body };
    case 'IN_APP':
      return { subject: r.title, text: r.body };
  }
}

/** The texts a message that matters keeps for one fallback; null for the rest and for secrets. */
export function fallbackContentFor(r: Rendered): Partial<Record<'SMS' | 'EMAIL' | 'PUSH', { subject?: string; text: string }>> | null {
  return FALLBACK_CATEGORIES.has(r.category) && !r.secret ? { SMS: contentFor(r, 'SMS'), EMAIL: contentFor(r, 'EMAIL'), PUSH: contentFor(r, 'PUSH') } : null;
}

/**
 * The channels a failed delivery may fall back to, in order: those after it in push -> SMS ->
 * e-mail that the notification has not used yet, the ones the user chose for the category first.
 */
export function fallbackChannels(failed: Channel, used: ReadonlySet<string>, chosen: ReadonlySet<Channel>): Channel[] {
  const after = FALLBACK_ORDER.slice(FALLBACK_ORDER.indexOf(failed) + 1).filter((c) => !used.has(c));
  return [...after.filter((c) => chosen.has(c)), ...after.filter((c) => !chosen.has(c))];
}

/** Feed pages: 20 notifications unless asked otherwise, between 1 and 100. */
export const FEED_PAGE = { default: 20, max: 100 } as const;
export const feedPageSize = (first: number | null): number => Math.min(Math.max(first ?? FEED_PAGE.default, 1), FEED_PAGE.max);

/** At most this many notifications are marked read by one call. */
export const MARK_READ_MAX = 500;

/** A push subscription's endpoint URL may be this long at most; a user agent is kept up to USER_AGENT_MAX. */
export const PUSH_ENDPOINT_MAX = 2000;
export const USER_AGENT_MAX = 300;

const b64urlBytes = (s: string): number => (/^[A-Za-z0-9_-]+=*$/.test(s) ? Buffer.from(s, 'base64url').length : -1);

/**
 * What is wrong with a browser's push subscription, with the field at fault: the endpoint must be
 * an https URL (http is allowed outside production, for local push services), p256dh a 65-byte and
 * auth a 16-byte base64url key.
 */
export function pushSubscriptionProblems(input: { endpoint: string; p256dh: string; auth: string }, opts: { httpAllowed: boolean }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  let url: URL | null = null;
  try {
    url = new URL(input.endpoint);
  } catch {
    url = null;
  }
  if (!url || input.endpoint.length > PUSH_ENDPOINT_MAX || !(url.protocol === 'https:' || (opts.httpAllowed && url.protocol === 'http:'))) {
    problems.push({ field: 'input.endpoint', message: 'Адрес push-сервиса должен быть https-ссылкой' });
  }
  if (b64urlBytes(input.p256dh) !== 65) problems.push({ field: 'input.p256dh', message: 'Ключ p256dh: 65 байт в base64url' });
  if (b64urlBytes(input.auth) !== 16) problems.push({ field: 'input.auth', message: 'Секрет auth: 16 байт в base64url' });
  return problems;
}
