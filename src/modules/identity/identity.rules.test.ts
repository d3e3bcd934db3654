import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/env.js';
import { PASSKEY_NAME_MAX, attributeText, counterIncreased, mapClaims, passkeyName, userHandle } from './identity.rules.js';

const provider = (extra: Record<string, unknown> = {}) => {
  const [p] = loadConfig({
    DATABASE_URL: 'postgres://x@localhost/db',
    REDIS_URL: 'redis://localhost:6379',
    SSO_PROVIDERS: JSON.stringify([{ id: 'esia', name: 'Госуслуги', issuer: 'https://esia.example/', clientId: 'c', redirectUris: ['https://lk.example/cb'], ...extra }]),
  }).SSO_PROVIDERS;
  if (!p) throw new Error('no provider');
  return p;
};

describe('claim mapping', () => {
  it('normalizes what it reads and trusts only what the provider says it verified', () => {
    const id = mapClaims(provider(), {
      iss: 'https://esia.example/',
      sub: '1000',
      phone_number: '8 (999) 123-45-67',
      phone_number_verified: true,
      email: 'Ivan@Mail.RU',
      snils: '112-233-445 95',
      inn: '500100732259',
      family_name: ' Иванов ',
      given_name: 'Иван',
      birthdate: '1980-01-02',
    });
    expect(id).toMatchObject({ phone: '+79991234567', phoneVerified: true, email: 'ivan@mail.ru', emailVerified: false, snils: '11223344595', snilsVerified: false, inn: '500100732259', lastName: 'Иванов', birthDate: '1980-01-02', confirmed: false });
  });

  it('reads nested claims, constant verification flags and the confirmation rule', () => {
    const id = mapClaims(provider({ claims: { snils: 'person.snils', snilsVerified: true, lastName: 'person.lastName' }, confirmedWhen: { claim: 'person.trusted', equals: true } }), {
      iss: 'i',
      sub: 's',
      person: { snils: '11223344595', lastName: 'Петров', trusted: true },
    });
    expect(id).toMatchObject({ snils: '11223344595', snilsVerified: true, lastName: 'Петров', confirmed: true });
  });

  it('drops values that fail their checks: a bad SNILS checksum, an organisation INN, a bad date', () => {
    const id = mapClaims(provider(), { iss: 'i', sub: 's', snils: '112-233-445 96', inn: '7707083893', birthdate: '02.01.1980' });
    expect(id).toMatchObject({ snils: null, inn: null, birthDate: null });
  });
});

describe('certificate subject attributes', () => {
  it('decodes NumericString values that come out as DER hex, and leaves text as it is', () => {
    expect(attributeText(`120b${Buffer.from('11223344595').toString('hex')}`)).toBe('11223344595');
    expect(attributeText('500100732259')).toBe('500100732259');
    expect(attributeText('120b3131')).toBe('120b3131');
  });
});

describe('passkey names', () => {
  it('collapses spaces and names a blank one "Ключ доступа"', () => {
    expect(passkeyName('  Мой   телефон ')).toBe('Мой телефон');
    expect(passkeyName(null)).toBe('Ключ доступа');
    expect(passkeyName('   ')).toBe('Ключ доступа');
  });

  it(`refuses a name longer than ${PASSKEY_NAME_MAX} characters`, () => {
    expect(passkeyName('я'.repeat(PASSKEY_NAME_MAX))).toHaveLength(PASSKEY_NAME_MAX);
    expect(() => passkeyName('я'.repeat(PASSKEY_NAME_MAX + 1))).toThrow(/Не длиннее/);
  });
});

describe('WebAuthn user handle', () => {
  it("is the account id's UTF-8 bytes", () => {
    expect(Buffer.from(userHandle('00000000-0000-4000-8000-000000000001')).toString('utf8')).toBe('00000000-0000-4000-8000-000000000001');
  });
});

describe('claims that name no subject', () => {
  it('fail as ID_TOKEN_INVALID', () => {
    expect(() => mapClaims(provider(), { sub: 's' })).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ reason: 'ID_TOKEN_INVALID' }) }));
  });
});

describe('counterIncreased', () => {
  it('accepts a growing counter and an authenticator that keeps none', () => {
    expect(counterIncreased(5, 6)).toBe(true);
    expect(counterIncreased(0, 0)).toBe(true);
    expect(counterIncreased(0, 1)).toBe(true);
  });
  it('refuses a counter that stayed or went back (a cloned authenticator)', () => {
    expect(counterIncreased(5, 5)).toBe(false);
    expect(counterIncreased(5, 4)).toBe(false);
    expect(counterIncreased(5, 0)).toBe(false);
  });
});
