/**
 * Webhook rules: which scope each event needs, the payload, the retry schedule (exponential
 * backoff within WEBHOOK_RETRY_HOURS of the round's start), when a failing endpoint is switched
 * off, and which targets are refused (SSRF: private, loopback, link-local and other non-public
 * addresses). Pure; see webhooks.rules.test.ts.
 */
import { randomBytes } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import type { ApiScopeName } from '../../shared/auth/api-client.js';
import type { WebhookEventTypeName } from '../../jobs/integration-events.js';

/** The scope an endpoint's owner must hold to receive an event (null: anyone, the test event). */
export const EVENT_SCOPE: Readonly<Record<WebhookEventTypeName, ApiScopeName | null>> = {
  BOOKING_CREATED: 'BOOKINGS_READ',
  BOOKING_CONFIRMED: 'BOOKINGS_READ',
  BOOKING_RESCHEDULED: 'BOOKINGS_READ',
  BOOKING_CANCELLED: 'BOOKINGS_READ',
  BOOKING_EXPIRED: 'BOOKINGS_READ',
  TICKET_CALLED: 'LOAD_READ',
  APPLICATION_STATUS_CHANGED: 'APPLICATIONS_READ',
  PAYMENT_SUCCEEDED: 'CHARGES_WRITE',
  PAYMENT_REFUNDED: 'CHARGES_WRITE',
  LOAD_ALERT: 'LOAD_READ',
  TEST: null,
};

export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

/** The body POSTed: the Standard Webhooks shape {type, id, occurredAt, data}. */
export const webhookPayload = (event: { id: string; type: string; occurredAt: Date; data: Record<string, unknown> }) => ({
  type: event.type,
  id: event.id,
  occurredAt: event.occurredAt.toISOString(),
  data: event.data,
});

export interface RetryPolicy {
  firstMs: number;
  maxMs: number;
  retryHours: number;
}

/** The delay before attempt `attemptsMade + 1`: first, doubling, capped. */
export const backoffMs = (attemptsMade: number, p: Pick<RetryPolicy, 'firstMs' | 'maxMs'>): number =>
  Math.min(p.maxMs, p.firstMs * 2 ** Math.max(0, Math.min(attemptsMade - 1, 40)));

/** When to try again after a failed attempt, or null when the round's retry window is over. */
export function nextAttemptAt(roundStartedAt: Date, now: Date, attemptsMade: number, p: RetryPolicy): Date | null {
  const at = new Date(now.getTime() + backoffMs(attemptsMade, p));
  return at.getTime() <= roundStartedAt.getTime() + p.retryHours * 3_600_000 ? at : null;
}

/** Whether an endpoint failing since `failingSince` is to be switched off now. */
export const shouldDisable = (failingSince: Date | null, now: Date, hours: number): boolean =>
  failingSince !== null && now.getTime() - failingSince.getTime() >= hours * 3_600_000;

const blocked = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32], ['64:ff9b::', 96]] as const) blocked.addSubnet(net, bits, 'ipv6');

/** Whether an IP address is not a public unicast one (private, loopback, link-local, reserved, multicast). */
export function isNonPublicAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 4) return blocked.check(ip, 'ipv4');
  if (family !== 6) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) return blocked.check(mapped[1], 'ipv4');
  return blocked.check(ip, 'ipv6');
}

/** A problem with a webhook URL's form (before any DNS), or null. https is required in production. */
export function urlProblem(raw: string, production: boolean): string | null {
  if (!URL.canParse(raw)) return 'Неверный адрес';
  const url = new URL(raw);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Адрес должен начинаться с https://';
  if (production && url.protocol !== 'https:') return 'В рабочем режиме адрес должен быть https://';
  if (url.username || url.password) return 'Адрес не может содержать имя и пароль';
  if (raw.length > 2000) return 'Адрес длиннее 2000 символов';
  return null;
}

/** Whether webhook targets may be private addresses: WEBHOOK_ALLOW_PRIVATE_TARGETS, else outside production only. */
export const allowsPrivateTargets = (config: { WEBHOOK_ALLOW_PRIVATE_TARGETS?: boolean | undefined; isProduction: boolean }): boolean =>
  config.WEBHOOK_ALLOW_PRIVATE_TARGETS ?? !config.isProduction;
