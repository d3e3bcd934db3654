/**
 * The rules of the electronic queue and their numbers, pure (no clock, no database): ticket
 * numbers, who is called first, the load level against the configured thresholds, the wait
 * estimate, and the limits of alerts, windows and the shown history. The unit tests state them.
 */

/** Booked visitors (checked in from a booking) are called before walk-ins. */
export const PRIORITY_BOOKED = 0;
export const PRIORITY_WALK_IN = 1;

/** myTickets shows the caller's tickets of this many last hours. */
export const TICKETS_SHOWN_HOURS = 24;

/** A load alert waits for at most this many people. */
export const MAX_ALERT_WAITING = 1000;

/** Branch.loadHistory without `hours`. */
export const DEFAULT_HISTORY_HOURS = 24;

export type LoadLevel = 'LOW' | 'MEDIUM' | 'HIGH';

/** A001 … A999, then B001 …: short enough for the hall's board. */
export function ticketNumber(seq: number): string {
  const letter = String.fromCharCode(65 + (Math.floor((seq - 1) / 999) % 26));
  return `${letter}${String(((seq - 1) % 999) + 1).padStart(3, '0')}`;
}

/** LOW / MEDIUM / HIGH by people waiting per open window (thresholds from config). */
export function loadLevel(waiting: number, openWindows: number, thresholds: { mediumPerWindow: number; highPerWindow: number }): LoadLevel {
  if (waiting === 0) return 'LOW';
  if (openWindows === 0) return 'HIGH';
  const perWindow = waiting / openWindows;
  if (perWindow <= thresholds.mediumPerWindow) return 'LOW';
  if (perWindow <= thresholds.highPerWindow) return 'MEDIUM';
  return 'HIGH';
}

/** Minutes until a waiting ticket is called: its rounds of the open windows times the service minutes. */
export function estimateWaitMinutes(position: number, openWindows: number, serviceMinutes: number): number {
  return Math.ceil(Math.ceil(position / Math.max(openWindows, 1)) * serviceMinutes);
}

/** Hours of load history asked for, within 1..the kept history. */
export function historySpan(hours: number, keptHours: number): number {
  return Math.min(Math.max(hours, 1), keptHours);
}

/** Windows of a branch are numbered 1..windows. */
export function isWindowOf(windows: number, window: number): boolean {
  return Number.isInteger(window) && window >= 1 && window <= windows;
}

export function isValidAlertThreshold(maxWaiting: number): boolean {
  return Number.isInteger(maxWaiting) && maxWaiting >= 0 && maxWaiting <= MAX_ALERT_WAITING;
}

/** The note a ticket closed with its day carries (DOMAIN.md: Electronic queue, continued). */
export const DAY_CLOSED_NOTE = 'отделение закрылось';

/** "Almost your turn" waits for at most this many people ahead. */
export const MAX_TICKET_ALERT_AHEAD = 100;

/** Which cap a new ticket would break, if any: one active ticket per branch, a few in all. */
export function ticketCapBreach(active: { atBranch: number; total: number }, limits: { perBranch: number; total: number }): 'ACTIVE_TICKET_AT_BRANCH' | 'ACTIVE_TICKETS_TOTAL' | null {
  if (active.atBranch >= limits.perBranch) return 'ACTIVE_TICKET_AT_BRANCH';
  if (active.total >= limits.total) return 'ACTIVE_TICKETS_TOTAL';
  return null;
}

export function isValidTicketAlert(peopleAhead: number): boolean {
  return Number.isInteger(peopleAhead) && peopleAhead >= 0 && peopleAhead <= MAX_TICKET_ALERT_AHEAD;
}

/** How many called tickets the board shows: `last` within 1..max. */
export function boardSize(last: number | null | undefined, max: number): number {
  return Math.min(Math.max(last ?? 10, 1), max);
}

/** The closing minute of a local day (end of its last stretch of opening); null: closed all day. */
export function closingMinute(stretches: ReadonlyArray<readonly [number, number]>): number | null {
  const ends = stretches.map(([, end]) => end);
  return ends.length === 0 ? null : Math.max(...ends);
}

/** The local hours (0..23) a day's stretches of opening touch, in order: the forecast's rows. */
export function openingHours(stretches: ReadonlyArray<readonly [number, number]>): number[] {
  const hours = new Set<number>();
  for (const [from, to] of stretches) for (let h = Math.floor(from / 60); h * 60 < to; h++) hours.add(h);
  return [...hours].sort((a, b) => a - b);
}

/** Hour of week of a local weekday (1 = Monday) and hour: 0 = Monday 00:00 … 167 = Sunday 23:00. */
export function hourOfWeek(weekday: number, hour: number): number {
  return (weekday - 1) * 24 + hour;
}

/**
 * Minutes until a citizen can be served at a branch: the walk-in wait when the branch is open now,
 * or the time until its next free appointment place, whichever is sooner; null: neither.
 */
export function minutesUntilServed(walkIn: number | null, nextPlaceInMinutes: number | null): number | null {
  const options = [walkIn, nextPlaceInMinutes].filter((m): m is number => m !== null);
  return options.length === 0 ? null : Math.min(...options);
}
