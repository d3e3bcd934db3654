import { describe, expect, it } from 'vitest';
import { uuid7, uuid7Time } from './uuid7.js';

describe('uuid7', () => {
  it('carries the millisecond, version 7 and the RFC variant', () => {
    const at = new Date('2026-12-04T21:34:56.789Z');
    const id = uuid7(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuid7Time(id)?.toISOString()).toBe(at.toISOString());
    expect(uuid7(at)).not.toBe(id);
  });

  it('sorts by time as PostgreSQL compares uuids (bytewise)', () => {
    const ids = [0, 1, 255, 256, 65_535, 65_536, 1_796_000_000_000, 2 ** 48 - 1].map((ms) => uuid7(new Date(ms)));
    expect([...ids].sort()).toEqual(ids);
    expect(ids.map((id) => uuid7Time(id)?.getTime())).toEqual([0, 1, 255, 256, 65_535, 65_536, 1_796_000_000_000, 2 ** 48 - 1]);
  });

  it('gives no time for other versions or other strings', () => {
    expect(uuid7Time('8fd09a41-18e9-4b38-8c02-a804eea97a9c')).toBeNull();
    expect(uuid7Time('not-a-uuid')).toBeNull();
    expect(uuid7Time('01a242e1-c862-7be2-8b98-ee687743c3cdX')).toBeNull();
  });

  it('refuses a time it cannot carry', () => {
    expect(() => uuid7(new Date(-1))).toThrow(RangeError);
    expect(() => uuid7(new Date(Number.NaN))).toThrow(RangeError);
  });
});
