import { describe, expect, it } from 'vitest';
import { fitsSchedule, generateSlots, openStretches, slotStartingAt, zonedTime, type DayException, type DayHours, type SlotRules } from './slots.js';

const WEEK: DayHours[] = [
  ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '18:00', breakStart: '13:00', breakEnd: '14:00' })),
  { weekday: 6, opens: '10:00', closes: '15:00' },
];
// Monday 23 November 2026, 06:00 in Moscow (03:00 UTC).
const MONDAY_MORNING_MSK = new Date('2026-11-23T03:00:00Z');

const local = (slots: ReturnType<typeof generateSlots>) => slots.map((s) => `${s.localDate} ${s.localTime}`);

describe('slot generation', () => {
  it('gives 15-minute slots inside the hours and outside the break', () => {
    const slots = generateSlots({ timezone: 'Europe/Moscow', hours: WEEK, exceptions: [], now: MONDAY_MORNING_MSK, durationMinutes: 15, toDate: '2026-11-23' });
    const times = slots.map((s) => s.localTime);
    expect(times[0]).toBe('09:00');
    expect(times.at(-1)).toBe('17:45');
    expect(times).toContain('12:45');
    expect(times).not.toContain('13:00');
    expect(times).not.toContain('13:45');
    expect(times).toContain('14:00');
    expect(slots).toHaveLength(8 * 4); // 9 hours minus the break
    expect(slots[0]?.startsAt.toISOString()).toBe('2026-11-23T06:00:00.000Z');
    expect(slots[0]?.endsAt.toISOString()).toBe('2026-11-23T06:15:00.000Z');
  });

  it('starts a longer service only where all of it fits before the break or closing', () => {
    const slots = generateSlots({ timezone: 'Europe/Moscow', hours: WEEK, exceptions: [], now: MONDAY_MORNING_MSK, durationMinutes: 45, toDate: '2026-11-23' });
    const times = slots.map((s) => s.localTime);
    expect(times).toContain('12:15');
    expect(times).not.toContain('12:30'); // would run into the break
    expect(times.at(-1)).toBe('17:15');
    expect(slots.find((s) => s.localTime === '12:15')?.endsAt.toISOString()).toBe('2026-11-23T10:00:00.000Z');
  });

  it('keeps the lead time: nothing sooner than an hour ahead', () => {
    const now = new Date('2026-11-23T06:20:00Z'); // 09:20 in Moscow
    const [first] = generateSlots({ timezone: 'Europe/Moscow', hours: WEEK, exceptions: [], now, durationMinutes: 15, toDate: '2026-11-23' });
    expect(first?.localTime).toBe('10:30');
  });

  it('stops at the horizon of 30 days from now (to the minute) and skips Sundays', () => {
    const slots = generateSlots({ timezone: 'Europe/Moscow', hours: WEEK, exceptions: [], now: MONDAY_MORNING_MSK, durationMinutes: 15 });
    const days = [...new Set(slots.map((s) => s.localDate))];
    expect(days[0]).toBe('2026-11-23');
    // 30 days from Monday 06:00 is Wednesday 23 December 06:00, before that day's opening.
    expect(days.at(-1)).toBe('2026-12-22');
    expect(days).not.toContain('2026-11-29'); // Sunday
    expect(slots.every((s) => s.startsAt.getTime() <= MONDAY_MORNING_MSK.getTime() + 30 * 86_400_000)).toBe(true);
  });

  it('applies exceptions: a holiday has no slots, a short day its own hours without the break', () => {
    const exceptions = [
      { date: '2026-11-24', closed: true },
      { date: '2026-11-25', closed: false, opens: '10:00', closes: '15:00' },
    ];
    const slots = generateSlots({ timezone: 'Europe/Moscow', hours: WEEK, exceptions, now: MONDAY_MORNING_MSK, durationMinutes: 15, fromDate: '2026-11-24', toDate: '2026-11-25' });
    expect(slots.some((s) => s.localDate === '2026-11-24')).toBe(false);
    const wednesday = slots.filter((s) => s.localDate === '2026-11-25').map((s) => s.localTime);
    expect(wednesday[0]).toBe('10:00');
    expect(wednesday.at(-1)).toBe('14:45');
    expect(wednesday).toContain('13:15');
  });

  it('works in the branch’s own time zone, across UTC midnight', () => {
    // Novosibirsk is UTC+7: a branch opening at 06:00 local starts its day at 23:00 UTC the day before.
    const early: DayHours[] = [3].map((weekday) => ({ weekday, opens: '06:00', closes: '08:00' }));
    const now = new Date('2026-11-23T00:00:00Z');
    const slots = generateSlots({ timezone: 'Asia/Novosibirsk', hours: early, exceptions: [], now, durationMinutes: 30, fromDate: '2026-11-25', toDate: '2026-11-25' });
    expect(local(slots)).toEqual(['2026-11-25 06:00', '2026-11-25 06:15', '2026-11-25 06:30', '2026-11-25 06:45', '2026-11-25 07:00', '2026-11-25 07:15', '2026-11-25 07:30']);
    expect(slots[0]?.startsAt.toISOString()).toBe('2026-11-24T23:00:00.000Z');
    // And the Saturday 10:00 in Novosibirsk is 03:00 UTC.
    const saturday = generateSlots({ timezone: 'Asia/Novosibirsk', hours: WEEK, exceptions: [], now, durationMinutes: 15, fromDate: '2026-11-28', toDate: '2026-11-28' });
    expect(saturday[0]?.startsAt.toISOString()).toBe('2026-11-28T03:00:00.000Z');
  });

  it('offers no slot in a wall time that does not exist (a DST gap)', () => {
    expect(zonedTime('2026-03-29', 2 * 60 + 30, 'Europe/Berlin')).toBeNull();
    expect(zonedTime('2026-03-29', 3 * 60, 'Europe/Berlin')?.toISOString()).toBe('2026-03-29T01:00:00.000Z');
    const night: DayHours[] = [{ weekday: 7, opens: '01:00', closes: '04:00' }];
    const slots = generateSlots({ timezone: 'Europe/Berlin', hours: night, exceptions: [], now: new Date('2026-03-27T00:00:00Z'), durationMinutes: 15, fromDate: '2026-03-29', toDate: '2026-03-29' });
    expect(slots.map((s) => s.localTime)).toEqual(['01:00', '01:15', '01:30', '01:45', '03:00', '03:15', '03:30', '03:45']);
  });

  it('refuses a length that is not whole slots', () => {
    expect(() => generateSlots({ timezone: 'Europe/Moscow', hours: WEEK, exceptions: [], now: MONDAY_MORNING_MSK, durationMinutes: 20 })).toThrow(/multiple of 15/);
  });

  it('a weekday with a break has two stretches; a closed exception none', () => {
    expect(openStretches('2026-11-23', WEEK, [])).toEqual([
      [540, 780],
      [840, 1080],
    ]);
    expect(openStretches('2026-11-29', WEEK, [])).toEqual([]);
    expect(openStretches('2026-11-23', WEEK, [{ date: '2026-11-23', closed: true }])).toEqual([]);
  });
});

