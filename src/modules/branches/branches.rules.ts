/**
 * The rules of branches and their numbers, pure (no clock, no database): default weekly hours,
 * what valid hours, exceptions and branches look like, page sizes and the default span of
 * exceptions shown. The service and the resolvers use these; the unit tests state them.
 */
import type { FieldProblem } from '../../shared/errors.js';
import { stripBidiControls } from '../../shared/bidi.js';

export interface HoursInput {
  weekday: number;
  opens: string;
  closes: string;
  breakStart?: string | null;
  breakEnd?: string | null;
}

export interface BranchInputData {
  name: string;
  regionCode: string;
  regionName?: string | null;
  locality: string;
  address: string;
  location: { lat: number; lon: number };
  timezone: string;
  phone?: string | null;
  windows: number;
  workingHours?: HoursInput[] | null;
}

export interface ExceptionInput {
  date: string;
  closed: boolean;
  opens?: string | null;
  closes?: string | null;
  note?: string | null;
}

/** DOMAIN.md: Mon-Fri 09:00-18:00, Sat 10:00-15:00, Sun closed. */
export const DEFAULT_HOURS: HoursInput[] = [
  ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '18:00' })),
  { weekday: 6, opens: '10:00', closes: '15:00' },
];

/** Service windows (desks) a branch may have. */
export const MIN_WINDOWS = 1;
export const MAX_WINDOWS = 200;

/** Branch pages: 20 by default, 100 at most. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Branch.exceptions without `to`: this many days from the request's day. */
export const EXCEPTIONS_DEFAULT_DAYS = 30;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const REGION_CODE = /^[0-9A-Za-z-]{1,10}$/;

export const isHhmm = (v: string): boolean => HHMM.test(v);

/** The page size asked for, within 1..MAX_PAGE_SIZE. */
export function pageSize(first: number | null | undefined): number {
  return Math.min(Math.max(first ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
}

/** The local days Branch.exceptions covers: from (default today) to `to` (default EXCEPTIONS_DEFAULT_DAYS ahead). */
export function exceptionsRange(now: Date, from: string | null, to: string | null): { from: string; to: string } {
  const today = now.toISOString().slice(0, 10);
  return { from: from ?? today, to: to ?? new Date(now.getTime() + EXCEPTIONS_DEFAULT_DAYS * 86_400_000).toISOString().slice(0, 10) };
}

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz.includes('/') || tz === 'UTC';
  } catch {
    return false;
  }
}

/** Checks weekly hours; problems are reported under `field`.N.name. */
export function validateHours(hours: HoursInput[], field: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<number>();
  hours.forEach((h, i) => {
    const at = `${field}.${i}`;
    if (!Number.isInteger(h.weekday) || h.weekday < 1 || h.weekday > 7) problems.push({ field: `${at}.weekday`, message: 'День недели от 1 (пн) до 7 (вс)' });
    else if (seen.has(h.weekday)) problems.push({ field: `${at}.weekday`, message: 'День недели указан дважды' });
    seen.add(h.weekday);
    for (const k of ['opens', 'closes', 'breakStart', 'breakEnd'] as const) {
      const v = h[k];
      if (v != null && !HHMM.test(v)) problems.push({ field: `${at}.${k}`, message: 'Время в формате ЧЧ:ММ' });
    }
    if (HHMM.test(h.opens) && HHMM.test(h.closes) && h.opens >= h.closes) problems.push({ field: `${at}.closes`, message: 'Закрытие позже открытия' });
    if ((h.breakStart == null) !== (h.breakEnd == null)) problems.push({ field: `${at}.breakEnd`, message: 'Укажите начало и конец перерыва' });
    else if (h.breakStart && h.breakEnd && !(h.opens < h.breakStart && h.breakStart < h.breakEnd && h.breakEnd < h.closes)) {
      problems.push({ field: `${at}.breakStart`, message: 'Перерыв — внутри рабочего времени' });
    }
  });
  return problems;
}

