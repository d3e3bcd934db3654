/**
 * Appointment slot generation (DOMAIN.md, Bookings): 15-minute slots inside a branch's working
 * hours, outside breaks and dated exceptions, from a lead time ahead (1 hour) to a horizon
 * (30 days), in the branch's IANA time zone. A service longer than one slot starts only where
 * its whole length fits in one stretch of opening (never across a break or closing time).
 * Pure: no clock, no database — the caller passes `now` and the branch's schedule.
 */
import { addDays, isoWeekday } from '../../shared/days.js';

export interface DayHours {
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Local "HH:MM" (seconds, if any, are ignored). */
  opens: string;
  closes: string;
  breakStart?: string | null;
  breakEnd?: string | null;
}

export interface DayException {
  /** Local date YYYY-MM-DD. */
  date: string;
  closed: boolean;
  opens?: string | null;
  closes?: string | null;
}

export interface SlotRules {
  timezone: string;
  hours: readonly DayHours[];
  exceptions: readonly DayException[];
  now: Date;
  /** Length of the service, a multiple of slotMinutes. */
  durationMinutes: number;
  slotMinutes?: number;
  leadMinutes?: number;
  horizonDays?: number;
  /** Local dates to cover (inclusive); default: today to the horizon. */
  fromDate?: string;
  toDate?: string;
}

export interface GeneratedSlot {
  startsAt: Date;
  endsAt: Date;
  /** Local date and time of the start, for display and grouping. */
  localDate: string;
  localTime: string;
}

const minutes = (hhmm: string): number => {
  const [h = '0', m = '0'] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
};

