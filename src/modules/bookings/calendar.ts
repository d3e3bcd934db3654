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

export function visitEvent(v: CalendarVisit): string {
  const status = v.status === 'CONFIRMED' || v.status === 'CHECKED_IN' || v.status === 'COMPLETED' ? 'CONFIRMED' : v.status === 'PENDING_CONFIRMATION' ? 'TENTATIVE' : 'CANCELLED';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//MFC//Personal account//RU',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${v.id}@mfc`,
    `DTSTAMP:${stamp(v.now)}`,
    `DTSTART:${stamp(v.startsAt)}`,
    `DTEND:${stamp(v.endsAt)}`,
    `SUMMARY:${escapeText(`МФЦ: ${v.service}`)}`,
    `LOCATION:${escapeText(`${v.branch}, ${v.address}`)}`,
    `DESCRIPTION:${escapeText(`Запись ${v.number}. Возьмите паспорт и талон с QR-кодом из личного кабинета.`)}`,
    `STATUS:${status}`,
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'TRIGGER:-PT1H',
    `DESCRIPTION:${escapeText('Скоро визит в МФЦ')}`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
