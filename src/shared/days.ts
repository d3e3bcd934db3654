/**
 * Calendar days as YYYY-MM-DD strings (the contract's Date): the day of an instant in a time
 * zone, day arithmetic, weekdays and working days. Pure functions, no time zone of the process.
 */

/** The calendar day of an instant in an IANA time zone. */
export function localDay(at: Date, timezone: string): string {
  return dayFormat(timezone).format(at);
}

// Building an Intl.DateTimeFormat costs far more than formatting with one (a hot path: every charge mapped).
const DAY_FORMATS = new Map<string, Intl.DateTimeFormat>();
function dayFormat(timezone: string): Intl.DateTimeFormat {
  let f = DAY_FORMATS.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' });
    DAY_FORMATS.set(timezone, f);
  }
  return f;
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

/** Milliseconds the zone is ahead of UTC at an instant. */
function zoneOffsetMs(at: Date, timezone: string): number {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant of a local wall time (`minute` since local midnight of `date`) in a time zone; two passes settle the offset. */
export function zonedInstant(date: string, minute: number, timezone: string): Date {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d, 0, minute);
  let guess = wall - zoneOffsetMs(new Date(wall), timezone);
  guess = wall - zoneOffsetMs(new Date(guess), timezone);
  return new Date(guess);
}

/** Minutes since local midnight of an instant in a time zone. */
export function localMinute(at: Date, timezone: string): number {
  return Math.floor((at.getTime() + zoneOffsetMs(at, timezone)) / 60_000) % 1440;
}
