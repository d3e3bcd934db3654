import { describe, expect, it } from 'vitest';
import { DOCUMENTS_TIMEZONE, REVIEW_REASON_MAX, checkDocument, checkReview, identifierKind, isExpired, ruDate, statusOnEntry } from './documents.rules.js';

const TODAY = '2026-12-02';
const fields = (r: ReturnType<typeof checkDocument>) => r.problems.map((p) => p.field);

describe('SNILS checksum', () => {
  // Valid numbers computed by the rule (sum of digit × (9 − i), mod 101, 100 → 00), and their neighbours.
  it.each([
    ['112-233-445 95', true],
    ['11223344595', true],
    ['087-654-303 00', true], // sum 202 mod 101 = 0 → 00
    ['001-001-998 64', true], // sum 64 < 100: the sum itself
    ['112-233-445 94', false],
    ['112-233-445 96', false],
    ['11223344590', false],
    ['1122334459', false],
    ['112233445955', false],
  ])('%s → %s', (number, valid) => {
    const r = checkDocument({ kind: 'SNILS', number }, TODAY);
    expect(r.problems.length === 0, JSON.stringify(r.problems)).toBe(valid);
    if (valid) expect(r.value.number).toMatch(/^\d{11}$/);
  });
});

describe('INN check digits', () => {
  it.each([
    ['500100732259', true], // a person's, 12 digits
    ['7707083893', true], // an organisation's, 10 digits
    ['7830002293', true],
    ['500100732258', false],
    ['500100732269', false],
    ['7707083894', false],
    ['77070838', false],
    ['50010073225a', false],
  ])('%s → %s', (number, valid) => {
    expect(checkDocument({ kind: 'INN', number }, TODAY).problems.length === 0).toBe(valid);
  });
});

describe('document formats and dates', () => {
  it('a passport RF has a 4-digit series and a 6-digit number (spaces allowed)', () => {
    expect(checkDocument({ kind: 'PASSPORT_RF', series: '45 08', number: '123 456', issuedAt: '2015-05-05' }, TODAY)).toMatchObject({ problems: [], value: { series: '4508', number: '123456' } });
    expect(fields(checkDocument({ kind: 'PASSPORT_RF', series: '450', number: '12345' }, TODAY))).toEqual(['input.series', 'input.number']);
    expect(fields(checkDocument({ kind: 'PASSPORT_RF', number: '123456' }, TODAY))).toEqual(['input.series']);
  });

  it('other kinds follow their own formats', () => {
    expect(checkDocument({ kind: 'FOREIGN_PASSPORT', series: '75', number: '1234567', expiresAt: '2030-01-01' }, TODAY).problems).toEqual([]);
    expect(checkDocument({ kind: 'DRIVER_LICENSE', series: '99 12', number: '345678', expiresAt: '2030-01-01' }, TODAY).problems).toEqual([]);
    expect(checkDocument({ kind: 'BIRTH_CERTIFICATE', series: 'IV-МЮ', number: '123456' }, TODAY).problems).toEqual([]);
    expect(checkDocument({ kind: 'MILITARY_ID', series: 'АК', number: '1234567' }, TODAY).problems).toEqual([]);
    expect(checkDocument({ kind: 'OMS_POLICY', number: '7700 0000 0000 0000' }, TODAY).problems).toEqual([]);
    expect(fields(checkDocument({ kind: 'OMS_POLICY', number: '12345' }, TODAY))).toEqual(['input.number']);
    expect(fields(checkDocument({ kind: 'BIRTH_CERTIFICATE', series: 'МЮ', number: '123456' }, TODAY))).toEqual(['input.series']);
  });

  it('refuses a document that has already expired, but not one expiring today', () => {
    expect(fields(checkDocument({ kind: 'DRIVER_LICENSE', series: '9912', number: '345678', expiresAt: '2026-12-01' }, TODAY))).toEqual(['input.expiresAt']);
    expect(checkDocument({ kind: 'DRIVER_LICENSE', series: '9912', number: '345678', expiresAt: TODAY }, TODAY).problems).toEqual([]);
  });

  it('refuses an issue date in the future and an expiry before the issue, reporting every problem at once', () => {
    const r = checkDocument({ kind: 'FOREIGN_PASSPORT', series: '7', number: '1', issuedAt: '2027-01-01', expiresAt: '2026-12-31' }, TODAY);
    expect(fields(r)).toEqual(['input.series', 'input.number', 'input.issuedAt', 'input.expiresAt']);
  });

  it('drops a series given to a kind that has none', () => {
    expect(checkDocument({ kind: 'SNILS', series: '12', number: '112-233-445 95' }, TODAY).value.series).toBeNull();
  });
});

describe('document rules beyond the entry check', () => {
  it('a document is expired only after its last valid day', () => {
    expect(isExpired('2026-12-01', TODAY)).toBe(true);
    expect(isExpired(TODAY, TODAY)).toBe(false);
    expect(isExpired(null, TODAY)).toBe(false);
  });

  it('SNILS and a person\'s 12-digit INN are account identifiers; a company INN and other kinds are not', () => {
    expect(identifierKind('SNILS', '11223344595')).toBe('SNILS');
    expect(identifierKind('INN', '500100732259')).toBe('INN');
    expect(identifierKind('INN', '7707083893')).toBeNull();
    expect(identifierKind('PASSPORT_RF', '123456')).toBeNull();
  });

  it('a document with scans waits for review; one without is merely entered', () => {
    expect(statusOnEntry(2)).toBe('PENDING');
    expect(statusOnEntry(0)).toBe('UNVERIFIED');
  });

  it('a review is VERIFIED, or REJECTED with a reason of at most 500 characters', () => {
    expect(checkReview('VERIFIED', '  ')).toEqual({ why: null, problem: null });
    expect(checkReview('REJECTED', ' Нечитаемый скан ')).toEqual({ why: 'Нечитаемый скан', problem: null });
    expect(checkReview('PENDING', null).problem?.field).toBe('status');
    expect(checkReview('REJECTED', null).problem?.field).toBe('reason');
    expect(checkReview('REJECTED', 'x'.repeat(REVIEW_REASON_MAX + 1)).problem?.message).toBe(`Не длиннее ${REVIEW_REASON_MAX} символов`);
  });

  it('dates are Moscow days, shown to citizens as DD.MM.YYYY', () => {
    expect(DOCUMENTS_TIMEZONE).toBe('Europe/Moscow');
    expect(ruDate('2026-03-01')).toBe('01.03.2026');
  });
});

describe('a guardianship decision', () => {
  it('has no series and a number of digits and letters as issued', () => {
    expect(checkDocument({ kind: 'GUARDIANSHIP_DECISION', number: '123-р' }, '2026-12-03').value.number).toBe('123Р');
    expect(checkDocument({ kind: 'GUARDIANSHIP_DECISION', number: 'нет' }, '2026-12-03').problems.map((p) => p.field)).toEqual(['input.number']);
  });
});
