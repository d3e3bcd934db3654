import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, visitEvent } from './calendar.js';

/** Unfolds and splits an iCalendar text the way a reader does. */
function parse(ics: string): Array<[string, string]> {
  return ics
    .replace(/\r\n /g, '')
    .split('\r\n')
    .filter(Boolean)
    .map((l) => {
      const i = l.indexOf(':');
      return [l.slice(0, i), l.slice(i + 1)] as [string, string];
    });
}

describe('iCalendar event of a visit', () => {
  const ics = visitEvent({
    id: '5b1c7f7e-0000-4000-8000-000000000001',
    number: 'МФЦ-Б-0000123',
    status: 'CONFIRMED',
    startsAt: new Date('2026-11-25T07:30:00Z'),
    endsAt: new Date('2026-11-25T07:45:00Z'),
    service: 'Выдача и замена паспорта гражданина РФ, в 14, 20 и 45 лет; по утрате',
    branch: 'МФЦ района Тверской',
    address: 'ул. Тверская, д. 7',
    now: new Date('2026-11-23T06:00:00Z'),
  });

  it('is well-formed: CRLF lines of at most 75 octets, nested blocks closed', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const names = parse(ics).filter(([k]) => k === 'BEGIN' || k === 'END').map(([k, v]) => `${k}:${v}`);
    expect(names).toEqual(['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'BEGIN:VALARM', 'END:VALARM', 'END:VEVENT', 'END:VCALENDAR']);
  });

  it('carries the visit in UTC with escaped text', () => {
    const props = new Map(parse(ics));
    expect(props.get('DTSTART')).toBe('20261125T073000Z');
    expect(props.get('DTEND')).toBe('20261125T074500Z');
    expect(props.get('UID')).toBe('5b1c7f7e-0000-4000-8000-000000000001@mfc');
    expect(props.get('SUMMARY')).toBe('МФЦ: Выдача и замена паспорта гражданина РФ\\, в 14\\, 20 и 45 лет\\; по утрате');
    expect(props.get('STATUS')).toBe('CONFIRMED');
  });

  it('escapes and folds by the rules', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const folded = foldLine(`DESCRIPTION:${'я'.repeat(60)}`);
    expect(folded.split('\r\n ').join('')).toBe(`DESCRIPTION:${'я'.repeat(60)}`);
    expect(folded.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
  });
});
