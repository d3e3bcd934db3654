import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FieldCipher, FieldCipherError, isSealed, parseKey } from './field-cipher.js';

const k1 = randomBytes(32);
const k2 = randomBytes(32);

describe('FieldCipher', () => {
  it('seals to text that hides the value, differs every time, and opens back', () => {
    const c = new FieldCipher(k1);
    const a = c.seal('11223344595');
    const b = c.seal('11223344595');
    expect(a).not.toContain('11223344595');
    expect(a).not.toBe(b);
    expect(isSealed(a)).toBe(true);
    expect(c.open(a)).toBe('11223344595');
    expect(c.open(b)).toBe('11223344595');
    expect(c.seal(null)).toBeNull();
    expect(c.open(null)).toBeNull();
  });

  it('keeps Cyrillic and long values intact', () => {
    const c = new FieldCipher(k1);
    const v = 'Серия 77 ХА — №123456 '.repeat(50);
    expect(c.open(c.seal(v))).toBe(v);
  });

  it('opens values of a previous key after rotation, and says which need resealing', () => {
    const old = new FieldCipher(k1);
    const sealedOld = old.seal('секрет');
    const rotated = new FieldCipher(k2, [k1]);
    expect(rotated.open(sealedOld)).toBe('секрет');
    expect(rotated.needsResealing(sealedOld)).toBe(true);
    expect(rotated.needsResealing(rotated.seal('секрет'))).toBe(false);
    expect(rotated.needsResealing('plain text from before')).toBe(true);
    expect(rotated.needsResealing(null)).toBe(false);
  });

  it('returns a value that was never sealed as it is (rows from before encryption)', () => {
    expect(new FieldCipher(k1).open('11223344595')).toBe('11223344595');
  });

  it('refuses an altered value and one whose key is gone', () => {
    const c = new FieldCipher(k1);
    const sealed = c.seal('11223344595');
    const last = sealed.at(-2) === 'A' ? 'B' : 'A';
    const altered = `${sealed.slice(0, -2)}${last}${sealed.slice(-1)}`;
    expect(() => c.open(altered)).toThrow(FieldCipherError);
    expect(() => new FieldCipher(k2).open(sealed)).toThrow(/no data encryption key/);
  });

  it('parses 32-byte base64 keys only', () => {
    expect(parseKey(k1.toString('base64')).equals(k1)).toBe(true);
    expect(() => parseKey('short')).toThrow(FieldCipherError);
  });
});
