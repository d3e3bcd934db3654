/** Branch rows to GraphQL objects. */
import type { BranchRow, ExceptionRow, HoursRow } from './branches.repository.js';
import type { Branch, ScheduleException, WorkingHours } from './branches.types.js';

const hhmm = (t: string | null): string | null => (t ? t.slice(0, 5) : null);

export function toBranch(row: BranchRow & { distanceKm?: number | null; cancelledBookings?: number }): Branch {
  return {
    id: row.id,
    name: row.name,
    regionCode: row.regionCode,
    locality: row.locality,
    address: row.address,
    location: { lat: row.lat, lon: row.lon },
    timezone: row.timezone,
    phone: row.phone,
    windows: row.windows,
    distanceKm: row.distanceKm == null ? null : Math.round(row.distanceKm * 100) / 100,
    cancelledBookings: row.cancelledBookings ?? null,
  };
}

export function toHours(row: HoursRow): WorkingHours {
  return { weekday: row.weekday, opens: hhmm(row.opens) ?? '', closes: hhmm(row.closes) ?? '', breakStart: hhmm(row.breakStart), breakEnd: hhmm(row.breakEnd) };
}

export function toException(row: ExceptionRow): ScheduleException {
  return { date: row.date, closed: row.closed, opens: hhmm(row.opens), closes: hhmm(row.closes), note: row.note };
}
