import { describe, expect, it } from 'vitest';
import { bornOnOrBefore, checkDependant, checkProfileChange, checkVerdict, fullName, isAdult, type DependantFields } from './family.rules.js';

const TODAY = '2026-12-03';
const child = (o: Partial<DependantFields> = {}): DependantFields => ({
  lastName: 'Иванова',
  firstName: 'Мария',
  middleName: null,
  birthDate: '2016-04-12',
  relation: 'CHILD',
  snils: null,
  document: { kind: 'BIRTH_CERTIFICATE', issuedAt: '2016-04-20' },
  ...o,
});
const fields = (r: { problems: Array<{ field: string }> }) => r.problems.map((p) => p.field);

describe('coming of age', () => {
  it('is reached on the 18th birthday, not a day earlier', () => {
    expect(bornOnOrBefore(TODAY, 18)).toBe('2008-12-03');
    expect(isAdult('2008-12-03', TODAY)).toBe(true);
    expect(isAdult('2008-12-04', TODAY)).toBe(false);
  });

  it('a child born on 29 February comes of age on 1 March in a common year', () => {
    expect(isAdult('2008-02-29', '2026-02-28')).toBe(false);
    expect(isAdult('2008-02-29', '2026-03-01')).toBe(true);
  });
});

describe('checkDependant', () => {
  it('accepts a child and cleans the names', () => {
    const r = checkDependant(child({ lastName: '  Иванова-Петрова ', middleName: ' ' }), TODAY);
    expect(r.problems).toEqual([]);
    expect(r.value).toMatchObject({ lastName: 'Иванова-Петрова', middleName: null, snils: null });
  });

  it('refuses a child of 18, a future or impossible birth date, bad names, a bad SNILS and the wrong document, each with its field', () => {
    expect(fields(checkDependant(child({ birthDate: '2008-12-03' }), TODAY))).toEqual(['input.birthDate']);
    expect(fields(checkDependant(child({ birthDate: '2027-01-01' }), TODAY))).toEqual(['input.birthDate']);
    expect(fields(checkDependant(child({ birthDate: '2016-02-30' }), TODAY))).toEqual(['input.birthDate']);
    expect(fields(checkDependant(child({ lastName: '', firstName: 'Ма3ия', middleName: 'x'.repeat(61) }), TODAY))).toEqual(['input.lastName', 'input.firstName', 'input.middleName']);
    expect(fields(checkDependant(child({ snils: '112-233-445 96' }), TODAY))).toEqual(['input.snils']);
    expect(checkDependant(child({ snils: '112-233-445 95' }), TODAY).value.snils).toBe('11223344595');
    expect(fields(checkDependant(child({ document: { kind: 'GUARDIANSHIP_DECISION' } }), TODAY))).toEqual(['input.document.kind']);
    expect(fields(checkDependant(child({ document: { kind: 'BIRTH_CERTIFICATE', issuedAt: '2016-04-01' } }), TODAY))).toEqual(['input.document.issuedAt']);
  });

  it('lets a ward be an adult, with a guardianship decision', () => {
    expect(checkDependant(child({ relation: 'WARD', birthDate: '1950-01-01', document: { kind: 'GUARDIANSHIP_DECISION' } }), TODAY).problems).toEqual([]);
    expect(fields(checkDependant(child({ relation: 'WARD', birthDate: '1950-01-01' }), TODAY))).toEqual(['input.document.kind']);
  });
});

describe('checkProfileChange', () => {
  const base = { hasPassport: false, attachmentIds: ['a'] };
  it('needs something to change and scans', () => {
    expect(fields(checkProfileChange({ hasPassport: false, attachmentIds: [] }, TODAY))).toEqual(['input', 'input.attachmentIds']);
    expect(checkProfileChange({ ...base, hasPassport: true }, TODAY).problems).toEqual([]);
    expect(checkProfileChange({ ...base, lastName: ' Смирнова ' }, TODAY).value.lastName).toBe('Смирнова');
  });

  it('checks names, the birth date and the comment', () => {
    expect(fields(checkProfileChange({ ...base, firstName: 'A1', birthDate: '2999-01-01', comment: 'я'.repeat(1001) }, TODAY))).toEqual(['input.firstName', 'input.birthDate', 'input.comment']);
  });
});

describe('checkVerdict', () => {
  it('VERIFIED, or REJECTED with a reason of at most 500 characters', () => {
    expect(checkVerdict('VERIFIED', null)).toMatchObject({ verdict: 'VERIFIED', problem: null });
    expect(checkVerdict('REJECTED', '  ').problem?.field).toBe('reason');
    expect(checkVerdict('REJECTED', 'я'.repeat(501)).problem?.field).toBe('reason');
    expect(checkVerdict('PENDING', null).problem?.field).toBe('status');
    expect(checkVerdict('REJECTED', ' Нет печати ')).toMatchObject({ verdict: 'REJECTED', why: 'Нет печати' });
  });
});

it('fullName joins the parts present', () => {
  expect(fullName({ lastName: 'Иванова', firstName: 'Мария', middleName: null })).toBe('Иванова Мария');
});
