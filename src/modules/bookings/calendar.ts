/** The visit as an iCalendar event (RFC 5545): CRLF lines, escaped text, lines folded at 75 octets. */

export interface CalendarVisit {
  id: string;
  number: string;
  status: string;
  startsAt: Date;
  endsAt: Date;
  service: string;
  branch: string;
  address: string;
  now: Date;
  /** Reschedules so far (SEQUENCE). */
  rescheduleCount?: number;
  /** Last change of the booking (LAST-MODIFIED). */
  updatedAt?: Date;
}

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

export function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line to at most 75 octets per physical line (continuations start with a space). */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const CANCELLED = new Set(['CANCELLED', 'EXPIRED', 'NO_SHOW']);

/**
 * SEQUENCE of a visit's event: it grows with every reschedule and once more when the visit is
 * called off, so a calendar app replaces the copy it holds (same UID).
 */
export function visitSequence(v: Pick<CalendarVisit, 'status' | 'rescheduleCount'>): number {
  return (v.rescheduleCount ?? 0) + (CANCELLED.has(v.status) ? 1 : 0);
}

/** The VEVENT lines of one visit. */
function eventLines(v: CalendarVisit): string[] {
  const status = v.status === 'CONFIRMED' || v.status === 'CHECKED_IN' || v.status === 'COMPLETED' ? 'CONFIRMED' : v.status === 'PENDING_CONFIRMATION' ? 'TENTATIVE' : 'CANCELLED';
  return [
    'BEGIN:VEVENT',
    `UID:${v.id}@mfc`,
    `DTSTAMP:${stamp(v.now)}`,
    ...(v.updatedAt ? [`LAST-MODIFIED:${stamp(v.updatedAt)}`] : []),
    `SEQUENCE:${visitSequence(v)}`,
    `DTSTART:${stamp(v.startsAt)}`,
    `DTEND:${stamp(v.endsAt)}`,
    `SUMMARY:${escapeText(`МФЦ: ${v.service}`)}`,
    `LOCATION:${escapeText(`${v.branch}, ${v.address}`)}`,
    `DESCRIPTION:${escapeText(`Запись ${v.number}. Возьмите паспорт и талон с QR-кодом из личного кабинета.`)}`,
    `STATUS:${status}`,
    ...(status === 'CANCELLED' ? [] : ['BEGIN:VALARM', 'ACTION:DISPLAY', 'TRIGGER:-PT1H', `DESCRIPTION:${escapeText('Скоро визит в МФЦ')}`, 'END:VALARM']),
    'END:VEVENT',
  ];
}

function calendar(method: 'PUBLISH' | 'CANCEL', events: string[], extra: string[] = []): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//MFC//Personal account//RU', 'CALSCALE:GREGORIAN', `METHOD:${method}`, ...extra, ...events, 'END:VCALENDAR'];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** One visit as a file (Booking.calendarUrl): METHOD:CANCEL once it is called off, so the app removes it. */
export function visitEvent(v: CalendarVisit): string {
  return calendar(CANCELLED.has(v.status) ? 'CANCEL' : 'PUBLISH', eventLines(v));
}

/**
 * The citizen's subscribable feed (webcal): every visit with its UID and SEQUENCE; a cancelled
 * one stays in the feed as STATUS:CANCELLED with a higher SEQUENCE, so subscribed apps drop it.
 */
export function visitsFeed(visits: CalendarVisit[], refreshMinutes: number): string {
  const refresh = [`REFRESH-INTERVAL;VALUE=DURATION:PT${refreshMinutes}M`, `X-PUBLISHED-TTL:PT${refreshMinutes}M`, `X-WR-CALNAME:${escapeText('МФЦ: мои визиты')}`];
  return calendar('PUBLISH', visits.flatMap(eventLines), refresh);
}
