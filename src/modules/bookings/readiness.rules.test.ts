import { describe, expect, it } from 'vitest';
import { readinessOf, type RequiredDoc } from './readiness.rules.js';

const passport: RequiredDoc = { kind: 'PASSPORT_RF', title: 'Паспорт гражданина РФ', description: null, optional: false };
const snils: RequiredDoc = { kind: 'SNILS', title: 'СНИЛС', description: null, optional: false };
const oms: RequiredDoc = { kind: 'OMS_POLICY', title: 'Полис ОМС', description: null, optional: true };
const receipt: RequiredDoc = { kind: null, title: 'Квитанция', description: null, optional: false };
const doc = (kind: string, expiresAt: string | null, verificationStatus = 'VERIFIED') => ({ kind, expiresAt, verificationStatus });

describe('booking readiness', () => {
  it('is ready when every required kind has a good document; optional papers and papers without a kind are not checked', () => {
    const r = readinessOf([passport, snils, oms, receipt], [doc('PASSPORT_RF', null), doc('SNILS', null, 'PENDING')], '2026-12-10');
    expect(r).toEqual({ ready: true, missing: [], invalid: [], problems: [] });
  });

  it('lists what is missing, what expires before the visit and what was rejected', () => {
    const expiring = doc('PASSPORT_RF', '2026-12-09');
    const rejected = doc('SNILS', null, 'REJECTED');
    const r = readinessOf([passport, snils, oms], [expiring, rejected], '2026-12-10');
    expect(r.ready).toBe(false);
    expect(r.missing).toEqual([]);
    expect(r.invalid).toEqual([expiring, rejected]);
    expect(r.problems).toEqual(['Паспорт гражданина РФ (истекает до визита)', 'СНИЛС (отклонён)']);
    const none = readinessOf([passport], [], '2026-12-10');
    expect(none.missing).toEqual([passport]);
    expect(none.problems).toEqual(['Паспорт гражданина РФ']);
  });

  it('a document valid through the visit day counts; a good one beside a bad one of the same kind is enough', () => {
    expect(readinessOf([passport], [doc('PASSPORT_RF', '2026-12-10')], '2026-12-10').ready).toBe(true);
    expect(readinessOf([passport], [doc('PASSPORT_RF', '2020-01-01'), doc('PASSPORT_RF', null)], '2026-12-10')).toMatchObject({ ready: true, invalid: [] });
  });
});
