import { describe, expect, it } from 'vitest';
import { stripBidiControls, stripBidiOptional } from './bidi.js';

describe('stripBidiControls', () => {
  it('removes the right-to-left override from a disguised file name', () => {
    expect(stripBidiControls('Счёт\u202Efdp.exe.pdf')).toBe('Счётfdp.exe.pdf');
  });

  it('removes every embedding, override, isolate and mark', () => {
    const all = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];
    expect(stripBidiControls(`a${all.join('b')}c`)).toBe(`a${'b'.repeat(all.length - 1)}c`);
  });

  it('keeps ordinary text, right-to-left letters and other invisible characters alone', () => {
    expect(stripBidiControls('ул. Ленина, д. 1')).toBe('ул. Ленина, д. 1');
    expect(stripBidiControls('مرحبا')).toBe('مرحبا');
    expect(stripBidiControls('a\u200Db')).toBe('a\u200Db'); // zero-width joiner is not a bidi control
  });

  it('passes null and undefined through', () => {
    expect(stripBidiOptional(null)).toBeNull();
    expect(stripBidiOptional(undefined)).toBeUndefined();
    expect(stripBidiOptional('\u202Bx')).toBe('x');
  });
});
