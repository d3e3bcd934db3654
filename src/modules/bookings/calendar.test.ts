import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, visitEvent, visitSequence, visitsFeed } from './calendar.js';

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

describe('updates and cancellations', () => {
  const base = { id: '5b1c7f7e-0000-4000-8000-000000000002', number: 'Б-1', startsAt: new Date('2026-11-25T07:30:00Z'), endsAt: new Date('2026-11-25T07:45:00Z'), service: 'Паспорт', branch: 'МФЦ', address: 'ул. 1', now: new Date('2026-11-23T06:00:00Z') };

  it('raises SEQUENCE with every reschedule and once more when called off', () => {
    expect(visitSequence({ status: 'CONFIRMED', rescheduleCount: 0 })).toBe(0);
    expect(visitSequence({ status: 'CONFIRMED', rescheduleCount: 2 })).toBe(2);
    expect(visitSequence({ status: 'CANCELLED', rescheduleCount: 2 })).toBe(3);
  });

  it('a cancelled visit is METHOD:CANCEL with STATUS:CANCELLED and no alarm', () => {
    const ics = visitEvent({ ...base, status: 'CANCELLED', rescheduleCount: 1 });
    expect(ics).toContain('METHOD:CANCEL\r\n');
    expect(ics).toContain('STATUS:CANCELLED\r\n');
    expect(ics).toContain('SEQUENCE:2\r\n');
    expect(ics).not.toContain('VALARM');
  });

  it('the feed holds every visit under its own UID, with the refresh interval', () => {
    const feed = visitsFeed([{ ...base, status: 'CONFIRMED' }, { ...base, id: 'other', status: 'CANCELLED' }], 60);
    expect(feed.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(feed).toContain('METHOD:PUBLISH\r\n');
    expect(feed).toContain('UID:other@mfc\r\n');
    expect(feed).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT60M\r\n');
  });
});
