/**
 * Calendar days as YYYY-MM-DD strings (the contract's Date): the day of an instant in a time
 * zone, day arithmetic, weekdays and working days. Pure functions, no time zone of the process.
 */

/** The calendar day of an instant in an IANA time zone. */
export function localDay(at: Date, timezone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** `date` plus `days` calendar days (negative goes back). */
export function addDays(date: string, days: number): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}

/**
 * The `n`-th working day after `date` (the day itself does not count; Saturdays, Sundays and the
 * given holidays are skipped). n = 0 is `date` itself.
 */
export function addWorkingDays(date: string, n: number, holidays: ReadonlySet<string> = new Set()): string {
  let day = date;
  for (let left = n; left > 0; ) {
    day = addDays(day, 1);
    if (isoWeekday(day) <= 5 && !holidays.has(day)) left -= 1;
  }
  return day;
}
