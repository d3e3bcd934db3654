/**
 * The rules of bookings and their numbers, stated once (DOMAIN.md, Bookings), pure: no clock, no
 * database. Places are 15-minute slots; a booking is active while pending, confirmed or checked in;
 * it may be cancelled while pending or confirmed and still ahead; moved at most MAX_RESCHEDULES
 * times, until RESCHEDULE_DEADLINE_HOURS before the visit, within the booking horizon
 * (BOOKING_HORIZON_DAYS) of the original time; checked in from CHECK_IN_EARLY_MINUTES before the
 * visit to NO_SHOW_AFTER_MINUTES after its start. The services, the resolvers and the schema's
 * descriptions all read these.
 */
import type { BookingStatus } from './bookings.repository.js';

/** One place of the schedule; a service takes whole places. */
export const SLOT_MINUTES = 15;

export const MAX_RESCHEDULES = 3;
export const RESCHEDULE_DEADLINE_HOURS = 24;
/**
 * The reschedule window the schema's description states: BOOKING_HORIZON_DAYS's default
 * (src/config/env.ts; the unit test holds them equal). The rule itself takes the configured value.
 */
export const DOCUMENTED_RESCHEDULE_WINDOW_DAYS = 30;

/** Check-in opens this long before the visit and closes this long after its start (then NO_SHOW). */
export const CHECK_IN_EARLY_MINUTES = 60;
export const NO_SHOW_AFTER_MINUTES = 15;

/** The reminder goes this long before the visit. */
export const REMINDER_HOURS_BEFORE = 24;

/** The event note of a booking the branch cancelled (a change of hours or an exception); never the citizen's doing. */
export const BRANCH_CANCELLATION_NOTE = 'Отменена отделением';

/** A freed place is offered to at most this many watchers (passing over those who cannot take it). */
export const MAX_HANDOFF_CANDIDATES = 20;

/** availableSlots / availableDates answer at most this many days a request. */
export const MAX_RANGE_DAYS = 31;
export const MAX_PURPOSE_LENGTH = 500;
export const MAX_CANCEL_REASON_LENGTH = 500;
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;
export const MIN_CAPACITY = 1;
export const MAX_CAPACITY = 50;

/** Bookings that hold a place and count against BOOKING_MAX_ACTIVE. */
export const ACTIVE_STATUSES: BookingStatus[] = ['PENDING_CONFIRMATION', 'CONFIRMED', 'CHECKED_IN'];
/** Bookings their holder may still cancel or move. */
export const CHANGEABLE_STATUSES: BookingStatus[] = ['PENDING_CONFIRMATION', 'CONFIRMED'];

export const isChangeable = (status: BookingStatus): boolean => CHANGEABLE_STATUSES.includes(status);

/** A rule that refuses: the contract's `rule` extension and the message. */
export interface Refusal {
  rule: string;
  message: string;
}

interface Visit {
  status: BookingStatus;
  startsAt: Date;
}

/** The 15-minute starts a booking occupies. */
export function placesOf(startsAt: Date, endsAt: Date): Date[] {
  const out: Date[] = [];
  for (let t = startsAt.getTime(); t < endsAt.getTime(); t += SLOT_MINUTES * 60_000) out.push(new Date(t));
  return out;
}

export function canCancel(b: Visit, now: Date): boolean {
  return isChangeable(b.status) && b.startsAt > now;
}

export function reschedulesLeft(rescheduleCount: number): number {
  return Math.max(0, MAX_RESCHEDULES - rescheduleCount);
}

/** Whether a reschedule is allowed now, whatever the new time (MAX_RESCHEDULES, RESCHEDULE_DEADLINE_HOURS). */
export function canReschedule(b: Visit & { rescheduleCount: number }, now: Date): boolean {
  return isChangeable(b.status) && b.rescheduleCount < MAX_RESCHEDULES && now.getTime() < b.startsAt.getTime() - RESCHEDULE_DEADLINE_HOURS * 3_600_000;
}

