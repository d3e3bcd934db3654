/**
 * Payments in tests: the local YooKassa server started once per test file (before the app, whose
 * configuration points at it), valid УИНs, and charges issued by an admin through the API.
 */
import { randomInt } from 'node:crypto';
import { IssueChargeDocument, PayChargeDocument, type ChargeKind } from '../../src/sdk/generated/graphql.js';
import type { MfcClient } from '../../src/sdk/client.js';
import { uinControlDigit } from '../../src/modules/payments/index.js';
import { startYooKassa, type FakeYooKassa } from './yookassa.js';

export const RETURN_URL = 'https://mfc.example/pay/done';

export async function paymentProvider(): Promise<{ provider: FakeYooKassa; env: Record<string, string> }> {
  const provider = await startYooKassa({ shopId: 'shop-4711', secretKey: 'test_secret_key' });
  return {
    provider,
    env: {
      PAYMENT_PROVIDER_URL: provider.url,
      PAYMENT_SHOP_ID: 'shop-4711',
      PAYMENT_SECRET_KEY: 'test_secret_key',
      PAYMENT_RETURN_URLS: 'https://mfc.example/pay/',
      PAYMENT_PROVIDER_TIMEOUT_MS: '400',
      PAYMENT_RECONCILE_MINUTES: '15',
    },
  };
}

/** A random 25-digit УИН (a traffic police series) with its control digit. */
export function freshUin(): string {
  const body = `1881${Array.from({ length: 20 }, () => randomInt(0, 10)).join('')}`;
  return `${body}${uinControlDigit(body)}`;
}

export async function issueFine(admin: MfcClient, userId: string, over: { amount?: string; kind?: ChargeKind; discountPercent?: number | null; discountUntil?: string | null; dueDate?: string | null } = {}) {
  const { issueCharge } = await admin.request(IssueChargeDocument, {
    input: { userId, kind: over.kind ?? 'FINE', purpose: 'Штраф за превышение скорости', payee: 'УФК по г. Москве (ГУ МВД России по г. Москве)', amount: over.amount ?? '500', uin: freshUin(), discountPercent: over.discountPercent ?? null, discountUntil: over.discountUntil ?? null, dueDate: over.dueDate ?? null },
  });
  return issueCharge;
}

export async function startPaying(client: MfcClient, chargeId: string, method: 'CARD' | 'SBP' = 'CARD') {
  return (await client.request(PayChargeDocument, { chargeId, method, returnUrl: RETURN_URL })).payCharge;
}

/** Polls until `check` passes (jobs and notifications settle asynchronously). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
