/** The second round's queue rules, without a database: caps, the day's closing, forecast hours, ranking. */
import { describe, expect, it } from 'vitest';
import { openStretches } from '../branches/index.js';
import { localDay, localMinute, zonedInstant } from '../../shared/days.js';
import { boardSize, closingMinute, hourOfWeek, isValidTicketAlert, MAX_TICKET_ALERT_AHEAD, minutesUntilServed, openingHours, ticketCapBreach } from './queue.rules.js';

const WEEK = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00:00', closes: '18:00:00', breakStart: '13:00:00', breakEnd: '13:45:00' }));

describe('caps on active tickets', () => {
  const limits = { perBranch: 1, total: 3 };
  it('one at a branch, three in all', () => {
    expect(ticketCapBreach({ atBranch: 0, total: 0 }, limits)).toBeNull();
    expect(ticketCapBreach({ atBranch: 0, total: 2 }, limits)).toBeNull();
    expect(ticketCapBreach({ atBranch: 1, total: 1 }, limits)).toBe('ACTIVE_TICKET_AT_BRANCH');
    expect(ticketCapBreach({ atBranch: 0, total: 3 }, limits)).toBe('ACTIVE_TICKETS_TOTAL');
  });
  it('alert thresholds and board sizes stay within their bounds', () => {
    expect([0, 5, MAX_TICKET_ALERT_AHEAD].every(isValidTicketAlert)).toBe(true);
    expect([-1, 1.5, MAX_TICKET_ALERT_AHEAD + 1].some(isValidTicketAlert)).toBe(false);
    expect([boardSize(null, 50), boardSize(0, 50), boardSize(500, 50)]).toEqual([10, 1, 50]);
  });
});

describe('the day of a branch', () => {
  it('a weekday closes at the end of its last stretch; an exception replaces it; Sunday is closed', () => {
    const wednesday = openStretches('2027-01-13', 3, WEEK, []);
    expect(wednesday).toEqual([
      [540, 780],
      [825, 1080],
    ]);
    expect(closingMinute(wednesday)).toBe(1080);
    expect(closingMinute(openStretches('2027-01-13', 3, WEEK, [{ date: '2027-01-13', closed: false, opens: '10:00:00', closes: '15:00:00' }]))).toBe(900);
    expect(closingMinute(openStretches('2027-01-13', 3, WEEK, [{ date: '2027-01-13', closed: true }]))).toBeNull();
    expect(closingMinute(openStretches('2027-01-17', 7, WEEK, []))).toBeNull();
  });

  it('local closing time in Novosibirsk (UTC+7) and Kaliningrad (UTC+2), no DST', () => {
    expect(zonedInstant('2027-01-13', 1080, 'Asia/Novosibirsk').toISOString()).toBe('2027-01-13T11:00:00.000Z');
    expect(zonedInstant('2027-07-13', 1080, 'Europe/Kaliningrad').toISOString()).toBe('2027-07-13T16:00:00.000Z');
    expect(zonedInstant('2027-01-14', 0, 'Europe/Moscow').toISOString()).toBe('2027-01-13T21:00:00.000Z');
    const at = new Date('2027-01-13T17:30:00Z'); // already Thursday 00:30 in Novosibirsk
    expect([localDay(at, 'Asia/Novosibirsk'), localMinute(at, 'Asia/Novosibirsk')]).toEqual(['2027-01-14', 30]);
  });
});

describe('forecast hours and ranking', () => {
  it('opening hours a day touches, and their hour of week', () => {
    expect(openingHours(openStretches('2027-01-13', 3, WEEK, []))).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect(openingHours([[600, 630]])).toEqual([10]);
    expect([hourOfWeek(1, 0), hourOfWeek(3, 9), hourOfWeek(7, 23)]).toEqual([0, 57, 167]);
  });
  it('the sooner of a walk-in now and the next free place; neither: null', () => {
    expect(minutesUntilServed(40, 90)).toBe(40);
    expect(minutesUntilServed(null, 90)).toBe(90);
    expect(minutesUntilServed(120, 15)).toBe(15);
    expect(minutesUntilServed(null, null)).toBeNull();
  });
});
