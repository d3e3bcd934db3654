/**
 * Login through an OpenID Connect provider, end to end: a real oidc-provider on loopback, the
 * browser's way through its login and consent pages, and the API's beginSsoLogin /
 * completeSsoLogin around it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AddDocumentDocument,
  BeginSsoLoginDocument,
  CompleteSsoLoginDocument,
  MeDocument,
  MyActivityDocument,
  RefreshSessionDocument,
  SsoProvidersDocument,
  UpdateProfileDocument,
  LoginDocument,
} from '../../../src/sdk/generated/graphql.js';
import { addVerifiedIdentifier, registerCitizen, uniquePhone } from '../../helpers/accounts.js';
import { startTestApp, type TestApp } from '../../helpers/app.js';
import { errorOf } from '../../helpers/graphql.js';
import { CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, browserLogin, startOidcProvider, type TestOidcProvider } from '../../helpers/oidc-provider.js';
import { formatSnils } from '../../../src/shared/identifiers.js';
import { freshSnils } from '../../helpers/identifiers.js';

let op: TestOidcProvider;
let t: TestApp;

beforeAll(async () => {
  op = await startOidcProvider();
  t = await startTestApp({
    SSO_PROVIDERS: JSON.stringify([
      {
        id: 'esia',
        name: 'Госуслуги',
        issuer: op.issuer,
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        scopes: ['openid', 'profile', 'email', 'phone', 'snils', 'trusted'],
        redirectUris: [REDIRECT_URI],
        confirmedWhen: { claim: 'trusted', equals: true },
        allowInsecureHttp: true,
      },
    ]),
  });
});
afterAll(async () => {
  await t?.stop();
  await op?.close();
});

function providerAccount(claims: Record<string, unknown>): string {
  const id = `op-${randomUUID()}`;
  op.accounts.set(id, { family_name: 'Смирнов', given_name: 'Пётр', ...claims });
  return id;
}

async function begin() {
  const { beginSsoLogin } = await t.client.request(BeginSsoLoginDocument, { providerId: 'esia', redirectUri: REDIRECT_URI });
  return beginSsoLogin;
}

/** The whole flow: begin, the browser at the provider, the code back to the API. */
async function ssoLogin(accountId: string) {
  const redirect = await begin();
  const back = await browserLogin(redirect.authorizationUrl, accountId);
  const code = back.searchParams.get('code');
  expect(back.searchParams.get('state')).toBe(redirect.state);
  if (!code) throw new Error(`no code: ${back.href}`);
  const { completeSsoLogin } = await t.client.request(CompleteSsoLoginDocument, { state: redirect.state, code });
  return completeSsoLogin;
}

async function codeFor(accountId: string) {
  const redirect = await begin();
  const back = await browserLogin(redirect.authorizationUrl, accountId);
  return { state: redirect.state, code: back.searchParams.get('code') ?? '' };
}

