import { describe, expect, it } from 'vitest';
import { FullPlaces } from './full-places.js';

const B = 'branch';
const S = 'service';
const at = (iso: string) => new Date(iso);

describe('places remembered as full', () => {
  it('refuses a place the database answered full, until the memory lapses', () => {
    let now = 1_000;
    const full = new FullPlaces(2_000, () => now);
    full.full(B, S, [at('2026-12-01T07:00:00Z').getTime()]);
    expect(full.anyFull(B, S, [at('2026-12-01T07:00:00Z')])).toBe(true);
    // A longer visit that needs the full place is refused too; another place or offer is not.
    expect(full.anyFull(B, S, [at('2026-12-01T06:45:00Z'), at('2026-12-01T07:00:00Z')])).toBe(true);
    expect(full.anyFull(B, S, [at('2026-12-01T07:15:00Z')])).toBe(false);
    expect(full.anyFull(B, 'other', [at('2026-12-01T07:00:00Z')])).toBe(false);
    now += 2_000;
    expect(full.anyFull(B, S, [at('2026-12-01T07:00:00Z')])).toBe(false);
  });

  it('forgets a place given back, and every place of an offer whose capacity changed', () => {
    const full = new FullPlaces(60_000);
    full.full(B, S, [at('2026-12-01T07:00:00Z').getTime(), at('2026-12-01T07:15:00Z').getTime()]);
    full.freed(B, S, [at('2026-12-01T07:00:00Z')]);
    expect(full.anyFull(B, S, [at('2026-12-01T07:00:00Z')])).toBe(false);
    expect(full.anyFull(B, S, [at('2026-12-01T07:15:00Z')])).toBe(true);
    full.forgetOffer(B, S);
    expect(full.anyFull(B, S, [at('2026-12-01T07:15:00Z')])).toBe(false);
  });

  it('lets bookings of one start ask in turn, so those behind a filling one need no SQL', async () => {
    const full = new FullPlaces(60_000);
    const start = at('2026-12-01T07:00:00Z');
    const asked: number[] = [];
    const book = (i: number) =>
      full.inTurn(B, S, start, async () => {
        if (full.anyFull(B, S, [start])) return 'refused without SQL';
        asked.push(i);
        await new Promise((r) => setTimeout(r, 5));
        full.full(B, S, [start.getTime()]);
        return 'held';
      });
    const answers = await Promise.all([0, 1, 2, 3].map(book));
    expect(answers).toEqual(['held', 'refused without SQL', 'refused without SQL', 'refused without SQL']);
    expect(asked).toEqual([0]);
    // Another start is not held up.
    expect(await full.inTurn(B, S, at('2026-12-01T07:15:00Z'), () => Promise.resolve('other'))).toBe('other');
  });

  it('remembers nothing when turned off', () => {
    const full = new FullPlaces(0);
    full.full(B, S, [at('2026-12-01T07:00:00Z').getTime()]);
    expect(full.anyFull(B, S, [at('2026-12-01T07:00:00Z')])).toBe(false);
  });
});
