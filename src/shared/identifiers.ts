/**
 * Russian personal identifiers and contacts: normalisation, checksums and masks. Pure functions.
 */

/** Phones to E.164. A leading 8 with 11 digits is the domestic form of +7. */
export function normalizePhone(input: string): string | null {
  const trimmed = input.trim();
  if (!/^[+\d\s()\-.]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) {
    if (digits.startsWith('7')) return digits.length === 11 ? `+${digits}` : null;
    return digits.length >= 10 && digits.length <= 15 && !digits.startsWith('0') ? `+${digits}` : null;
  }
  if (digits.length === 11 && (digits.startsWith('7') || digits.startsWith('8'))) return `+7${digits.slice(1)}`;
  if (digits.length === 10 && digits.startsWith('9')) return `+7${digits}`;
  return null;
}

/**
 * Whether an E.164 phone belongs to one of the allowed country calling codes (`['7', '375']`).
 * Calling codes are prefix-free (no code begins another), so a prefix match is exact.
 */
export function phoneCountryAllowed(e164: string, allowedCodes: readonly string[]): boolean {
  const digits = e164.startsWith('+') ? e164.slice(1) : e164;
  return /^\d+$/.test(digits) && allowedCodes.some((code) => digits.startsWith(code));
}

/** What a citizen is told when codes cannot go to the number's country. */
export const PHONE_COUNTRY_REFUSED = 'На номера этой страны коды не отправляются: укажите российский номер';

export function normalizeEmail(input: string): string | null {
  const v = input.trim().toLowerCase();
  if (v.length > 254 || /\s/.test(v)) return null;
  const at = v.indexOf('@');
  if (at < 1 || at !== v.lastIndexOf('@')) return null;
  const domain = v.slice(at + 1);
  if (!/^[a-z0-9а-яё-]+(\.[a-z0-9а-яё-]+)+$/i.test(domain)) return null;
  return v;
}

/** SNILS control number: sum of digit×(9−i) over the first nine digits, then mod 101 with 100 → 00. */
export function isSnilsChecksumValid(d: string): boolean {
  if (!/^\d{11}$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(d[i]) * (9 - i);
  let control = sum < 100 ? sum : sum === 100 || sum === 101 ? 0 : sum % 101;
  if (control === 100) control = 0;
  return control === Number(d.slice(9));
}

export function normalizeSnils(input: string): string | null {
  const v = input.trim();
  if (!/^(\d{3}-?\d{3}-?\d{3}[\s-]?\d{2}|\d{11})$/.test(v)) return null;
  const d = v.replace(/\D/g, '');
  return isSnilsChecksumValid(d) ? d : null;
}

export function formatSnils(d: string): string {
  return /^\d{11}$/.test(d) ? `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6, 9)} ${d.slice(9)}` : d;
}

const innDigit = (d: string, weights: number[]) => (weights.reduce((s, w, i) => s + w * Number(d[i]), 0) % 11) % 10;

/** INN of an organisation (10 digits) or a person (12 digits) with valid check digits. */
export function normalizeInn(input: string): string | null {
  const d = input.trim();
  if (/^\d{10}$/.test(d)) return innDigit(d, [2, 4, 10, 3, 5, 9, 4, 6, 8]) === Number(d[9]) ? d : null;
  if (/^\d{12}$/.test(d)) {
    const n11 = innDigit(d, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]);
    const n12 = innDigit(d, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]);
    return n11 === Number(d[10]) && n12 === Number(d[11]) ? d : null;
  }
  return null;
}

export type LoginKind = 'phone' | 'email' | 'snils' | 'inn';

/**
 * What a login string is. Rules, in order: contains @ → e-mail; starts with + → phone; SNILS
 * written with dashes → SNILS; 11 digits starting with 7 or 8 → phone (the domestic forms win
 * over the rare SNILS that starts so; such a SNILS is typed with dashes); other 11 digits with a
 * valid checksum → SNILS; 12 digits, or 10 with valid check digits → INN; else a phone.
 */
export function classifyLogin(input: string): { kind: LoginKind; value: string } | null {
  const v = input.trim();
  if (v.includes('@')) {
    const email = normalizeEmail(v);
    return email ? { kind: 'email', value: email } : null;
  }
  if (v.startsWith('+')) {
    const phone = normalizePhone(v);
    return phone ? { kind: 'phone', value: phone } : null;
  }
  if (/^\d{3}-\d{3}-\d{3}[\s-]\d{2}$/.test(v)) {
    const snils = normalizeSnils(v);
    return snils ? { kind: 'snils', value: snils } : null;
  }
  const digits = v.replace(/[\s()-]/g, '');
  if (/^\d{11}$/.test(digits) && !/^[78]/.test(digits)) {
    const snils = normalizeSnils(digits);
    return snils ? { kind: 'snils', value: snils } : null;
  }
  if (/^\d{12}$/.test(digits)) {
    const inn = normalizeInn(digits);
    return inn ? { kind: 'inn', value: inn } : null;
  }
  if (/^\d{10}$/.test(digits) && normalizeInn(digits)) return { kind: 'inn', value: digits };
  const phone = normalizePhone(v);
  return phone ? { kind: 'phone', value: phone } : null;
}

/** +79991234512 → "+7 *** ***-**-12". */
export function maskPhone(e164: string): string {
  const digits = e164.replace(/\D/g, '');
  const country = digits.startsWith('7') ? '7' : digits.slice(0, Math.max(1, digits.length - 10));
  return `+${country} *** ***-**-${digits.slice(-2)}`;
}

/** ivan@mail.ru → "i***@mail.ru". */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}
