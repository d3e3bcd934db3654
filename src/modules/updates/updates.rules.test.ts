import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, resumeRefusal } from './updates.rules.js';

describe('account feed cursors', () => {
  it('round-trip, and anything else is no cursor', () => {
    for (const n of [0, 1, 35, 36, 1_000_000, Number.MAX_SAFE_INTEGER]) expect(decodeCursor(encodeCursor(n))).toBe(n);
    for (const bad of ['', '42', 'u1.', 'u1.-1', 'u1.ZZ', 'u2.1', 'u1.1.2', `u1.${'z'.repeat(13)}`]) expect(decodeCursor(bad)).toBeNull();
  });

  it('a resume is served when every event after the cursor is still kept', () => {
    expect(resumeRefusal(5, 5, 1)).toBeNull();
    expect(resumeRefusal(4, 9, 5)).toBeNull();
    expect(resumeRefusal(0, 0, null)).toBeNull();
    expect(resumeRefusal(7, 7, null)).toBeNull();
  });

  it('unknown when malformed or ahead of the last event; expired when events after it were dropped', () => {
    expect(resumeRefusal(null, 5, 1)?.rule).toBe('CURSOR_UNKNOWN');
    expect(resumeRefusal(6, 5, 1)?.rule).toBe('CURSOR_UNKNOWN');
    expect(resumeRefusal(3, 9, 5)?.rule).toBe('CURSOR_EXPIRED');
    expect(resumeRefusal(3, 9, null)?.rule).toBe('CURSOR_EXPIRED');
  });
});
