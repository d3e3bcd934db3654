/**
 * The payment variables of src/config/env.ts: the provider (YooKassa API v3: URL, shop id, secret
 * key), the return URLs a payment may send the citizen back to, and the reconciliation and
 * reminder timings. Without a shop id outside production a built-in sandbox stands in.
 */
import { z } from 'zod';
import { int } from './parsers.js';

export const paymentsEnv = {
  /** The provider's API root (YooKassa API v3 protocol). */
  PAYMENT_PROVIDER_URL: z.url().default('https://api.yookassa.ru'),
  /** Shop id and secret key (HTTP Basic); unset outside production: the built-in sandbox. */
  PAYMENT_SHOP_ID: z.string().trim().min(1).optional(),
  PAYMENT_SECRET_KEY: z.string().trim().min(1).optional(),
  /** Comma-separated URL prefixes payCharge's returnUrl must start with; PUBLIC_URL when empty. */
  PAYMENT_RETURN_URLS: z.string().default(''),
  /** A payment still PENDING after this many minutes is settled by asking the provider (also the job's period). */
  PAYMENT_RECONCILE_MINUTES: int(15, 1),
  /** How long a request to the provider may take. */
  PAYMENT_PROVIDER_TIMEOUT_MS: int(10_000, 100),
  /** A citizen is reminded of an unpaid charge this many days before its due date. */
  PAYMENT_DUE_REMINDER_DAYS: int(3, 1),
};

/** Problems of the payment settings as a whole (production needs the real provider). */
export function paymentsProblems(c: { PAYMENT_SHOP_ID?: string; PAYMENT_SECRET_KEY?: string; PAYMENT_RETURN_URLS: string }, isProduction: boolean): string[] {
  const problems: string[] = [];
  if (!c.PAYMENT_SHOP_ID !== !c.PAYMENT_SECRET_KEY) problems.push('PAYMENT_SHOP_ID, PAYMENT_SECRET_KEY: give both or neither');
  if (isProduction && !c.PAYMENT_SHOP_ID) problems.push('PAYMENT_SHOP_ID, PAYMENT_SECRET_KEY: required in production (the payment sandbox is refused there)');
  for (const u of returnUrls(c.PAYMENT_RETURN_URLS)) if (!URL.canParse(u)) problems.push(`PAYMENT_RETURN_URLS: ${u} is not a URL`);
  return problems;
}

export const returnUrls = (text: string): string[] => text.split(',').map((u) => u.trim()).filter(Boolean);
