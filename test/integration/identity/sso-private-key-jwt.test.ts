/**
 * SSO client authentication with private_key_jwt: a GOST-signed client_assertion (the MFC's key
 * registered with ESIA) that the local ESIA-style provider verifies (test/helpers/oidc-provider.ts,
 * gostAssertionCheck), and an RS256 one that oidc-provider verifies against the client's JWKS.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BeginSsoLoginDocument, CompleteSsoLoginDocument } from '../../../src/sdk/generated/graphql.js';
import { gostPrivateKeyPem } from '../../../src/modules/identity/index.js';
import { uniquePhone } from '../../helpers/accounts.js';
import { startTestApp, type TestApp } from '../../helpers/app.js';
import { errorOf } from '../../helpers/graphql.js';
import { ESIA_JWT_CLIENT_ID, JWT_CLIENT_ID, REDIRECT_URI, browserLogin, startOidcProvider, type TestOidcProvider } from '../../helpers/oidc-provider.js';
import { issueGost, type GostIssued } from '../../helpers/gost-pki.js';

let op: TestOidcProvider;
let t: TestApp;
let mfc: GostIssued;
let other: GostIssued;

beforeAll(async () => {
  op = await startOidcProvider();
  const ca = issueGost(null, { subject: 'CN=УЦ ГОСТ для ИС, C=RU', ca: true });
  mfc = issueGost(ca, { subject: 'CN=ГАУ МФЦ, O=МФЦ, C=RU', bits: 512 });
  other = issueGost(ca, { subject: 'CN=ГАУ МФЦ, O=МФЦ, C=RU', bits: 512 });
  op.esiaCertificate = mfc.cert;
  const base = { name: 'Госуслуги (ЕСИА)', issuer: op.issuer, clientAuth: 'private_key_jwt', scopes: ['openid', 'profile', 'phone', 'trusted'], redirectUris: [REDIRECT_URI], allowInsecureHttp: true, confirmedWhen: { claim: 'trusted', equals: true } };
  const gost = (id: string, key: GostIssued) => ({ ...base, id, clientId: ESIA_JWT_CLIENT_ID, gostPrivateKey: gostPrivateKeyPem(key), gostCertificate: key.pem });
  const rs = { ...base, id: 'jwt-rs', name: 'Провайдер', clientId: JWT_CLIENT_ID, jwtPrivateKey: op.clientAssertionKeyPem, jwtKeyId: 'mfc-client-key' };
  t = await startTestApp({ SSO_PROVIDERS: JSON.stringify([gost('esia-jwt', mfc), gost('esia-jwt-other', other), rs]) });
});
afterAll(async () => {
  await t?.stop();
  await op?.close();
});

function providerAccount(): string {
  const id = `esia-${randomUUID()}`;
  op.accounts.set(id, { family_name: 'Смирнов', given_name: 'Пётр', phone_number: uniquePhone(), phone_number_verified: true, trusted: true });
  return id;
}

async function loginWith(providerId: string) {
  const { beginSsoLogin } = await t.client.request(BeginSsoLoginDocument, { providerId, redirectUri: REDIRECT_URI });
  const back = await browserLogin(beginSsoLogin.authorizationUrl, providerAccount());
  return t.client.request(CompleteSsoLoginDocument, { state: beginSsoLogin.state, code: back.searchParams.get('code') ?? '' });
}

describe('private_key_jwt client authentication', () => {
  it('a GOST-signed client_assertion (512-bit key) is verified by the ESIA-style provider and the login completes', async () => {
    const since = op.esiaChecks.length;
    const { completeSsoLogin } = await loginWith('esia-jwt');
    expect(completeSsoLogin.user.trustLevel).toBe('CONFIRMED');
    expect(op.esiaChecks.slice(since)).toEqual([{ endpoint: 'token', result: 'OK' }]);
  });

  it('an assertion signed by a key the provider does not have registered is refused at the token endpoint', async () => {
    const since = op.esiaChecks.length;
    const err = await errorOf(loginWith('esia-jwt-other'));
    expect(err.extensions.reason).toBe('PROVIDER_REJECTED');
    expect(op.esiaChecks.slice(since)).toEqual([{ endpoint: 'token', result: 'signature' }]);
  });

  it('an RS256 client_assertion where the provider wants one: oidc-provider checks it against the client\'s JWKS', async () => {
    const { completeSsoLogin } = await loginWith('jwt-rs');
    expect(completeSsoLogin.user.lastName).toBe('Смирнов');
  });
});
