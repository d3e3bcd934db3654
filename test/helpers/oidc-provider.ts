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
import { SignJWT, decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, type CryptoKey, type JWTPayload } from 'jose';
import Provider from 'oidc-provider';

export const CLIENT_ID = 'mfc-account';
export const CLIENT_SECRET = 'test-client-secret-0123456789';
export const REDIRECT_URI = 'https://lk.mfc.test/sso/callback';

export type AccountClaims = Record<string, unknown>;

export interface TestOidcProvider {
  issuer: string;
  accounts: Map<string, AccountClaims>;
  /** Set to change the next ID token(s) the token endpoint answers; null to stop. */
  tamperIdToken: ((claims: JWTPayload) => { claims: JWTPayload; foreignKey?: boolean }) | null;
  close(): Promise<void>;
}

export async function startOidcProvider(): Promise<TestOidcProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const foreign = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(privateKey)), kid: 'provider-key', alg: 'RS256', use: 'sig' };
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
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  provider.use(async (ctx, next) => {
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
