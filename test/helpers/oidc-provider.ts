/**
 * A real OpenID Connect provider (the oidc-provider package) on loopback for the SSO tests, with
 * one confidential test client, accounts whose claims the test sets, and the provider's
 * development login and consent pages. `browserLogin` walks through them like a browser (cookies,
 * redirects, forms). `tamperIdToken` lets a test play a provider gone wrong: the ID token of the
 * next token response is re-signed with changed claims (or with a key the provider never
 * published), which is how foreign issuers, audiences and expired tokens are produced.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPrivateKey } from 'node:crypto';
import { SignJWT, decodeJwt, decodeProtectedHeader, exportJWK, exportPKCS8, generateKeyPair, type CryptoKey, type JWTPayload } from 'jose';
import Provider from 'oidc-provider';
import type * as x509 from '@peculiar/x509';
import { gostKeyOf, gostVerify, verifyGostCms } from '../../src/modules/identity/index.js';

export const CLIENT_ID = 'mfc-account';
export const CLIENT_SECRET = 'test-client-secret-0123456789';
export const REDIRECT_URI = 'https://lk.mfc.test/sso/callback';

/** The client that authenticates the ESIA way (a GOST-signed client_secret); see esiaCheck. */
export const ESIA_CLIENT_ID = 'MFC_TEST_ESIA';
const ESIA_INTERNAL_SECRET = 'esia-checked-the-gost-signature-0123456789';
/** The client that authenticates with a GOST-signed client_assertion JWT (private_key_jwt the ESIA way); see gostAssertionCheck. */
export const ESIA_JWT_CLIENT_ID = 'MFC_TEST_ESIA_JWT';
/** The client that authenticates with an RS256 client_assertion (private_key_jwt), checked by oidc-provider itself. */
export const JWT_CLIENT_ID = 'mfc-account-jwt';
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export type AccountClaims = Record<string, unknown>;

export interface TestOidcProvider {
  issuer: string;
  accounts: Map<string, AccountClaims>;
  /** Set to change the next ID token(s) the token endpoint answers; null to stop. */
  tamperIdToken: ((claims: JWTPayload) => { claims: JWTPayload; foreignKey?: boolean }) | null;
  /** The certificate registered for ESIA_CLIENT_ID, whose key must sign its client_secret. */
  esiaCertificate: x509.X509Certificate | null;
  /** Every ESIA client check made: where, and whether it passed (or why not). */
  esiaChecks: Array<{ endpoint: 'auth' | 'token'; result: string; timestamp?: string }>;
  /** ESIA-shaped person data served at /rs/prns/{oid} (oid = the account id) to a holder of that account's access token. */
  esiaPersons: Map<string, Record<string, unknown>>;
  /** The RS256 private key (PKCS#8 PEM) of JWT_CLIENT_ID, whose public key the provider has. */
  clientAssertionKeyPem: string;
  close(): Promise<void>;
}