/** An exception that opens the branch needs both times, opening before closing. */
export function validateException(input: ExceptionInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.closed) return problems;
  if (!input.opens || !HHMM.test(input.opens)) problems.push({ field: 'input.opens', message: 'Время открытия ЧЧ:ММ' });
  if (!input.closes || !HHMM.test(input.closes)) problems.push({ field: 'input.closes', message: 'Время закрытия ЧЧ:ММ' });
  if (input.opens && input.closes && input.opens >= input.closes) problems.push({ field: 'input.closes', message: 'Закрытие позже открытия' });
  return problems;
}

/** Problems of a branch's search filter and order (coordinates, radius with a point, DISTANCE with a point). */
export function validateSearch(
  filter: { near?: { lat: number; lon: number } | null; radiusKm?: number | null } | null | undefined,
  orderBy: 'NAME' | 'DISTANCE' | 'LOAD' | null | undefined,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const near = filter?.near ?? null;
  if (near && (Math.abs(near.lat) > 90 || Math.abs(near.lon) > 180)) problems.push({ field: 'filter.near', message: 'Координаты вне диапазона' });
  if (filter?.radiusKm != null && (!near || filter.radiusKm <= 0)) problems.push({ field: 'filter.radiusKm', message: 'Радиус — положительное число вместе с near' });
  if (orderBy === 'DISTANCE' && !near) problems.push({ field: 'orderBy', message: 'Сортировка по расстоянию требует filter.near' });
  return problems;
}

/** Problems of a branch's fields (and its hours, when given). */
export function validateBranch(input: BranchInputData): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of ['name', 'regionCode', 'locality', 'address'] as const) if (!stripBidiControls(input[field]).trim()) problems.push({ field: `input.${field}`, message: 'Поле обязательно' });
  if (!REGION_CODE.test(input.regionCode.trim())) problems.push({ field: 'input.regionCode', message: 'Код региона, например 77' });
  if (Math.abs(input.location.lat) > 90 || Math.abs(input.location.lon) > 180) problems.push({ field: 'input.location', message: 'Координаты вне диапазона' });
  if (!isTimeZone(input.timezone)) problems.push({ field: 'input.timezone', message: 'Часовой пояс IANA, например Europe/Moscow' });
  if (!Number.isInteger(input.windows) || input.windows < MIN_WINDOWS || input.windows > MAX_WINDOWS) problems.push({ field: 'input.windows', message: `От ${MIN_WINDOWS} до ${MAX_WINDOWS} окон` });
  if (input.workingHours) problems.push(...validateHours(input.workingHours, 'input.workingHours'));
  return problems;
}

/** One day of weekly hours or one dated exception, as the directory reads them ("HH:MM[:SS]"). */
export interface ScheduleDay {
  weekday: number;
  opens: string;
  closes: string;
  breakStart?: string | null;
  breakEnd?: string | null;
}
export interface ScheduleException {
  date: string;
  closed: boolean;
  opens?: string | null;
  closes?: string | null;
}

const minuteOf = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/**
 * Stretches of opening of one local day, in minutes since midnight (a dated exception replaces the
 * weekday's hours; a break splits the day). Empty: closed all day.
 */
export function openStretches(date: string, weekday: number, hours: readonly ScheduleDay[], exceptions: readonly ScheduleException[]): Array<[number, number]> {
  const exception = exceptions.find((e) => e.date === date);
  if (exception) return exception.closed || !exception.opens || !exception.closes ? [] : [[minuteOf(exception.opens), minuteOf(exception.closes)]];
  const day = hours.find((h) => h.weekday === weekday);
  if (!day) return [];
  const [open, close] = [minuteOf(day.opens), minuteOf(day.closes)];
  if (!day.breakStart || !day.breakEnd) return [[open, close]];
  return [
    [open, minuteOf(day.breakStart)],
    [minuteOf(day.breakEnd), close],
  ];
}
