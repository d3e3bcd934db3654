/** The rules of the queue, without a database: ticket numbers, priorities, load levels, wait estimates, limits. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HISTORY_HOURS,
  MAX_ALERT_WAITING,
  PRIORITY_BOOKED,
  PRIORITY_WALK_IN,
  TICKETS_SHOWN_HOURS,
  estimateWaitMinutes,
  historySpan,
  isValidAlertThreshold,
  isWindowOf,
  loadLevel,
  ticketNumber,
} from './queue.rules.js';

describe('queue rules', () => {
  it('ticket numbers: A001 … A999, then B001, wrapping after Z', () => {
    expect(ticketNumber(1)).toBe('A001');
    expect(ticketNumber(42)).toBe('A042');
    expect(ticketNumber(999)).toBe('A999');
    expect(ticketNumber(1000)).toBe('B001');
    expect(ticketNumber(26 * 999 + 1)).toBe('A001');
  });

  it('booked visitors are called before walk-ins (lower priority first)', () => {
    expect(PRIORITY_BOOKED).toBeLessThan(PRIORITY_WALK_IN);
  });

  it('load level by people waiting per open window', () => {
    const t = { mediumPerWindow: 3, highPerWindow: 6 };
    expect(loadLevel(0, 0, t)).toBe('LOW');
    expect(loadLevel(1, 0, t)).toBe('HIGH');
    expect(loadLevel(6, 2, t)).toBe('LOW');
    expect(loadLevel(7, 2, t)).toBe('MEDIUM');
    expect(loadLevel(12, 2, t)).toBe('MEDIUM');
    expect(loadLevel(13, 2, t)).toBe('HIGH');
  });

  it('wait estimate: rounds of the open windows times the service minutes (one window when none is open)', () => {
    expect(estimateWaitMinutes(1, 2, 10)).toBe(10);
    expect(estimateWaitMinutes(3, 2, 10)).toBe(20);
    expect(estimateWaitMinutes(3, 0, 10)).toBe(30);
    expect(estimateWaitMinutes(1, 1, 7.5)).toBe(8);
  });

  it('history: between 1 hour and the kept history, 24 hours by default', () => {
    expect(DEFAULT_HISTORY_HOURS).toBe(24);
    expect(historySpan(0, 24)).toBe(1);
    expect(historySpan(48, 24)).toBe(24);
    expect(historySpan(5, 24)).toBe(5);
  });

  it('windows are numbered from 1 to the branch\'s count', () => {
    expect(isWindowOf(3, 1)).toBe(true);
    expect(isWindowOf(3, 3)).toBe(true);
    expect(isWindowOf(3, 0)).toBe(false);
    expect(isWindowOf(3, 4)).toBe(false);
    expect(isWindowOf(3, 1.5)).toBe(false);
  });

  it('alerts wait for 0 to 1000 people; tickets of the last 24 hours are shown', () => {
    expect(isValidAlertThreshold(0)).toBe(true);
    expect(isValidAlertThreshold(MAX_ALERT_WAITING)).toBe(true);
    expect(isValidAlertThreshold(MAX_ALERT_WAITING + 1)).toBe(false);
    expect(isValidAlertThreshold(-1)).toBe(false);
    expect(TICKETS_SHOWN_HOURS).toBe(24);
  });
});