export async function startOidcProvider(): Promise<TestOidcProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const foreign = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(privateKey)), kid: 'provider-key', alg: 'RS256', use: 'sig' };
  const clientKeys = await generateKeyPair('RS256', { extractable: true });
  const clientJwk = { ...(await exportJWK(clientKeys.publicKey)), kid: 'mfc-client-key', alg: 'RS256', use: 'sig' };
  const seenJti = new Set<string>();
  const accounts = new Map<string, AccountClaims>();

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [REDIRECT_URI],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
      {
        client_id: ESIA_CLIENT_ID,
        client_secret: ESIA_INTERNAL_SECRET,
        redirect_uris: [REDIRECT_URI],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
      {
        client_id: ESIA_JWT_CLIENT_ID,
        client_secret: ESIA_INTERNAL_SECRET,
        redirect_uris: [REDIRECT_URI],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
      {
        client_id: JWT_CLIENT_ID,
        redirect_uris: [REDIRECT_URI],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'private_key_jwt',
        token_endpoint_auth_signing_alg: 'RS256',
        jwks: { keys: [clientJwk] },
      },
    ],
    jwks: { keys: [jwk] },
    claims: {
      openid: ['sub'],
      profile: ['family_name', 'given_name', 'middle_name', 'birthdate'],
      email: ['email', 'email_verified'],
      phone: ['phone_number', 'phone_number_verified'],
      snils: ['snils', 'snils_verified'],
      trusted: ['trusted'],
    },
    scopes: ['openid', 'profile', 'email', 'phone', 'snils', 'trusted'],
    findAccount(_ctx, id) {
      const claims = accounts.get(id);
      if (!claims) return undefined;
      return { accountId: id, claims: () => ({ ...claims, sub: id }) };
    },
    cookies: { keys: ['test-cookie-key-0123456789'] },
    features: { devInteractions: { enabled: true } },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
  });
  const state: TestOidcProvider = {
    issuer,
    accounts,
    tamperIdToken: null,
    esiaCertificate: null,
    esiaChecks: [],
    esiaPersons: new Map(),
    clientAssertionKeyPem: createPrivateKey(await exportPKCS8(clientKeys.privateKey)).export({ type: 'pkcs8', format: 'pem' }).toString(),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  provider.use(async (ctx, next) => {
    const prns = /^\/rs\/prns\/([^/]+)$/.exec(ctx.path);
    if (prns && ctx.method === 'GET') {
      const token = await provider.AccessToken.find(/^Bearer (.+)$/.exec(ctx.get('authorization'))?.[1] ?? '');
      const person = state.esiaPersons.get(decodeURIComponent(prns[1] ?? ''));
      if (!token || token.accountId !== decodeURIComponent(prns[1] ?? '')) return void ((ctx.status = 401), (ctx.body = { code: 'ESIA-005011' }));
      return void ((ctx.status = person ? 200 : 404), (ctx.body = person ?? {}));
    }
    if (ctx.path === '/auth' && ctx.query.client_id === ESIA_CLIENT_ID) {
      const result = esiaCheck(new URLSearchParams(ctx.querystring), state.esiaCertificate, true);
      state.esiaChecks.push({ endpoint: 'auth', result, timestamp: ctx.query.timestamp as string });
      if (result !== 'OK') return void ((ctx.status = 400), (ctx.body = { error: 'invalid_request', error_description: result }));
    }
    if (ctx.path === '/token' && ctx.method === 'POST' && state.esiaCertificate) {
      const chunks: Buffer[] = [];
      for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      if (form.get('client_id') === ESIA_CLIENT_ID) {
        const result = esiaCheck(form, state.esiaCertificate, false);
        state.esiaChecks.push({ endpoint: 'token', result, timestamp: form.get('timestamp') ?? undefined });
        if (result !== 'OK') return void ((ctx.status = 400), (ctx.body = { error: 'invalid_client', error_description: result }));
        // Checked the ESIA way: oidc-provider goes on with the code as for any confidential client.
        for (const k of ['timestamp', 'state', 'scope', 'token_type']) form.delete(k);
        form.set('client_secret', ESIA_INTERNAL_SECRET);
      }
      if (form.get('client_assertion_type') === JWT_BEARER && decodeJwt(form.get('client_assertion') ?? '').iss === ESIA_JWT_CLIENT_ID) {
        const result = gostAssertionCheck(form.get('client_assertion') ?? '', state.esiaCertificate, [issuer, `${issuer}/token`], seenJti);
        state.esiaChecks.push({ endpoint: 'token', result });
        if (result !== 'OK') return void ((ctx.status = 401), (ctx.body = { error: 'invalid_client', error_description: result }));
        // Checked the ESIA way: oidc-provider goes on with the code as for any confidential client.
        for (const k of ['client_assertion', 'client_assertion_type']) form.delete(k);
        form.set('client_id', ESIA_JWT_CLIENT_ID);
        form.set('client_secret', ESIA_INTERNAL_SECRET);
      }
      (ctx.req as unknown as { body: string }).body = form.toString();
    }
    await next();
    const body = ctx.body as { id_token?: unknown } | undefined;
    if (ctx.path !== '/token' || ctx.status !== 200 || !state.tamperIdToken || typeof body?.id_token !== 'string') return;
    const header = decodeProtectedHeader(body.id_token);
    const changed = state.tamperIdToken(decodeJwt(body.id_token));
    const key: CryptoKey = changed.foreignKey ? foreign.privateKey : privateKey;
    ctx.body = { ...body, id_token: await new SignJWT(changed.claims).setProtectedHeader({ alg: 'RS256', kid: header.kid ?? 'provider-key' }).sign(key) };
  });
  const handle = provider.callback();
  server.on('request', (req, res) => {
    void handle(req, res);
  });
  return state;
}

