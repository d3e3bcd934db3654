import { describe, expect, it } from 'vitest';
import { checkCategory, feeOf, fromKopecks, pageLimit, searchTerms, serviceProblems, serviceValues, toKopecks, toTsQuery, type ServiceInputData } from './catalog.rules.js';

const service: ServiceInputData = {
  code: 'passport-rf',
  title: ' Паспорт ',
  description: 'Выдача паспорта',
  categoryId: '00000000-0000-4000-8000-000000000001',
  kind: 'DOCUMENT_ISSUE',
  requiredDocuments: [{ title: ' Квитанция ', description: ' ', optional: false }],
  processingDays: 10,
  feeAmount: '300',
  availableOnline: true,
  requiresAppointment: true,
  minTrustLevel: 'STANDARD',
  appointmentMinutes: 30,
  applicationForm: null,
};

describe('catalog search', () => {
  it('turns words into a to_tsquery: all must match, the last as a prefix, only letters and digits', () => {
    expect(toTsQuery('Замена паспорта')).toBe('замена & паспорта:*');
    expect(toTsQuery("паспорт'); drop")).toBe('паспорт & drop:*');
    expect(toTsQuery(' !? ')).toBeNull();
  });

  it('matches inputs of up to 3 characters as title prefixes too', () => {
    expect(searchTerms('па')).toEqual({ tsquery: 'па:*', titlePrefix: 'па' });
    expect(searchTerms('паспорт')).toEqual({ tsquery: 'паспорт:*', titlePrefix: null });
    expect(searchTerms('  ')).toEqual({ tsquery: null, titlePrefix: null });
    expect(searchTerms(null)).toEqual({ tsquery: null, titlePrefix: null });
  });

  it('pages 20 services by default, 1 to 100', () => {
    expect(pageLimit(undefined)).toBe(20);
    expect(pageLimit(0)).toBe(1);
    expect(pageLimit(500)).toBe(100);
  });
});

describe('catalog fees', () => {
  it('counts in kopecks, both ways', () => {
    expect(toKopecks('3500')).toBe(350000n);
    expect(toKopecks('12.5')).toBe(1250n);
    expect(fromKopecks(1205n)).toBe('12.05');
  });

  it('takes the online discount off, rounding half a kopeck up; free services have no fee', () => {
    expect(feeOf('3500.00', 30)).toEqual({ amount: '3500.00', onlineAmount: '2450.00' });
    expect(feeOf('0.05', 30)).toEqual({ amount: '0.05', onlineAmount: '0.04' });
    expect(feeOf(null, 30)).toBeNull();
  });
});

describe('catalog edits', () => {
  it('a category has a Latin slug (lower-cased) and a title', () => {
    expect(checkCategory({ slug: ' Passports ', title: ' Паспорта ' })).toEqual({ value: { slug: 'passports', title: 'Паспорта' }, problems: [] });
    expect(checkCategory({ slug: 'паспорта', title: ' ' }).problems.map((p) => p.field)).toEqual(['slug', 'title']);
  });

  it('a valid service has no problems and is stored trimmed, with the fee in kopecks', () => {
    expect(serviceProblems(service)).toEqual([]);
    expect(serviceValues(service)).toMatchObject({ title: 'Паспорт', feeAmount: '300.00', requiredDocuments: [{ kind: null, title: 'Квитанция', description: null, optional: false }], applicationForm: null });
  });

  it('reports every problem of a service at once, field by field', () => {
    const problems = serviceProblems({
      ...service,
      code: 'X',
      title: '',
      categoryId: 'nope',
      processingDays: 400,
      feeAmount: '3,50',
      appointmentMinutes: 20,
      requiredDocuments: [{ title: '', optional: true }],
      applicationForm: { type: 'array' },
    });
    expect(problems.map((p) => p.field)).toEqual(['code', 'title', 'categoryId', 'processingDays', 'feeAmount', 'appointmentMinutes', 'requiredDocuments.0.title', 'applicationForm']);
  });
});