describe('starting an SSO login', () => {
  it('lists the configured providers', async () => {
    const { ssoProviders } = await t.client.request(SsoProvidersDocument);
    expect(ssoProviders).toEqual([{ id: 'esia', name: 'Госуслуги' }]);
  });

  it('answers the provider URL with PKCE S256, a state and a nonce, and keeps the verifier to itself', async () => {
    const r = await begin();
    const url = new URL(r.authorizationUrl);
    expect(url.origin).toBe(op.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('state')).toBe(r.state);
    expect(url.searchParams.get('nonce')).toMatch(/.{20,}/);
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(url.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(url.searchParams.has('code_verifier')).toBe(false);
  });

  it('refuses a redirect URI outside the allowlist and an unknown provider', async () => {
    const wrongUri = await errorOf(t.client.request(BeginSsoLoginDocument, { providerId: 'esia', redirectUri: 'https://evil.example/cb' }));
    expect(wrongUri.code).toBe('BAD_USER_INPUT');
    expect(wrongUri.extensions.fields).toEqual([expect.objectContaining({ field: 'redirectUri' })]);
    const prefix = await errorOf(t.client.request(BeginSsoLoginDocument, { providerId: 'esia', redirectUri: `${REDIRECT_URI}/../x` }));
    expect(prefix.code).toBe('BAD_USER_INPUT');
    const unknown = await errorOf(t.client.request(BeginSsoLoginDocument, { providerId: 'nope', redirectUri: REDIRECT_URI }));
    expect(unknown.extensions.fields).toEqual([expect.objectContaining({ field: 'providerId' })]);
  });
});

describe('accounts', () => {
  it('given no matching account, creates one from the claims, and the next login finds it by (iss, sub)', async () => {
    const phone = uniquePhone();
    const snils = freshSnils();
    const account = providerAccount({ phone_number: phone, phone_number_verified: true, snils, snils_verified: true, middle_name: 'Ильич', birthdate: '1980-04-12' });

    const first = await ssoLogin(account);
    expect(first.user).toMatchObject({ phone, phoneVerified: true, lastName: 'Смирнов', firstName: 'Пётр', middleName: 'Ильич', birthDate: '1980-04-12', snils: formatSnils(snils), trustLevel: 'SIMPLIFIED' });
    const second = await ssoLogin(account);
    expect(second.user.id).toBe(first.user.id);

    const { me } = await t.client.withToken(second.accessToken).request(MeDocument);
    expect(me?.id).toBe(first.user.id);
    const { myActivity } = await t.client.withToken(second.accessToken).request(MyActivityDocument, { first: 10 });
    const entries = myActivity.nodes.map((n) => [n.action, (n.details as { method?: string } | null)?.method]);
    expect(entries.filter(([action]) => action !== 'SNILS_VERIFIED')).toEqual([['LOGIN', 'SSO'], ['LOGIN', 'SSO'], ['REGISTERED', 'SSO']]);
    // The provider vouched for the SNILS: it is a verified value of this account.
    expect(myActivity.nodes.find((n) => n.action === 'SNILS_VERIFIED')?.details).toMatchObject({ by: 'SSO', provider: 'esia' });
  });

  it('given a citizen whose SNILS an operator verified, a first login with that SNILS logs into their account, tells them, and the trust claim raises it to CONFIRMED', async () => {
    const citizen = await registerCitizen(t);
    const snils = freshSnils();
    await addVerifiedIdentifier(t, citizen.client, 'SNILS', snils);
    const account = providerAccount({ snils, snils_verified: true, phone_number: uniquePhone(), phone_number_verified: false, trusted: true });
    const since = t.sms.messages.length;

    const session = await ssoLogin(account);
    expect(session.user.id).toBe(citizen.id);
    expect(session.user.trustLevel).toBe('CONFIRMED');
    const notice = await t.sms.waitFor((m) => m.to === citizen.phone && /вход в кабинет/i.test(m.text));
    expect(t.sms.messages.indexOf(notice)).toBeGreaterThanOrEqual(since);
    const { myActivity } = await t.client.withToken(session.accessToken).request(MyActivityDocument, { first: 10 });
    expect(myActivity.nodes.map((n) => n.action)).toEqual(expect.arrayContaining(['LOGIN', 'IDENTITY_CONFIRMED', 'SSO_LINKED']));
  });

  describe('a SNILS typed by someone else never opens their account (takeover through a self-declared SNILS)', () => {
    it('the owner\'s first login creates the owner\'s own account with the SNILS; the squatter loses it, is told, and sees none of the owner\'s data', async () => {
      const squatter = await registerCitizen(t);
      const snils = freshSnils();
      await squatter.client.request(UpdateProfileDocument, { input: { snils } });
      const ownerPhone = uniquePhone();
      const since = t.sms.messages.length;

      const owner = await ssoLogin(providerAccount({ snils, snils_verified: true, phone_number: ownerPhone, phone_number_verified: true, trusted: true }));
      expect(owner.user.id).not.toBe(squatter.id);
      expect(owner.user).toMatchObject({ phone: ownerPhone, snils: formatSnils(snils), trustLevel: 'CONFIRMED' });

      const { me } = await squatter.client.request(MeDocument);
      expect(me?.snils).toBeNull();
      expect(me?.trustLevel).toBe('SIMPLIFIED');
      const told = await t.sms.waitFor((m) => m.to === squatter.phone && /СНИЛС удалён/.test(m.text));
      expect(t.sms.messages.indexOf(told)).toBeGreaterThanOrEqual(since);
      const { myActivity } = await squatter.client.request(MyActivityDocument, { first: 5 });
      expect(myActivity.nodes[0]).toMatchObject({ action: 'SNILS_REMOVED', ip: null });
      const [links] = await t.running.app.db.sql`select count(*)::int as n from sso_identities where user_id = ${squatter.id}`;
      expect(links?.n).toBe(0);

      // The next login goes by (iss, sub) to the owner's account, and the SNILS is now theirs verified:
      // the squatter cannot type it back.
      const again = await errorOf(squatter.client.request(UpdateProfileDocument, { input: { snils } }));
      expect(again.code).toBe('CONFLICT');
      expect(again.extensions.fields).toEqual([expect.objectContaining({ field: 'snils' })]);
    });

    it('an owner with an account found by a verified phone gets the SNILS from the squatter', async () => {
      const squatter = await registerCitizen(t);
      const owner = await registerCitizen(t);
      const snils = freshSnils();
      await squatter.client.request(UpdateProfileDocument, { input: { snils } });

      const session = await ssoLogin(providerAccount({ snils, snils_verified: true, phone_number: owner.phone, phone_number_verified: true }));
      expect(session.user.id).toBe(owner.id);
      expect(session.user.snils).toBe(formatSnils(snils));
      expect((await squatter.client.request(MeDocument)).me?.snils).toBeNull();
    });

    it('a SNILS the citizen typed is kept when the provider does not vouch for it, and links nothing', async () => {
      const citizen = await registerCitizen(t);
      const snils = freshSnils();
      await citizen.client.request(UpdateProfileDocument, { input: { snils } });
      const session = await ssoLogin(providerAccount({ snils, snils_verified: false, phone_number: uniquePhone(), phone_number_verified: true }));
      expect(session.user.id).not.toBe(citizen.id);
      expect(session.user.snils).toBeNull();
      expect((await citizen.client.request(MeDocument)).me?.snils).toBe(formatSnils(snils));
    });

    it('a SNILS verified in another account is a CONFLICT for anyone who types it or adds its document', async () => {
      const holder = await registerCitizen(t);
      const other = await registerCitizen(t);
      const snils = freshSnils();
      await addVerifiedIdentifier(t, holder.client, 'SNILS', snils);
      const typed = await errorOf(other.client.request(UpdateProfileDocument, { input: { snils } }));
      expect(typed.code).toBe('CONFLICT');
      const added = await errorOf(other.client.request(AddDocumentDocument, { input: { kind: 'SNILS', number: snils } }));
      expect(added.code).toBe('CONFLICT');
      expect((await holder.client.request(MeDocument)).me?.snils).toBe(formatSnils(snils));
    });
  });

  it('an account linked to one subject is not taken over by another subject with the same SNILS', async () => {
    const snils = freshSnils();
    const first = await ssoLogin(providerAccount({ snils, snils_verified: true, phone_number: uniquePhone(), phone_number_verified: true }));
    const { state, code } = await codeFor(providerAccount({ snils, snils_verified: true }));
    const err = await errorOf(t.client.request(CompleteSsoLoginDocument, { state, code }));
    expect(err.code).toBe('PRECONDITION_FAILED');
    expect(err.extensions.reason).toBe('ALREADY_LINKED');
    const [row] = await t.running.app.db.sql`select count(*)::int as n from sso_identities where user_id = ${first.user.id}`;
    expect(row?.n).toBe(1);
  });

  it('does not match by an unverified SNILS', async () => {
    const citizen = await registerCitizen(t);
    const snils = freshSnils();
    await citizen.client.request(UpdateProfileDocument, { input: { snils } });
    const account = providerAccount({ snils, snils_verified: false, phone_number: uniquePhone(), phone_number_verified: true });
    const session = await ssoLogin(account);
    expect(session.user.id).not.toBe(citizen.id);
    expect(session.user.snils).toBeNull();
  });

  it('matches an existing account by a verified phone', async () => {
    const citizen = await registerCitizen(t);
    const session = await ssoLogin(providerAccount({ phone_number: citizen.phone, phone_number_verified: true }));
    expect(session.user.id).toBe(citizen.id);
    expect(session.user.trustLevel).toBe('SIMPLIFIED');
  });

  it('never links by e-mail alone, even a verified one: a new account is made and the e-mail stays with its owner', async () => {
    const email = `sso-${randomUUID().slice(0, 8)}@mail.ru`;
    const citizen = await registerCitizen(t, { email });
    const account = providerAccount({ email, email_verified: true, phone_number: uniquePhone(), phone_number_verified: true });
    const session = await ssoLogin(account);
    expect(session.user.id).not.toBe(citizen.id);
    expect(session.user.email).toBeNull();
    // An unverified phone is no login either.
    const unverified = await ssoLogin(providerAccount({ email: `x-${randomUUID().slice(0, 8)}@mail.ru`, phone_number: citizen.phone, phone_number_verified: false }));
    expect(unverified.user.id).not.toBe(citizen.id);
    expect(unverified.user.phone).toBeNull();
  });

  it('raises the trust level when a later login vouches for the identity, and never lowers it', async () => {
    const claims: Record<string, unknown> = { phone_number: uniquePhone(), phone_number_verified: true, trusted: false };
    const account = providerAccount(claims);
    expect((await ssoLogin(account)).user.trustLevel).toBe('SIMPLIFIED');
    op.accounts.set(account, { ...op.accounts.get(account), trusted: true });
    expect((await ssoLogin(account)).user.trustLevel).toBe('CONFIRMED');
    op.accounts.set(account, { ...op.accounts.get(account), trusted: false });
    expect((await ssoLogin(account)).user.trustLevel).toBe('CONFIRMED');
  });

  it('gives the same refresh-token behaviour as a password login', async () => {
    const session = await ssoLogin(providerAccount({ phone_number: uniquePhone(), phone_number_verified: true }));
    const { refreshSession } = await t.client.request(RefreshSessionDocument, { refreshToken: session.refreshToken });
    expect(refreshSession.user.id).toBe(session.user.id);
    const reuse = await errorOf(t.client.request(RefreshSessionDocument, { refreshToken: session.refreshToken }));
    expect(reuse.code).toBe('UNAUTHENTICATED');
    const dead = await errorOf(t.client.request(RefreshSessionDocument, { refreshToken: refreshSession.refreshToken }));
    expect(dead.code).toBe('UNAUTHENTICATED');
  });

  it('signs in an account locked by wrong passwords: the lock stops password guessing only', async () => {
    const citizen = await registerCitizen(t);
    for (let i = 0; i < 3; i++) await t.client.raw(LoginDocument, { input: { login: citizen.phone, password: 'Неверный-1' } });
    const { state, code } = await codeFor(providerAccount({ phone_number: citizen.phone, phone_number_verified: true }));
    const { completeSsoLogin } = await t.client.request(CompleteSsoLoginDocument, { state, code });
    expect(completeSsoLogin.user.id).toBe(citizen.id);
  });
});

describe('refusals', () => {
  const account = () => providerAccount({ phone_number: uniquePhone(), phone_number_verified: true });

  it('a wrong or made-up state', async () => {
    const { code } = await codeFor(account());
    const err = await errorOf(t.client.request(CompleteSsoLoginDocument, { state: 'made-up-state', code }));
    expect(err.code).toBe('UNAUTHENTICATED');
    expect(err.extensions.reason).toBe('STATE_INVALID');
  });

  it('a state from another login does not take this code', async () => {
    const a = await codeFor(account());
    const other = await begin();
    const err = await errorOf(t.client.request(CompleteSsoLoginDocument, { state: other.state, code: a.code }));
    expect(err.extensions.reason).toBe('PROVIDER_REJECTED');
  });

  it('a replayed code: the state is spent, and the provider refuses the code under a new state', async () => {
    const { state, code } = await codeFor(account());
    await t.client.request(CompleteSsoLoginDocument, { state, code });
    const replay = await errorOf(t.client.request(CompleteSsoLoginDocument, { state, code }));
    expect(replay.extensions.reason).toBe('STATE_INVALID');
    const fresh = await begin();
    const again = await errorOf(t.client.request(CompleteSsoLoginDocument, { state: fresh.state, code }));
    expect(again.extensions.reason).toBe('PROVIDER_REJECTED');
  });

  it('an expired state', async () => {
    const { state, code } = await codeFor(account());
    t.clock.advance(t.config.SSO_STATE_TTL_SECONDS * 1000 + 1000);
    try {
      const err = await errorOf(t.client.request(CompleteSsoLoginDocument, { state, code }));
      expect(err.extensions.reason).toBe('STATE_INVALID');
    } finally {
      t.clock.reset();
    }
  });

  it('a wrong nonce: the code was obtained with a nonce other than the one kept for this state', async () => {
    const redirect = await begin();
    const url = new URL(redirect.authorizationUrl);
    url.searchParams.set('nonce', 'attacker-chosen-nonce-0123456789');
    const back = await browserLogin(url.href, account());
    const err = await errorOf(t.client.request(CompleteSsoLoginDocument, { state: redirect.state, code: back.searchParams.get('code') ?? '' }));
    expect(err.extensions.reason).toBe('ID_TOKEN_INVALID');
  });

  const tampered: Array<[string, (c: Record<string, unknown>) => { claims: Record<string, unknown>; foreignKey?: boolean }]> = [
    ['a foreign issuer', (c) => ({ claims: { ...c, iss: 'https://other-provider.example' } })],
    ['a foreign audience', (c) => ({ claims: { ...c, aud: 'some-other-client' } })],
    ['an expired ID token', (c) => ({ claims: { ...c, iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 } })],
    ['a signature by a key the provider never published', (c) => ({ claims: c, foreignKey: true })],
  ];
  for (const [what, change] of tampered) {
    it(`an ID token with ${what}`, async () => {
      const accountId = account();
      const { state, code } = await codeFor(accountId);
      op.tamperIdToken = change;
      try {
        const err = await errorOf(t.client.request(CompleteSsoLoginDocument, { state, code }));
        expect(err.code).toBe('UNAUTHENTICATED');
        expect(err.extensions.reason).toBe('ID_TOKEN_INVALID');
      } finally {
        op.tamperIdToken = null;
      }
      const [row] = await t.running.app.db.sql`select count(*)::int as n from sso_identities where subject = ${accountId}`;
      expect(row?.n).toBe(0);
    });
  }

  it('the untampered path through the same hook still works (the hook itself breaks nothing)', async () => {
    op.tamperIdToken = (c) => ({ claims: c });
    try {
      const session = await ssoLogin(account());
      expect(session.accessToken).toBeTruthy();
    } finally {
      op.tamperIdToken = null;
    }
  });
});