const ESIA_TIMESTAMP = /^(\d{4})\.(\d{2})\.(\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-]\d{2})(\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What ESIA checks of a client's request: a timestamp in its format within an hour of now, a
 * UUID state, access_type=online on /ac, and client_secret: base64url of a CMS detached
 * signature of scope+timestamp+client_id+state by the key of the registered certificate.
 */
function esiaCheck(params: URLSearchParams, registered: x509.X509Certificate | null, authorization: boolean): string {
  const [scope, timestamp, clientId, stateValue, secret] = ['scope', 'timestamp', 'client_id', 'state', 'client_secret'].map((k) => params.get(k) ?? '');
  const m = ESIA_TIMESTAMP.exec(timestamp ?? '');
  if (!m) return 'timestamp format';
  const [, y, mo, d, h, mi, s, zh, zm] = m.map(Number);
  const at = Date.UTC(y ?? 0, (mo ?? 1) - 1, d, h, mi, s) - Math.sign(zh ?? 0) * ((Math.abs(zh ?? 0) * 60 + (zm ?? 0)) * 60_000);
  if (Math.abs(Date.now() - at) > 3_600_000) return 'timestamp too far';
  if (!UUID.test(stateValue ?? '')) return 'state is not a UUID';
  if (authorization && params.get('access_type') !== 'online') return 'access_type';
  if (!registered || !secret) return 'no client secret';
  const signed = new TextEncoder().encode(`${scope}${timestamp}${clientId}${stateValue}`);
  return verifyGostCms(new Uint8Array(Buffer.from(secret, 'base64url')), signed, registered) ? 'OK' : 'client_secret signature';
}

/**
 * What a provider taking GOST-signed client assertions checks: alg GOST3410_2012_256/512, iss and
 * sub the client, aud this provider (issuer or token endpoint), not expired, a jti not seen before,
 * and the signature of the signing input (s||r big-endian, Streebog) by the registered certificate's key.
 */
function gostAssertionCheck(jwt: string, registered: x509.X509Certificate | null, audiences: string[], seenJti: Set<string>): string {
  const [h = '', p = '', s = ''] = jwt.split('.');
  const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as { alg?: string };
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as { iss?: string; sub?: string; aud?: string; exp?: number; iat?: number; jti?: string };
  const now = Date.now() / 1000;
  if (!/^GOST3410_2012_(256|512)$/.test(header.alg ?? '')) return 'alg';
  if (claims.iss !== ESIA_JWT_CLIENT_ID || claims.sub !== claims.iss) return 'iss/sub';
  if (!audiences.includes(claims.aud ?? '')) return 'aud';
  if (!claims.exp || claims.exp < now || (claims.iat ?? 0) > now + 60) return 'exp';
  if (!claims.jti || seenJti.has(claims.jti)) return 'jti replay';
  seenJti.add(claims.jti);
  const key = registered ? gostKeyOf(registered) : undefined;
  if (!key) return 'no registered certificate';
  const ok = gostVerify({ curveOid: key.curveOid, publicKey: key.point, signature: new Uint8Array(Buffer.from(s, 'base64url')), data: new TextEncoder().encode(`${h}.${p}`) });
  return ok ? 'OK' : 'signature';
}

/**
 * Follows the authorization URL like a browser: redirects by hand (keeping cookies), the login
 * form filled with `accountId`, the consent form confirmed; stops at the redirect back to
 * `redirectUri` and returns that URL (with code, state and iss, or an error).
 */
export async function browserLogin(authorizationUrl: string, accountId: string, redirectUri = REDIRECT_URI): Promise<URL> {
  const jar = new Map<string, string>();
  let url = new URL(authorizationUrl);
  let init: { method: string; body?: string } = { method: 'GET' };
  for (let step = 0; step < 20; step++) {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(init.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = c.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*expires=/i.test(a) && new Date(a.split('=')[1] ?? '').getTime() < Date.now());
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      const next = new URL(location, url);
      if (next.href.startsWith(redirectUri)) return next;
      url = next;
      init = { method: 'GET' };
      continue;
    }
    const html = await res.text();
    if (res.status !== 200) throw new Error(`provider answered ${res.status} at ${url.pathname}: ${html.slice(0, 300)}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`no form at ${url.pathname}`);
    const fields = new URLSearchParams();
    for (const m of html.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) fields.set(m[1] ?? '', m[2] ?? '');
    if (/name="login"/.test(html)) {
      fields.set('login', accountId);
      fields.set('password', 'any password');
    }
    url = new URL(action.replace(/&amp;/g, '&'), url);
    init = { method: 'POST', body: fields.toString() };
  }
  throw new Error('the provider flow did not come back to the redirect URI');
}
