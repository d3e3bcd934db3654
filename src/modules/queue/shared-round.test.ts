import { describe, expect, it } from 'vitest';
import { SharedRound } from './load.service.js';

/** A read whose end the test decides. */
function controlledReads() {
  const ends: Array<(v: number) => void> = [];
  let started = 0;
  const round = new SharedRound<number>(
    () =>
      new Promise<number>((resolve) => {
        started += 1;
        const n = started;
        ends.push(() => resolve(n));
      }),
  );
  return { round, ends, started: () => started };
}

describe('SharedRound (the all-branches snapshot for a burst of subscribers)', () => {
  it('200 callers during one read share the single read that follows it', async () => {
    const { round, ends, started } = controlledReads();
    const first = round.next();
    const burst = Array.from({ length: 200 }, () => round.next());
    expect(started()).toBe(1);
    ends[0]?.(0);
    expect(await first).toBe(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(started()).toBe(2);
    ends[1]?.(0);
    expect(new Set(await Promise.all(burst))).toEqual(new Set([2]));
  });

  it('a caller after the rounds end starts a fresh read (never an old answer)', async () => {
    const { round, ends, started } = controlledReads();
    const a = round.next();
    ends[0]?.(0);
    await a;
    const b = round.next();
    expect(started()).toBe(2);
    ends[1]?.(0);
    expect(await b).toBe(2);
  });
});
