/**
 * SSO login at an ESIA-style provider that authenticates this system the ESIA way: the
 * authorization and token requests carry timestamp, a UUID state and a client_secret that is a CMS
 * detached GOST signature by the MFC's registered key (test/helpers/oidc-provider.ts checks it).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BeginSsoLoginDocument, CompleteSsoLoginDocument } from '../../../src/sdk/generated/graphql.js';
import { gostPrivateKeyPem } from '../../../src/modules/identity/index.js';
import { uniquePhone } from '../../helpers/accounts.js';
import { startTestApp, type TestApp } from '../../helpers/app.js';
import { errorOf } from '../../helpers/graphql.js';
import { freshSnils } from '../../helpers/identifiers.js';
import { formatSnils } from '../../../src/shared/identifiers.js';
import { ESIA_CLIENT_ID, REDIRECT_URI, browserLogin, startOidcProvider, type TestOidcProvider } from '../../helpers/oidc-provider.js';
import { issueGost, type GostIssued } from '../../helpers/gost-pki.js';

let op: TestOidcProvider;
let t: TestApp;
let mfc: GostIssued;
let other: GostIssued;
const scopes = ['openid', 'profile', 'phone', 'snils', 'trusted'];

beforeAll(async () => {
  op = await startOidcProvider();
  const ca = issueGost(null, { subject: 'CN=УЦ ГОСТ для ИС, C=RU', ca: true });
  mfc = issueGost(ca, { subject: 'CN=ГАУ МФЦ, O=МФЦ, C=RU' });
  other = issueGost(ca, { subject: 'CN=ГАУ МФЦ, O=МФЦ, C=RU' });
  op.esiaCertificate = mfc.cert;
  const provider = (id: string, key: GostIssued, cert: GostIssued) => ({
    id,
    name: 'Госуслуги (ЕСИА)',
    issuer: op.issuer,
    clientId: ESIA_CLIENT_ID,
    clientAuth: 'esia_gost_signature',
    gostPrivateKey: gostPrivateKeyPem(key),
    gostCertificate: cert.pem,
    scopes,
    redirectUris: [REDIRECT_URI],
    confirmedWhen: { claim: 'trusted', equals: true },
    allowInsecureHttp: true,
  });
  // "esia-other": a key the ESIA registration does not know; "esia-mismatch": a key that is not the certificate's.
  // "esia-rs": the ID token says only who (sub = oid); the person data come from /rs/prns/{oid}.
  const rs = { ...provider('esia-rs', mfc, mfc), scopes: ['openid'], esiaApiUrl: op.issuer, userinfo: false };
  t = await startTestApp({ SSO_PROVIDERS: JSON.stringify([provider('esia', mfc, mfc), provider('esia-other', other, other), provider('esia-mismatch', other, mfc), rs]) });
});
afterAll(async () => {
  await t?.stop();
  await op?.close();
});

function providerAccount(claims: Record<string, unknown>): string {
  const id = `esia-${randomUUID()}`;
  op.accounts.set(id, { family_name: 'Смирнов', given_name: 'Пётр', ...claims });
  return id;
}

async function begin(providerId = 'esia') {
  return (await t.client.request(BeginSsoLoginDocument, { providerId, redirectUri: REDIRECT_URI })).beginSsoLogin;
}

describe('ESIA client authentication with a GOST signature', () => {
  it('the authorization and token requests carry ESIA parameters and a GOST client_secret the provider verifies; the login completes', async () => {
    const since = op.esiaChecks.length;
    const redirect = await begin();
    const url = new URL(redirect.authorizationUrl);
    expect(redirect.state).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(url.searchParams.get('access_type')).toBe('online');
    expect(url.searchParams.get('timestamp')).toMatch(/^\d{4}\.\d{2}\.\d{2} \d{2}:\d{2}:\d{2} \+0000$/);
    expect(url.searchParams.get('client_secret')).toMatch(/^[A-Za-z0-9_-]+$/);
    const snils = freshSnils();
    const back = await browserLogin(redirect.authorizationUrl, providerAccount({ snils, snils_verified: true, trusted: true, phone_number: uniquePhone(), phone_number_verified: true }));
    const code = back.searchParams.get('code') ?? '';
    const { completeSsoLogin } = await t.client.request(CompleteSsoLoginDocument, { state: redirect.state, code });
    expect(completeSsoLogin.user.trustLevel).toBe('CONFIRMED');
    expect(op.esiaChecks.slice(since).map((c) => `${c.endpoint}:${c.result}`)).toEqual(['auth:OK', 'token:OK']);
  });

  it('a key ESIA does not know for the client is refused at the authorization request', async () => {
    const since = op.esiaChecks.length;
    const redirect = await begin('esia-other');
    await expect(browserLogin(redirect.authorizationUrl, providerAccount({}))).rejects.toThrow(/400/);
    expect(op.esiaChecks.slice(since)).toEqual([expect.objectContaining({ endpoint: 'auth', result: 'client_secret signature' })]);
  });

  it('the token request is checked on its own: a registration changed after the authorization step refuses the code exchange', async () => {
    const redirect = await begin();
    const back = await browserLogin(redirect.authorizationUrl, providerAccount({}));
    op.esiaCertificate = other.cert;
    try {
      const err = await errorOf(t.client.request(CompleteSsoLoginDocument, { state: redirect.state, code: back.searchParams.get('code') ?? '' }));
      expect(err.extensions.reason).toBe('PROVIDER_REJECTED');
      expect(op.esiaChecks.at(-1)).toMatchObject({ endpoint: 'token', result: 'client_secret signature' });
    } finally {
      op.esiaCertificate = mfc.cert;
    }
  });

  it('a private key that is not the configured certificate\'s makes the provider unavailable, not a broken request', async () => {
    const err = await errorOf(t.client.request(BeginSsoLoginDocument, { providerId: 'esia-mismatch', redirectUri: REDIRECT_URI }));
    expect(err.extensions.code).toBe('PRECONDITION_FAILED');
  });

  it('person data from /rs/prns/{oid} (name, birth date, SNILS, trusted, verified mobile and e-mail) make the account', async () => {
    const oid = providerAccount({});
    const snils = freshSnils();
    const phone = uniquePhone();
    op.esiaPersons.set(oid, {
      firstName: 'Анна', lastName: 'Кузнецова', middleName: 'Петровна', birthDate: '15.03.1985', snils: formatSnils(snils), trusted: true,
      contacts: { elements: [{ type: 'MBT', vrfStu: 'VERIFIED', value: `+7(${phone.slice(2, 5)})${phone.slice(5)}` }, { type: 'EML', vrfStu: 'NOT_VERIFIED', value: 'anna@example.test' }] },
      documents: { elements: [{ type: 'RF_PASSPORT', vrfStu: 'VERIFIED', series: '4500', number: '123456' }] },
    });
    const redirect = await begin('esia-rs');
    const back = await browserLogin(redirect.authorizationUrl, oid);
    const { completeSsoLogin } = await t.client.request(CompleteSsoLoginDocument, { state: redirect.state, code: back.searchParams.get('code') ?? '' });
    expect(completeSsoLogin.user).toMatchObject({ lastName: 'Кузнецова', firstName: 'Анна', birthDate: '1985-03-15', phone, phoneVerified: true, trustLevel: 'CONFIRMED' });
    expect(completeSsoLogin.user.snils).toBe(formatSnils(snils));
  });

  it('person data ESIA refuses (no such person) fail the login as the provider\'s refusal', async () => {
    const redirect = await begin('esia-rs');
    const back = await browserLogin(redirect.authorizationUrl, providerAccount({}));
    const err = await errorOf(t.client.request(CompleteSsoLoginDocument, { state: redirect.state, code: back.searchParams.get('code') ?? '' }));
    expect(err.extensions.reason).toBe('PROVIDER_REJECTED');
  });
});
