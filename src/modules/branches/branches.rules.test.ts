/** The rules of branches, without a database: default hours, validation, page sizes, exception ranges. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HOURS,
  EXCEPTIONS_DEFAULT_DAYS,
  MAX_PAGE_SIZE,
  exceptionsRange,
  isHhmm,
  isTimeZone,
  pageSize,
  validateBranch,
  validateException,
  validateHours,
  validateSearch,
  type BranchInputData,
} from './branches.rules.js';

const branch = (over: Partial<BranchInputData> = {}): BranchInputData => ({
  name: 'МФЦ',
  regionCode: '77',
  locality: 'Москва',
  address: 'ул. Тверская, 1',
  location: { lat: 55.75, lon: 37.61 },
  timezone: 'Europe/Moscow',
  windows: 5,
  ...over,
});

describe('branches rules', () => {
  it('default hours: Mon-Fri 09:00-18:00, Sat 10:00-15:00, Sunday closed', () => {
    expect(DEFAULT_HOURS.map((h) => h.weekday)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(DEFAULT_HOURS[0]).toEqual({ weekday: 1, opens: '09:00', closes: '18:00' });
    expect(DEFAULT_HOURS[5]).toEqual({ weekday: 6, opens: '10:00', closes: '15:00' });
    expect(validateHours(DEFAULT_HOURS, 'h')).toEqual([]);
  });

  it('times are HH:MM, time zones IANA', () => {
    expect(isHhmm('09:30')).toBe(true);
    expect(isHhmm('24:00')).toBe(false);
    expect(isTimeZone('Europe/Moscow')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Base')).toBe(false);
  });

  it('weekly hours: weekday range, duplicates, order, breaks inside the day', () => {
    const fields = (hours: Parameters<typeof validateHours>[0]) => validateHours(hours, 'hours').map((p) => p.field);
    expect(fields([{ weekday: 8, opens: '09:00', closes: '18:00' }])).toEqual(['hours.0.weekday']);
    expect(fields([{ weekday: 1, opens: '09:00', closes: '18:00' }, { weekday: 1, opens: '09:00', closes: '18:00' }])).toEqual(['hours.1.weekday']);
    expect(fields([{ weekday: 1, opens: '18:00', closes: '09:00' }])).toEqual(['hours.0.closes']);
    expect(fields([{ weekday: 1, opens: '09:00', closes: '18:00', breakStart: '13:00' }])).toEqual(['hours.0.breakEnd']);
    expect(fields([{ weekday: 1, opens: '09:00', closes: '18:00', breakStart: '19:00', breakEnd: '20:00' }])).toEqual(['hours.0.breakStart']);
  });

  it('an open exception needs both times in order; a closed one needs none', () => {
    expect(validateException({ date: '2030-01-01', closed: true })).toEqual([]);
    expect(validateException({ date: '2030-01-01', closed: false }).map((p) => p.field)).toEqual(['input.opens', 'input.closes']);
    expect(validateException({ date: '2030-01-01', closed: false, opens: '12:00', closes: '10:00' }).map((p) => p.field)).toEqual(['input.closes']);
  });

  it('a branch: required fields, region code, coordinates, time zone, 1..200 windows', () => {
    expect(validateBranch(branch())).toEqual([]);
    expect(validateBranch(branch({ name: ' ' })).map((p) => p.field)).toEqual(['input.name']);
    expect(validateBranch(branch({ regionCode: 'too-long-code' })).map((p) => p.field)).toEqual(['input.regionCode']);
    expect(validateBranch(branch({ location: { lat: 91, lon: 0 } })).map((p) => p.field)).toEqual(['input.location']);
    expect(validateBranch(branch({ timezone: 'Moscow' })).map((p) => p.field)).toEqual(['input.timezone']);
    expect(validateBranch(branch({ windows: 0 })).map((p) => p.field)).toEqual(['input.windows']);
    expect(validateBranch(branch({ windows: 201 })).map((p) => p.message)).toEqual(['От 1 до 200 окон']);
  });

  it('search: coordinates in range, radius only with a point, DISTANCE needs a point', () => {
    expect(validateSearch({ near: { lat: 100, lon: 0 } }, 'NAME').map((p) => p.field)).toEqual(['filter.near']);
    expect(validateSearch({ radiusKm: 5 }, null).map((p) => p.field)).toEqual(['filter.radiusKm']);
    expect(validateSearch(null, 'DISTANCE').map((p) => p.field)).toEqual(['orderBy']);
    expect(validateSearch({ near: { lat: 55, lon: 37 }, radiusKm: 5 }, 'DISTANCE')).toEqual([]);
  });

  it('pages: 20 by default, between 1 and 100', () => {
    expect(pageSize(null)).toBe(20);
    expect(pageSize(0)).toBe(1);
    expect(pageSize(1000)).toBe(MAX_PAGE_SIZE);
  });

  it('exceptions: from today to the next 30 days unless given', () => {
    const now = new Date('2030-01-10T12:00:00Z');
    expect(EXCEPTIONS_DEFAULT_DAYS).toBe(30);
    expect(exceptionsRange(now, null, null)).toEqual({ from: '2030-01-10', to: '2030-02-09' });
    expect(exceptionsRange(now, '2030-03-01', '2030-03-05')).toEqual({ from: '2030-03-01', to: '2030-03-05' });
  });
});
