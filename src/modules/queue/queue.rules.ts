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