describe('a visit against a changed schedule', () => {
  // Monday 23 November 2026 in Moscow: 10:00-10:30 local is 07:00-07:30 UTC.
  const visit = { startsAt: new Date('2026-11-23T07:00:00Z'), endsAt: new Date('2026-11-23T07:30:00Z') };

  it('fits inside the week’s hours, not across a new break or after a new closing time', () => {
    expect(fitsSchedule(visit, 'Europe/Moscow', WEEK, [])).toBe(true);
    expect(fitsSchedule(visit, 'Europe/Moscow', [{ weekday: 1, opens: '09:00', closes: '18:00', breakStart: '10:15', breakEnd: '11:00' }], [])).toBe(false);
    expect(fitsSchedule(visit, 'Europe/Moscow', [{ weekday: 1, opens: '11:00', closes: '18:00' }], [])).toBe(false);
    expect(fitsSchedule(visit, 'Europe/Moscow', [{ weekday: 2, opens: '09:00', closes: '18:00' }], [])).toBe(false);
  });

  it('an exception of the day decides over the week: closed, or a short day', () => {
    expect(fitsSchedule(visit, 'Europe/Moscow', WEEK, [{ date: '2026-11-23', closed: true }])).toBe(false);
    expect(fitsSchedule(visit, 'Europe/Moscow', WEEK, [{ date: '2026-11-23', closed: false, opens: '10:00', closes: '10:30' }])).toBe(true);
    expect(fitsSchedule(visit, 'Europe/Moscow', WEEK, [{ date: '2026-11-23', closed: false, opens: '10:00', closes: '10:15' }])).toBe(false);
    expect(fitsSchedule(visit, 'Europe/Moscow', WEEK, [{ date: '2026-11-24', closed: true }])).toBe(true);
  });

  it('reads the visit in the branch’s own time zone', () => {
    // 07:00 UTC is 14:00 in Novosibirsk: inside 09:00-18:00 without a break, inside the break of WEEK.
    expect(fitsSchedule(visit, 'Asia/Novosibirsk', [{ weekday: 1, opens: '09:00', closes: '18:00' }], [])).toBe(true);
    expect(fitsSchedule({ startsAt: new Date('2026-11-23T06:00:00Z'), endsAt: new Date('2026-11-23T06:15:00Z') }, 'Asia/Novosibirsk', WEEK, [])).toBe(false);
  });
});

