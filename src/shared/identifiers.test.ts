import { describe, expect, it } from 'vitest';
import { classifyLogin, formatSnils, isSnilsChecksumValid, maskEmail, maskPhone, normalizeEmail, normalizeInn, normalizePhone, normalizeSnils, phoneCountryAllowed } from './identifiers.js';

describe('phones', () => {
  it.each([
    ['+7 (999) 123-45-67', '+79991234567'],
    ['8 999 123 45 67', '+79991234567'],
    ['79991234567', '+79991234567'],
    ['9991234567', '+79991234567'],
    ['+375 29 123-45-67', '+375291234567'],
  ])('normalizes %s to %s', (input, out) => expect(normalizePhone(input)).toBe(out));

  it.each(['12', '+7 999 123', 'call me', '+0123456789', '+7999123456789'])('refuses %s', (input) => expect(normalizePhone(input)).toBeNull());

  it('masks all but the country code and the last two digits', () => {
    expect(maskPhone('+79991234512')).toBe('+7 *** ***-**-12');
  });
});

describe('e-mail', () => {
  it('lowercases and trims, refuses what is not an address', () => {
    expect(normalizeEmail('  Ivan.Petrov@Mail.RU ')).toBe('ivan.petrov@mail.ru');
    for (const bad of ['ivan', 'ivan@', '@mail.ru', 'a@b', 'a b@mail.ru', 'a@@mail.ru']) expect(normalizeEmail(bad)).toBeNull();
    expect(maskEmail('ivan@mail.ru')).toBe('i***@mail.ru');
  });
});

describe('SNILS checksum', () => {
  it('accepts valid numbers in both spellings and formats them', () => {
    expect(normalizeSnils('112-233-445 95')).toBe('11223344595');
    expect(normalizeSnils('11223344595')).toBe('11223344595');
    expect(formatSnils('11223344595')).toBe('112-233-445 95');
  });

  it('refuses a wrong control number', () => {
    expect(normalizeSnils('112-233-445 96')).toBeNull();
    expect(isSnilsChecksumValid('1122334459')).toBe(false);
  });

  it('handles the sums of 100 and 101 (control 00) and above 101 (mod 101)', () => {
    const weighted = (nine: string) => [...nine].reduce((sum, d, i) => sum + Number(d) * (9 - i), 0);
    expect(weighted('000001900')).toBe(31);
    expect(isSnilsChecksumValid('00000190031')).toBe(true);
    expect(weighted('550003003')).toBe(100);
    expect(isSnilsChecksumValid('55000300300')).toBe(true);
    expect(weighted('550003004')).toBe(101);
    expect(isSnilsChecksumValid('55000300400')).toBe(true);
    expect(weighted('999999999') % 101).toBe(1);
    expect(isSnilsChecksumValid('99999999901')).toBe(true);
  });
});

describe('INN check digits', () => {
  it('accepts valid 10- and 12-digit INNs', () => {
    expect(normalizeInn('7707083893')).toBe('7707083893'); // Sberbank
    expect(normalizeInn('500100732259')).toBe('500100732259');
  });
  it('refuses wrong check digits and lengths', () => {
    expect(normalizeInn('7707083894')).toBeNull();
    expect(normalizeInn('500100732250')).toBeNull();
    expect(normalizeInn('12345')).toBeNull();
  });
});

describe('what a login is', () => {
  it.each([
    ['ivan@mail.ru', { kind: 'email', value: 'ivan@mail.ru' }],
    ['+79991234567', { kind: 'phone', value: '+79991234567' }],
    ['89991234567', { kind: 'phone', value: '+79991234567' }],
    ['112-233-445 95', { kind: 'snils', value: '11223344595' }],
    ['11223344595', { kind: 'snils', value: '11223344595' }],
    ['500100732259', { kind: 'inn', value: '500100732259' }],
    ['7707083893', { kind: 'inn', value: '7707083893' }],
    ['9991234567', { kind: 'phone', value: '+79991234567' }],
  ] as const)('%s', (input, expected) => expect(classifyLogin(input)).toEqual(expected));

  it('refuses an 11-digit non-phone with a wrong SNILS checksum', () => {
    expect(classifyLogin('11223344596')).toBeNull();
  });
});

describe('countries that receive SMS', () => {
  it('matches the calling code at the start of an E.164 number', () => {
    expect(phoneCountryAllowed('+79991234567', ['7'])).toBe(true);
    expect(phoneCountryAllowed('+375291234567', ['7'])).toBe(false);
    expect(phoneCountryAllowed('+375291234567', ['7', '375'])).toBe(true);
    expect(phoneCountryAllowed('+882161234567', ['7'])).toBe(false);
    expect(phoneCountryAllowed('+77011234567', ['7'])).toBe(true); // Kazakhstan shares +7
    expect(phoneCountryAllowed('not a phone', ['7'])).toBe(false);
  });
});