/** Why the booking may not move to `startsAt` now (null: it may), checked in the contract's order. */
export function rescheduleRefusal(b: Visit & { rescheduleCount: number; originalStartsAt: Date }, startsAt: Date, now: Date, windowDays: number): Refusal | null {
  if (!isChangeable(b.status)) return { rule: 'NOT_ACTIVE', message: `Запись в статусе ${b.status} перенести нельзя` };
  if (b.rescheduleCount >= MAX_RESCHEDULES) return { rule: 'RESCHEDULE_LIMIT', message: `Запись можно перенести не больше ${MAX_RESCHEDULES} раз` };
  if (b.startsAt.getTime() - now.getTime() < RESCHEDULE_DEADLINE_HOURS * 3_600_000) {
    return { rule: 'RESCHEDULE_DEADLINE', message: `Перенести запись можно не позже чем за ${RESCHEDULE_DEADLINE_HOURS} часа до визита` };
  }
  if (Math.abs(startsAt.getTime() - b.originalStartsAt.getTime()) > windowDays * 86_400_000) {
    return { rule: 'RESCHEDULE_WINDOW', message: `Новое время — в пределах ${windowDays} дней от первоначального` };
  }
  return null;
}

/** Why the booking may not be checked in now (null: it may). */
export function checkInRefusal(b: Visit, now: Date): Refusal | null {
  if (b.status === 'CHECKED_IN') return { rule: 'ALREADY_CHECKED_IN', message: 'По этой записи уже выдан талон' };
  if (b.status !== 'CONFIRMED') return { rule: 'NOT_CONFIRMED', message: `Запись в статусе ${b.status}: отметиться нельзя` };
  if (now.getTime() < b.startsAt.getTime() - CHECK_IN_EARLY_MINUTES * 60_000) {
    return { rule: 'CHECK_IN_TOO_EARLY', message: `Отметиться можно не раньше чем за ${CHECK_IN_EARLY_MINUTES} минут до визита` };
  }
  if (now.getTime() > b.startsAt.getTime() + NO_SHOW_AFTER_MINUTES * 60_000) return { rule: 'CHECK_IN_TOO_LATE', message: 'Время визита прошло' };
  return null;
}

/** Confirmed visits that started before this moment without a check-in are NO_SHOW. */
export function noShowCutoff(now: Date): Date {
  return new Date(now.getTime() - NO_SHOW_AFTER_MINUTES * 60_000);
}

/** Delay of the reminder job; null when the visit is sooner than REMINDER_HOURS_BEFORE. */
export function reminderDelayMs(startsAt: Date, now: Date): number | null {
  const delayMs = startsAt.getTime() - REMINDER_HOURS_BEFORE * 3_600_000 - now.getTime();
  return delayMs > 0 ? delayMs : null;
}

/** One reminder job per booking and visit time: a moved visit gets a new one. */
export const reminderJobId = (b: { id: string; startsAt: Date }): string => `remind-${b.id}-${b.startsAt.getTime()}`;

/** Days between two local dates (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  const [fy = 0, fm = 1, fd = 1] = from.split('-').map(Number);
  const [ty = 0, tm = 1, td = 1] = to.split('-').map(Number);
  return (Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / 86_400_000;
}

/** Descriptions of the schema, built from the same numbers. */
export const RESCHEDULE_DESCRIPTION = `Moves the booking: ${MAX_RESCHEDULES} times at most, until ${RESCHEDULE_DEADLINE_HOURS} hours before the visit, within ${DOCUMENTED_RESCHEDULE_WINDOW_DAYS} days of the original time.`;
export const CAN_RESCHEDULE_DESCRIPTION = `Whether the rules allow a reschedule now (${MAX_RESCHEDULES} at most, until ${RESCHEDULE_DEADLINE_HOURS} hours before).`;
