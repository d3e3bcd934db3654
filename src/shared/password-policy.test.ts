import { describe, expect, it } from 'vitest';
import { checkPassword, isCommonPassword } from './password-policy.js';
import { hashPassword, verifyPassword } from './passwords.js';

describe('password policy', () => {
  it('accepts a strong password', () => {
    expect(checkPassword('Верный-Пароль-42')).toEqual([]);
    expect(checkPassword('Tr0ub4dor&3x')).toEqual([]);
  });

  it('names every missing ingredient', () => {
    expect(checkPassword('abc')).toHaveLength(4); // length, upper, digit, special
    expect(checkPassword('abcdefgh1!')).toEqual(['Добавьте заглавную букву']);
    expect(checkPassword('ABCDEFGH1!')).toEqual(['Добавьте строчную букву']);
    expect(checkPassword('Abcdefgh!!')).toEqual(['Добавьте цифру']);
    expect(checkPassword('Abcdefgh12')).toEqual(['Добавьте специальный символ, например ! или -']);
  });

  it('honours a configured minimum length', () => {
    expect(checkPassword('Ab1!efgh', {}, { minLength: 10 })).toEqual(['Пароль должен быть не короче 10 символов']);
  });

  it('refuses common passwords, also dressed up with digits and symbols', () => {
    expect(isCommonPassword('qwerty123')).toBe(true);
    expect(isCommonPassword('Password1!')).toBe(true);
    expect(isCommonPassword('gfhjkm')).toBe(true); // «пароль» typed on a Latin layout
    expect(checkPassword('Qwerty123!')).toContain('Этот пароль слишком распространён, придумайте другой');
  });

  it('refuses passwords built from the person’s own phone or name', () => {
    expect(checkPassword('Petrova-2024!', { lastName: 'Петрова', firstName: 'Petrova' })).toContain('Пароль не должен содержать ваш телефон, почту или имя');
    expect(checkPassword('A!1234567b', { phone: '+79991234567' })).toContain('Пароль не должен содержать ваш телефон, почту или имя');
  });
});

describe('argon2id hashing', () => {
  it('hashes with argon2id and verifies', async () => {
    const h = await hashPassword('Верный-Пароль-42');
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(h, 'Верный-Пароль-42')).toBe(true);
    expect(await verifyPassword(h, 'Неверный-Пароль-42')).toBe(false);
    expect(await verifyPassword('garbage', 'x')).toBe(false);
  });
});
