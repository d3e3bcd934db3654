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

  it('remembers nothing when turned off', () => {
    const full = new FullPlaces(0);
    full.full(B, S, [at('2026-12-01T07:00:00Z').getTime()]);
    expect(full.anyFull(B, S, [at('2026-12-01T07:00:00Z')])).toBe(false);
  });
});
