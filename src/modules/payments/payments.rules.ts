/**
 * The payments' pure rules: money as integer kopecks (parsed from and printed to decimal strings,
 * never floats), the УИН and its control digit, what a charge costs paid now (a discount period),
 * how much of a payment may still be refunded, and what a provider's payment status means here.
 */
import type { FieldProblem } from '../../shared/errors.js';

/** A decimal amount of roubles with at most two decimals ("1500", "1500.5", "1500.50"); null when malformed or not positive. */
export function parseKopecks(text: string): number | null {
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const kopecks = Number(m[1]) * 100 + Number(((m[2] ?? '') + '00').slice(0, 2));
  return kopecks > 0 && Number.isSafeInteger(kopecks) ? kopecks : null;
}

/** Kopecks → "1500.50" (the contract's Money.amount and the provider's amount.value). */
export function formatKopecks(kopecks: number): string {
  const sign = kopecks < 0 ? '-' : '';
  const abs = Math.abs(kopecks);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** The weighted sum mod 11 of the digits, weights 1..10 repeating from `start`. */
function weightedRemainder(digits: string, start: number): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * (((start - 1 + i) % 10) + 1);
  return sum % 11;
}

/**
 * The control digit of a УИН (the state payments system's accrual id): the weighted sum of the
 * other digits with weights 1..10 repeating, mod 11; a remainder of 10 is retried with weights
 * from 3, and a second 10 gives 0.
 */
export function uinControlDigit(body: string): number {
  const first = weightedRemainder(body, 1);
  if (first < 10) return first;
  const second = weightedRemainder(body, 3);
  return second < 10 ? second : 0;
}

/** A УИН: 20 or 25 digits whose last is the control digit of the others. */
export function uinProblem(uin: string): string | null {
  if (!/^\d{20}$|^\d{25}$/.test(uin)) return 'УИН — 20 или 25 цифр';
  if (/^0+$/.test(uin)) return 'УИН не может состоять из нулей';
  const body = uin.slice(0, -1);
  return uinControlDigit(body) === Number(uin.slice(-1)) ? null : 'Неверный УИН: не сходится контрольная цифра';
}

/** A 20-digit УИН for a state fee the account issues itself: a fixed prefix, a serial, the control digit. */
export function issuedUin(serial: bigint): string {
  const body = `0318${String(serial).padStart(15, '0')}`;
  return `${body}${uinControlDigit(body)}`;
}

/** What a charge costs paid on `today` (YYYY-MM-DD): the discount applies until `discountUntil` inclusive (always when null). */
export function payableKopecks(c: { amountKopecks: number; discountPercent: number; discountUntil: string | null }, today: string): number {
  if (c.discountPercent <= 0) return c.amountKopecks;
  if (c.discountUntil !== null && today > c.discountUntil) return c.amountKopecks;
  return Math.floor((c.amountKopecks * (100 - c.discountPercent) + 50) / 100);
}

export interface ChargeTerms {
  amount: string;
  discountPercent?: number | null;
  discountUntil?: string | null;
  dueDate?: string | null;
  purpose: string;
  payee: string;
  uin?: string | null;
}

/** Every problem of an accrual's terms at once, each with its field (`today` is the local date). */
export function chargeProblems(input: ChargeTerms, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (parseKopecks(input.amount) === null) problems.push({ field: 'amount', message: 'Сумма — положительное число рублей, не больше двух знаков после точки' });
  const pct = input.discountPercent ?? 0;
  if (!Number.isInteger(pct) || pct < 0 || pct > 99) problems.push({ field: 'discountPercent', message: 'Скидка — от 0 до 99 процентов' });
  if (pct > 0 && !input.discountUntil) problems.push({ field: 'discountUntil', message: 'Укажите, до какого дня действует скидка' });
  if (input.discountUntil && pct === 0) problems.push({ field: 'discountPercent', message: 'Укажите размер скидки' });
  if (input.discountUntil && input.discountUntil < today) problems.push({ field: 'discountUntil', message: 'Срок скидки уже прошёл' });
  if (input.dueDate && input.dueDate < today) problems.push({ field: 'dueDate', message: 'Срок оплаты уже прошёл' });
  if (input.dueDate && input.discountUntil && input.discountUntil > input.dueDate) problems.push({ field: 'discountUntil', message: 'Скидка не может действовать дольше срока оплаты' });
  if (!input.purpose.trim() || input.purpose.length > 500) problems.push({ field: 'purpose', message: 'Назначение платежа — от 1 до 500 символов' });
  if (!input.payee.trim() || input.payee.length > 300) problems.push({ field: 'payee', message: 'Получатель — от 1 до 300 символов' });
  const uinIssue = input.uin ? uinProblem(input.uin) : 'Укажите УИН';
  if (uinIssue) problems.push({ field: 'uin', message: uinIssue });
  return problems;
}

/** How much of a payment may still be refunded: what was paid less every refund not failed. */
export function refundableKopecks(paid: number, refunds: ReadonlyArray<{ amountKopecks: number; status: 'PENDING' | 'SUCCEEDED' | 'FAILED' }>): number {
  return paid - refunds.filter((r) => r.status !== 'FAILED').reduce((s, r) => s + r.amountKopecks, 0);
}

export type PaymentStatusName = 'PENDING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED' | 'REFUNDED' | 'PARTIALLY_REFUNDED';

/** A paid payment's status after refunds of `refunded` kopecks succeeded. */
export function statusAfterRefunds(amount: number, refunded: number): PaymentStatusName {
  if (refunded <= 0) return 'SUCCEEDED';
  return refunded >= amount ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
}

/** The provider's cancellation reasons that mean the citizen (or time) stopped it rather than a decline. */
const CANCELLED_REASONS = new Set(['expired_on_confirmation', 'canceled_by_merchant', 'permission_revoked']);

/** What the provider's state of a payment means for a PENDING payment here; null: still pending. */
export function settlementOf(provider: { status: string; cancellationReason?: string | null }): { status: 'SUCCEEDED' } | { status: 'FAILED' | 'CANCELLED'; reason: string } | null {
  switch (provider.status) {
    case 'succeeded':
      return { status: 'SUCCEEDED' };
    case 'canceled': {
      const reason = provider.cancellationReason ?? 'canceled';
      return { status: CANCELLED_REASONS.has(reason) ? 'CANCELLED' : 'FAILED', reason };
    }
    default:
      return null;
  }
}

/** A return URL must start with one of the allowed prefixes (an open redirect otherwise). */
export function returnUrlAllowed(url: string, allowlist: readonly string[]): boolean {
  if (!URL.canParse(url)) return false;
  const u = new URL(url);
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return false;
  return allowlist.some((prefix) => url.startsWith(prefix));
}

/** Days before the due date the citizen is reminded. */
export const DUE_REMINDER_DAYS = 3;
