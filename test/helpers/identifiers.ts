/** Valid personal identifiers no other test uses: random digits with correct check numbers. */
import { randomInt } from 'node:crypto';
import { isSnilsChecksumValid, normalizeInn } from '../../src/shared/identifiers.js';

/** A SNILS (11 digits) with a valid control number. */
export function freshSnils(): string {
  for (;;) {
    const body = String(randomInt(2_000_000, 999_999_999)).padStart(9, '0');
    for (let c = 0; c < 100; c++) {
      const d = `${body}${String(c).padStart(2, '0')}`;
      if (isSnilsChecksumValid(d)) return d;
    }
  }
}

/** A person's INN (12 digits) with valid check digits. */
export function freshInn(): string {
  for (;;) {
    const body = `77${String(randomInt(0, 99_999_999)).padStart(8, '0')}`;
    for (let c = 0; c < 100; c++) {
      const d = `${body}${String(c).padStart(2, '0')}`;
      if (normalizeInn(d) === d) return d;
    }
  }
}

/** An organisation's INN (10 digits) with a valid check digit. */
export function freshOrgInn(): string {
  for (;;) {
    const body = `77${String(randomInt(0, 9_999_999)).padStart(7, '0')}`;
    for (let c = 0; c < 10; c++) {
      const d = `${body}${c}`;
      if (normalizeInn(d) === d) return d;
    }
  }
}
