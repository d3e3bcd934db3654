import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS, ConfigError, loadConfig } from './env.js';

const base = { DATABASE_URL: 'postgres://x@localhost/db', REDIS_URL: 'redis://localhost:6379' };

describe('configuration', () => {
  it('applies the documented defaults', () => {
    const c = loadConfig(base);
    expect(c).toMatchObject({ PORT: 4000, ROLE: 'all', MIGRATE_ON_START: true, LOCKOUT_THRESHOLD: 3, LOCKOUT_MINUTES: 30, CODE_TTL_SECONDS: 300, ACCESS_TOKEN_TTL_SECONDS: 900, SESSION_IDLE_MINUTES: 30 });
    expect(c.GRAPHQL_INTROSPECTION).toBe(true);
    expect(c.SMS_ALLOWED_COUNTRY_CODES).toEqual(['7']);
  });

  it('reads the SMS country allowlist as calling codes and refuses anything else', () => {
    expect(loadConfig({ ...base, SMS_ALLOWED_COUNTRY_CODES: '7, +375,998' }).SMS_ALLOWED_COUNTRY_CODES).toEqual(['7', '375', '998']);
    expect(() => loadConfig({ ...base, SMS_ALLOWED_COUNTRY_CODES: 'RU' })).toThrow(/SMS_ALLOWED_COUNTRY_CODES/);
    expect(() => loadConfig({ ...base, SMS_ALLOWED_COUNTRY_CODES: ' , ' })).toThrow(/SMS_ALLOWED_COUNTRY_CODES/);
  });

  it('sets production defaults explicitly', () => {
    const c = loadConfig({ ...base, NODE_ENV: 'production', SMS_GATEWAY_URL: 'https://sms.example/send', SMS_GATEWAY_TOKEN: 't', SMTP_URL: 'smtp://mail.example', DATA_ENCRYPTION_KEY: Buffer.alloc(32, 2).toString('base64'), PAYMENT_SHOP_ID: 's', PAYMENT_SECRET_KEY: 'k' });
    expect(c.GRAPHQL_INTROSPECTION).toBe(false);
    expect(c.isProduction).toBe(true);
  });

  it('lists every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', ROLE: 'web', MIGRATE_ON_START: 'maybe' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const key of ['PORT', 'ROLE', 'MIGRATE_ON_START', 'DATABASE_URL', 'REDIS_URL']) expect(problems).toContain(key);
  });

  it('requires a data encryption key in production and checks every key given', () => {
    const prod = { ...base, NODE_ENV: 'production', SMS_GATEWAY_URL: 'https://sms.example/send', SMS_GATEWAY_TOKEN: 't', SMTP_URL: 'smtp://mail.example', PAYMENT_SHOP_ID: 's', PAYMENT_SECRET_KEY: 'k' };
    expect(() => loadConfig(prod)).toThrow(/DATA_ENCRYPTION_KEY: required in production/);
    const key = Buffer.alloc(32, 1).toString('base64');
    expect(loadConfig({ ...prod, DATA_ENCRYPTION_KEY: key }).DATA_ENCRYPTION_KEY).toBe(key);
    expect(() => loadConfig({ ...base, DATA_ENCRYPTION_KEY: 'short' })).toThrow(/DATA_ENCRYPTION_KEY: a key is 32 bytes/);
    expect(() => loadConfig({ ...base, DATA_ENCRYPTION_PREVIOUS_KEYS: `${key},nope` })).toThrow(/DATA_ENCRYPTION_PREVIOUS_KEYS: a key is 32 bytes/);
  });

  it('refuses production without a payment provider, and half of its credentials anywhere', () => {
    const prod = { ...base, NODE_ENV: 'production', SMS_GATEWAY_URL: 'https://sms.example/send', SMS_GATEWAY_TOKEN: 't', SMTP_URL: 'smtp://mail.example', DATA_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64') };
    expect(() => loadConfig(prod)).toThrow(/PAYMENT_SHOP_ID, PAYMENT_SECRET_KEY: required in production/);
    expect(() => loadConfig({ ...base, PAYMENT_SHOP_ID: 's' })).toThrow(/give both or neither/);
    expect(loadConfig({ ...base, PUBLIC_URL: 'https://lk.example' }).PAYMENT_RETURN_URLS).toEqual(['https://lk.example/']);
    expect(loadConfig({ ...base, PAYMENT_RETURN_URLS: 'https://a.example/pay/, https://b.example/' }).PAYMENT_RETURN_URLS).toEqual(['https://a.example/pay/', 'https://b.example/']);
  });

  it('reads CORS_ORIGINS as exact origins and refuses * in production', () => {
    expect(loadConfig({ ...base, CORS_ORIGINS: 'https://a.example, http://localhost:5173' }).CORS_ORIGINS).toEqual(['https://a.example', 'http://localhost:5173']);
    expect(loadConfig(base).CORS_ORIGINS).toEqual([]);
    expect(loadConfig({ ...base, CORS_ORIGINS: '*' }).CORS_ORIGINS).toEqual(['*']);
    expect(() => loadConfig({ ...base, CORS_ORIGINS: 'https://a.example/app' })).toThrow(/CORS_ORIGINS: https:\/\/a.example\/app is not an origin/);
    const prod = { ...base, NODE_ENV: 'production', SMS_GATEWAY_URL: 'https://sms.example/send', SMS_GATEWAY_TOKEN: 't', SMTP_URL: 'smtp://mail.example', DATA_ENCRYPTION_KEY: Buffer.alloc(32, 2).toString('base64') };
    expect(() => loadConfig({ ...prod, CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS: \* is not allowed in production/);
  });

  it('refuses production without real gateways', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production' })).toThrow(/SMS_GATEWAY_URL[\s\S]*SMTP_URL/);
  });

  it('every variable is documented in the README with its default', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const undocumented = CONFIG_KEYS.filter((k) => !new RegExp(`^\\|\\s*\`${k}\`\\s*\\|`, 'm').test(readme));
    expect(undocumented).toEqual([]);
  });

  describe('SSO_PROVIDERS', () => {
    const provider = { id: 'esia', name: 'Госуслуги', issuer: 'https://esia.gosuslugi.ru/', clientId: 'MFC01', clientSecret: 's', redirectUris: ['https://lk.mfc.ru/sso/callback'] };

    it('is empty by default, and a provider gets the standard claim mapping', () => {
      expect(loadConfig(base).SSO_PROVIDERS).toEqual([]);
      const [p] = loadConfig({ ...base, SSO_PROVIDERS: JSON.stringify([provider]) }).SSO_PROVIDERS;
      expect(p).toMatchObject({ scopes: ['openid'], tokenEndpointAuth: 'client_secret_basic', userinfo: true, allowInsecureHttp: false });
      expect(p?.claims).toMatchObject({ phone: 'phone_number', phoneVerified: 'phone_number_verified', snils: 'snils', lastName: 'family_name' });
    });

    it('names every problem: bad JSON, a plain-HTTP issuer, missing openid, duplicate ids, insecure in production', () => {
      expect(() => loadConfig({ ...base, SSO_PROVIDERS: '[{' })).toThrow(/SSO_PROVIDERS: not valid JSON/);
      expect(() => loadConfig({ ...base, SSO_PROVIDERS: JSON.stringify([{ ...provider, issuer: 'http://idp.example' }]) })).toThrow(/must be https/);
      expect(() => loadConfig({ ...base, SSO_PROVIDERS: JSON.stringify([{ ...provider, scopes: ['profile'] }]) })).toThrow(/must include openid/);
      expect(() => loadConfig({ ...base, SSO_PROVIDERS: JSON.stringify([provider, provider]) })).toThrow(/unique/);
      expect(() => loadConfig({ ...base, SSO_PROVIDERS: JSON.stringify([{ ...provider, redirectUris: [] }]) })).toThrow(/SSO_PROVIDERS/);
      expect(() =>
        loadConfig({ ...base, NODE_ENV: 'production', SMS_GATEWAY_URL: 'https://sms.example/send', SMS_GATEWAY_TOKEN: 't', SMTP_URL: 'smtp://mail.example', SSO_PROVIDERS: JSON.stringify([{ ...provider, allowInsecureHttp: true }]) }),
      ).toThrow(/allowInsecureHttp is not allowed in production/);
    });
  });

  it('derives the WebAuthn relying party from PUBLIC_URL unless given, and checks the origins', () => {
    expect(loadConfig({ ...base, PUBLIC_URL: 'https://lk.mfc.ru' })).toMatchObject({ WEBAUTHN_RP_ID: 'lk.mfc.ru', WEBAUTHN_ORIGINS: ['https://lk.mfc.ru'] });
    expect(loadConfig({ ...base, WEBAUTHN_ORIGINS: 'https://a.example, https://b.example:8443' }).WEBAUTHN_ORIGINS).toEqual(['https://a.example', 'https://b.example:8443']);
    expect(() => loadConfig({ ...base, WEBAUTHN_ORIGINS: 'https://a.example/path' })).toThrow(/WEBAUTHN_ORIGINS/);
  });
});