describe('the slot at one instant (slotStartingAt)', () => {
  // Every instant 5 minutes apart (and a few off the minute) over days with a DST change, a break,
  // an exception and a short day: the slot at an instant is exactly the one the day's list has there.
  const cases: Array<{ name: string; rules: Omit<SlotRules, 'durationMinutes'>; from: string; days: number }> = [
    { name: 'Moscow, a working week', rules: { timezone: 'Europe/Moscow', hours: WEEK, exceptions: [{ date: '2026-11-25', closed: true }, { date: '2026-11-26', closed: false, opens: '11:00', closes: '12:30' }], now: MONDAY_MORNING_MSK }, from: '2026-11-23T00:00:00Z', days: 5 },
    { name: 'Berlin, the night clocks go back', rules: { timezone: 'Europe/Berlin', hours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '00:00', closes: '23:45' })), exceptions: [] as DayException[], now: new Date('2026-10-24T00:00:00Z') }, from: '2026-10-24T20:00:00Z', days: 2 },
    { name: 'Berlin, the night clocks go forward', rules: { timezone: 'Europe/Berlin', hours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '00:00', closes: '23:45' })), exceptions: [] as DayException[], now: new Date('2027-03-27T00:00:00Z') }, from: '2027-03-27T20:00:00Z', days: 2 },
    { name: 'Vladivostok, near the horizon', rules: { timezone: 'Asia/Vladivostok', hours: WEEK, exceptions: [], now: new Date('2026-11-23T00:00:00Z'), horizonDays: 3 }, from: '2026-11-24T00:00:00Z', days: 3 },
  ];
  for (const c of cases) {
    for (const durationMinutes of [15, 45]) {
      it(`${c.name}, ${durationMinutes} minutes`, () => {
        const rules = { ...c.rules, durationMinutes };
        const listed = new Map(generateSlots(rules).map((s) => [s.startsAt.getTime(), s]));
        const start = new Date(c.from).getTime();
        let found = 0;
        for (let at = start; at < start + c.days * 86_400_000; at += 5 * 60_000) {
          for (const instant of [at, at + 30_000]) {
            const slot = slotStartingAt(rules, new Date(instant));
            expect(slot, new Date(instant).toISOString()).toEqual(listed.get(instant) ?? null);
            if (slot) found += 1;
          }
        }
        expect(found).toBeGreaterThan(0);
      });
    }
  }

  it('keeps to the days asked for', () => {
    const rules = { timezone: 'Europe/Moscow', hours: WEEK, exceptions: [], now: MONDAY_MORNING_MSK, durationMinutes: 15, fromDate: '2026-11-24', toDate: '2026-11-24' };
    expect(slotStartingAt(rules, new Date('2026-11-23T06:00:00Z'))).toBeNull();
    expect(slotStartingAt(rules, new Date('2026-11-24T06:00:00Z'))?.localTime).toBe('09:00');
  });
});
