/** The rules of bookings, without a database: places, active statuses, cancel, reschedule and check-in windows. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/env.js';
import {
  ACTIVE_STATUSES,
  CAN_RESCHEDULE_DESCRIPTION,
  CHANGEABLE_STATUSES,
  CHECK_IN_EARLY_MINUTES,
  DOCUMENTED_RESCHEDULE_WINDOW_DAYS,
  MAX_RESCHEDULES,
  NO_SHOW_AFTER_MINUTES,
  RESCHEDULE_DEADLINE_HOURS,
  RESCHEDULE_DESCRIPTION,
  canCancel,
  canReschedule,
  checkInRefusal,
  daysBetween,
  noShowCutoff,
  placesOf,
  reminderDelayMs,
  reminderJobId,
  rescheduleRefusal,
  reschedulesLeft,
} from './bookings.rules.js';

const now = new Date('2030-03-01T09:00:00Z');
const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);
const minutes = (m: number) => new Date(now.getTime() + m * 60_000);

describe('bookings rules', () => {
  it('a booking takes every 15-minute place of its length', () => {
    expect(placesOf(hours(1), hours(1.5)).map((d) => d.toISOString())).toEqual([hours(1), minutes(75)].map((d) => d.toISOString()));
    expect(placesOf(hours(1), minutes(75))).toHaveLength(1);
  });

  it('active: pending, confirmed, checked in; changeable: pending and confirmed', () => {
    expect(ACTIVE_STATUSES).toEqual(['PENDING_CONFIRMATION', 'CONFIRMED', 'CHECKED_IN']);
    expect(CHANGEABLE_STATUSES).toEqual(['PENDING_CONFIRMATION', 'CONFIRMED']);
  });

  it('cancel: a pending or confirmed booking still ahead', () => {
    expect(canCancel({ status: 'CONFIRMED', startsAt: hours(1) }, now)).toBe(true);
    expect(canCancel({ status: 'PENDING_CONFIRMATION', startsAt: hours(1) }, now)).toBe(true);
    expect(canCancel({ status: 'CONFIRMED', startsAt: now }, now)).toBe(false);
    expect(canCancel({ status: 'CHECKED_IN', startsAt: hours(1) }, now)).toBe(false);
  });

  it('reschedules left: 3 at most, never below 0', () => {
    expect(MAX_RESCHEDULES).toBe(3);
    expect(reschedulesLeft(0)).toBe(3);
    expect(reschedulesLeft(3)).toBe(0);
    expect(reschedulesLeft(5)).toBe(0);
  });

  it('canReschedule: changeable, under the limit, until 24 hours before', () => {
    const b = { status: 'CONFIRMED' as const, startsAt: hours(48), rescheduleCount: 0 };
    expect(canReschedule(b, now)).toBe(true);
    expect(canReschedule({ ...b, rescheduleCount: MAX_RESCHEDULES }, now)).toBe(false);
    expect(canReschedule({ ...b, startsAt: hours(RESCHEDULE_DEADLINE_HOURS) }, now)).toBe(false);
    expect(canReschedule({ ...b, status: 'CANCELLED' }, now)).toBe(false);
  });

  it('rescheduleRefusal: NOT_ACTIVE, RESCHEDULE_LIMIT, RESCHEDULE_DEADLINE, RESCHEDULE_WINDOW, in that order', () => {
    const b = { status: 'CONFIRMED' as const, startsAt: hours(48), originalStartsAt: hours(48), rescheduleCount: 0 };
    expect(rescheduleRefusal(b, hours(72), now, 30)).toBeNull();
    expect(rescheduleRefusal({ ...b, status: 'EXPIRED' }, hours(72), now, 30)?.rule).toBe('NOT_ACTIVE');
    expect(rescheduleRefusal({ ...b, rescheduleCount: 3 }, hours(72), now, 30)?.rule).toBe('RESCHEDULE_LIMIT');
    expect(rescheduleRefusal({ ...b, startsAt: hours(23) }, hours(72), now, 30)?.rule).toBe('RESCHEDULE_DEADLINE');
    expect(rescheduleRefusal(b, hours(48 + 31 * 24), now, 30)).toMatchObject({ rule: 'RESCHEDULE_WINDOW', message: 'Новое время — в пределах 30 дней от первоначального' });
    expect(rescheduleRefusal(b, hours(48 - 30 * 24), now, 30)).toBeNull();
  });

  it('check-in: confirmed, from 60 minutes before to 15 minutes after the start', () => {
    const b = { status: 'CONFIRMED' as const, startsAt: now };
    expect(checkInRefusal({ ...b, startsAt: minutes(CHECK_IN_EARLY_MINUTES) }, now)).toBeNull();
    expect(checkInRefusal({ ...b, startsAt: minutes(-NO_SHOW_AFTER_MINUTES) }, now)).toBeNull();
    expect(checkInRefusal({ ...b, startsAt: minutes(61) }, now)?.rule).toBe('CHECK_IN_TOO_EARLY');
    expect(checkInRefusal({ ...b, startsAt: minutes(-16) }, now)?.rule).toBe('CHECK_IN_TOO_LATE');
    expect(checkInRefusal({ ...b, status: 'CHECKED_IN' }, now)?.rule).toBe('ALREADY_CHECKED_IN');
    expect(checkInRefusal({ ...b, status: 'PENDING_CONFIRMATION' }, now)?.rule).toBe('NOT_CONFIRMED');
    expect(noShowCutoff(now)).toEqual(minutes(-NO_SHOW_AFTER_MINUTES));
  });

  it('the reminder: 24 hours before, none for a sooner visit, one job per visit time', () => {
    expect(reminderDelayMs(hours(25), now)).toBe(3_600_000);
    expect(reminderDelayMs(hours(24), now)).toBeNull();
    expect(reminderJobId({ id: 'b1', startsAt: hours(25) })).toBe(`remind-b1-${hours(25).getTime()}`);
  });

  it('days between local dates', () => {
    expect(daysBetween('2030-01-01', '2030-02-01')).toBe(31);
  });

  it('the schema states the same numbers, and the documented window is the configured default', () => {
    expect(RESCHEDULE_DESCRIPTION).toBe('Moves the booking: 3 times at most, until 24 hours before the visit, within 30 days of the original time.');
    expect(CAN_RESCHEDULE_DESCRIPTION).toBe('Whether the rules allow a reschedule now (3 at most, until 24 hours before).');
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://x@127.0.0.1/x', REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(config.BOOKING_HORIZON_DAYS).toBe(DOCUMENTED_RESCHEDULE_WINDOW_DAYS);
  });
});
