import { describe, expect, it } from 'vitest';
import { addDays, addWorkingDays, isoWeekday, localDay } from './days.js';

describe('calendar days', () => {
  it('finds the day of an instant in a time zone across UTC midnight', () => {
    const at = new Date('2026-12-01T21:30:00Z');
    expect(localDay(at, 'Europe/Moscow')).toBe('2026-12-02');
    expect(localDay(at, 'UTC')).toBe('2026-12-01');
    expect(localDay(at, 'Asia/Novosibirsk')).toBe('2026-12-02');
  });

  it('adds days over months and leap years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(isoWeekday('2026-12-06')).toBe(7); // a Sunday
  });

  it('counts working days after a day, skipping weekends and holidays', () => {
    // Wednesday 2 December 2026 + 5 working days: Thu, Fri, Mon, Tue, Wed → 9 December.
    expect(addWorkingDays('2026-12-02', 5)).toBe('2026-12-09');
    // Submitted on a Saturday: Monday is the first working day.
    expect(addWorkingDays('2026-12-05', 1)).toBe('2026-12-07');
    expect(addWorkingDays('2026-12-02', 0)).toBe('2026-12-02');
    // New Year holidays 1–8 January 2027 are skipped when given.
    const holidays = new Set(['2027-01-01', '2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08']);
    expect(addWorkingDays('2026-12-31', 1, holidays)).toBe('2027-01-11');
  });
});
