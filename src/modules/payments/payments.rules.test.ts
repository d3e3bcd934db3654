import { describe, expect, it } from 'vitest';
import { chargeProblems, formatKopecks, issuedUin, parseKopecks, payableKopecks, refundableKopecks, returnUrlAllowed, settlementOf, statusAfterRefunds, uinControlDigit, uinProblem } from './payments.rules.js';

describe('money in kopecks', () => {
  it('parses decimal roubles exactly and refuses floats, signs, commas and zero', () => {
    expect(parseKopecks('1500')).toBe(150000);
    expect(parseKopecks('1500.5')).toBe(150050);
    expect(parseKopecks('0.01')).toBe(1);
    expect(parseKopecks('2450.00')).toBe(245000);
    for (const bad of ['0', '0.00', '-1', '1,50', '1.005', '1e3', '', 'abc']) expect(parseKopecks(bad), bad).toBeNull();
  });
  it('prints kopecks as a two-decimal string', () => {
    expect(formatKopecks(150050)).toBe('1500.50');
    expect(formatKopecks(5)).toBe('0.05');
    expect(formatKopecks(-300)).toBe('-3.00');
  });
});

describe('УИН', () => {
  it('computes the control digit with weights 1..10, then 3.., then 0', () => {
    expect(uinControlDigit('0000000002')).toBe(9); // 2 × 10 = 20, 20 mod 11 = 9
    expect(uinControlDigit('10000000001')).toBe(2); // the 11th digit weighs 1 again
    const uin = issuedUin(42n);
    expect(uin).toMatch(/^\d{20}$/);
    expect(uinProblem(uin)).toBeNull();
  });
  it('accepts 20 and 25 digits with a good control digit and refuses the rest', () => {
    const body24 = '188101770000000012345678';
    const good25 = `${body24}${uinControlDigit(body24)}`;
    expect(uinProblem(good25)).toBeNull();
    const wrong = `${good25.slice(0, -1)}${(Number(good25.slice(-1)) + 1) % 10}`;
    expect(uinProblem(wrong)).toMatch(/контрольная/);
    expect(uinProblem('123')).toMatch(/20 или 25/);
    expect(uinProblem('1'.repeat(21))).toMatch(/20 или 25/);
    expect(uinProblem('0'.repeat(20))).toMatch(/нулей/);
  });
  it('falls back to weights from 3 when the first remainder is 10', () => {
    // Find a body whose first remainder is 10 and check the second pass is used.
    for (let n = 0; n < 1000; n++) {
      const body = String(n).padStart(19, '7');
      let s = 0;
      for (let i = 0; i < body.length; i++) s += Number(body[i]) * ((i % 10) + 1);
      if (s % 11 !== 10) continue;
      let s2 = 0;
      for (let i = 0; i < body.length; i++) s2 += Number(body[i]) * (((i + 2) % 10) + 1);
      expect(uinControlDigit(body)).toBe(s2 % 11 === 10 ? 0 : s2 % 11);
      return;
    }
    throw new Error('no body with remainder 10 found');
  });
});

describe('what a charge costs now', () => {
  it('applies the discount until its last day inclusive, always when it has no end', () => {
    const fine = { amountKopecks: 100000, discountPercent: 50, discountUntil: '2026-12-20' };
    expect(payableKopecks(fine, '2026-12-20')).toBe(50000);
    expect(payableKopecks(fine, '2026-12-21')).toBe(100000);
    expect(payableKopecks({ amountKopecks: 350000, discountPercent: 30, discountUntil: null }, '2030-01-01')).toBe(245000);
    expect(payableKopecks({ amountKopecks: 5, discountPercent: 30, discountUntil: null }, '2030-01-01')).toBe(4);
  });
  it('reports every problem of an accrual with its field', () => {
    const problems = chargeProblems({ amount: '-5', discountPercent: 50, discountUntil: null, dueDate: '2020-01-01', purpose: '', payee: ' ', uin: '123' }, '2026-12-03');
    expect(problems.map((p) => p.field).sort()).toEqual(['amount', 'discountUntil', 'dueDate', 'payee', 'purpose', 'uin']);
    expect(chargeProblems({ amount: '500', purpose: 'Штраф', payee: 'УФК', uin: issuedUin(7n) }, '2026-12-03')).toEqual([]);
  });
});

describe('refunds and statuses', () => {
  it('counts pending and succeeded refunds against the payment, not failed ones', () => {
    expect(refundableKopecks(1000, [{ amountKopecks: 300, status: 'SUCCEEDED' }, { amountKopecks: 200, status: 'PENDING' }, { amountKopecks: 500, status: 'FAILED' }])).toBe(500);
    expect(statusAfterRefunds(1000, 0)).toBe('SUCCEEDED');
    expect(statusAfterRefunds(1000, 300)).toBe('PARTIALLY_REFUNDED');
    expect(statusAfterRefunds(1000, 1000)).toBe('REFUNDED');
  });
  it('maps the provider statuses: succeeded, canceled by decline or by the citizen, else pending', () => {
    expect(settlementOf({ status: 'succeeded' })).toEqual({ status: 'SUCCEEDED' });
    expect(settlementOf({ status: 'canceled', cancellationReason: 'insufficient_funds' })).toEqual({ status: 'FAILED', reason: 'insufficient_funds' });
    expect(settlementOf({ status: 'canceled', cancellationReason: 'expired_on_confirmation' })).toEqual({ status: 'CANCELLED', reason: 'expired_on_confirmation' });
    expect(settlementOf({ status: 'pending' })).toBeNull();
    expect(settlementOf({ status: 'waiting_for_capture' })).toBeNull();
  });
  it('allows only return URLs under the allowlist', () => {
    const allow = ['https://mfc.example/pay/'];
    expect(returnUrlAllowed('https://mfc.example/pay/done?x=1', allow)).toBe(true);
    expect(returnUrlAllowed('https://evil.example/pay/', allow)).toBe(false);
    expect(returnUrlAllowed('javascript:alert(1)', allow)).toBe(false);
  });
});