const hhmm = (total: number): string => `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock parts of an instant in a time zone (formatters are costly to build: one per zone). */
function localParts(at: Date, timezone: string): { date: string; weekday: number; minute: number } {
  let format = formatters.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    });
    formatters.set(timezone, format);
  }
  const parts = format.formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1;
  return { date: `${get('year')}-${get('month')}-${get('day')}`, weekday, minute: Number(get('hour')) * 60 + Number(get('minute')) };
}

/** Offset of the zone from UTC at an instant, in minutes (positive east of Greenwich). */
function offsetMinutes(at: Date, timezone: string): number {
  const p = localParts(at, timezone);
  const [y = 0, m = 1, d = 1] = p.date.split('-').map(Number);
  const asUtc = Date.UTC(y, m - 1, d, Math.floor(p.minute / 60), p.minute % 60);
  return Math.round((asUtc - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * The instant of a local wall time. Two passes settle the offset around a change of it; a wall
 * time that does not exist (a DST gap) yields null, so no slot is offered there.
 */
export function zonedTime(date: string, minute: number, timezone: string): Date | null {
  const key = `${timezone}|${date}|${minute}`;
  let at = zoned.get(key);
  if (at === undefined) {
    if (zoned.size >= ZONED_MAX) zoned.clear();
    zoned.set(key, (at = computeZonedTime(date, minute, timezone)));
  }
  return at === null ? null : new Date(at);
}

/**
 * Local wall times already turned into instants: a pure function of the time zone's rules, so it
 * never goes stale (the schedule itself is not in the key). Without it every booking and every
 * slot list formatted each candidate slot of the day three times (most of a booking's own CPU).
 */
const zoned = new Map<string, number | null>();
const ZONED_MAX = 200_000;

function computeZonedTime(date: string, minute: number, timezone: string): number | null {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d, Math.floor(minute / 60), minute % 60);
  let guess = wall - offsetMinutes(new Date(wall), timezone) * 60_000;
  guess = wall - offsetMinutes(new Date(guess), timezone) * 60_000;
  const back = localParts(new Date(guess), timezone);
  return back.date === date && back.minute === minute ? guess : null;
}


/** Stretches of opening of one local day, in minutes since midnight: exception first, then the week. */
export function openStretches(date: string, hours: readonly DayHours[], exceptions: readonly DayException[]): Array<[number, number]> {
  const exception = exceptions.find((e) => e.date === date);
  if (exception) {
    if (exception.closed || !exception.opens || !exception.closes) return [];
    return [[minutes(exception.opens), minutes(exception.closes)]];
  }
  const weekday = isoWeekday(date);
  const day = hours.find((h) => h.weekday === weekday);
  if (!day) return [];
  const [open, close] = [minutes(day.opens), minutes(day.closes)];
  if (day.breakStart && day.breakEnd) {
    return [
      [open, minutes(day.breakStart)],
      [minutes(day.breakEnd), close],
    ].filter(([a, b]) => (a ?? 0) < (b ?? 0)) as Array<[number, number]>;
  }
  return open < close ? [[open, close]] : [];
}

/** The step and the bookable window (epoch ms) of the rules; a duration that is not whole steps is refused. */
function bookableWindow(rules: SlotRules): { step: number; earliest: number; latest: number } {
  const step = rules.slotMinutes ?? 15;
  if (rules.durationMinutes <= 0 || rules.durationMinutes % step !== 0) throw new Error(`duration ${rules.durationMinutes} is not a multiple of ${step} minutes`);
  return { step, earliest: rules.now.getTime() + (rules.leadMinutes ?? 60) * 60_000, latest: rules.now.getTime() + (rules.horizonDays ?? 30) * 86_400_000 };
}

export function generateSlots(rules: SlotRules): GeneratedSlot[] {
  const { step, earliest, latest } = bookableWindow(rules);
  const today = localParts(rules.now, rules.timezone).date;
  const lastDay = localParts(new Date(latest), rules.timezone).date;
  const from = rules.fromDate && rules.fromDate > today ? rules.fromDate : today;
  const to = rules.toDate && rules.toDate < lastDay ? rules.toDate : lastDay;

  const slots: GeneratedSlot[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    for (const [open, close] of openStretches(date, rules.hours, rules.exceptions)) {
      for (let start = open; start + rules.durationMinutes <= close; start += step) {
        const startsAt = zonedTime(date, start, rules.timezone);
        if (!startsAt || startsAt.getTime() < earliest || startsAt.getTime() > latest) continue;
        slots.push({ startsAt, endsAt: new Date(startsAt.getTime() + rules.durationMinutes * 60_000), localDate: date, localTime: hhmm(start) });
      }
    }
  }
  return slots;
}

/**
 * The slot `generateSlots` would list starting exactly at `startsAt` (its own local day), or null,
 * without listing the day: one time-zone conversion instead of one per slot of the day (a
 * booking checks its one slot; slots.test.ts holds it to generateSlots instant by instant).
 */
export function slotStartingAt(rules: SlotRules, startsAt: Date): GeneratedSlot | null {
  const { step, earliest, latest } = bookableWindow(rules);
  const at = startsAt.getTime();
  if (at < earliest || at > latest) return null;
  const { date, minute } = localParts(startsAt, rules.timezone);
  if ((rules.fromDate && date < rules.fromDate) || (rules.toDate && date > rules.toDate)) return null;
  const fits = openStretches(date, rules.hours, rules.exceptions).some(([open, close]) => minute >= open && minute + rules.durationMinutes <= close && (minute - open) % step === 0);
  // The instant the day's list would give that wall time (not the other one of an hour that repeats, nor a second past it).
  if (!fits || zonedTime(date, minute, rules.timezone)?.getTime() !== at) return null;
  return { startsAt: new Date(at), endsAt: new Date(at + rules.durationMinutes * 60_000), localDate: date, localTime: hhmm(minute) };
}

/**
 * Whether a visit from `startsAt` to `endsAt` still lies inside one stretch of opening of its
 * local day under the given schedule (a changed week or a new exception may close it). A visit
 * that runs past midnight or falls in a stretch no longer open does not fit.
 */
export function fitsSchedule(visit: { startsAt: Date; endsAt: Date }, timezone: string, hours: readonly DayHours[], exceptions: readonly DayException[]): boolean {
  const start = localParts(visit.startsAt, timezone);
  const lengthMinutes = Math.round((visit.endsAt.getTime() - visit.startsAt.getTime()) / 60_000);
  const end = start.minute + lengthMinutes;
  return openStretches(start.date, hours, exceptions).some(([open, close]) => open <= start.minute && end <= close);
}
