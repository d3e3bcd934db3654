/** Passkeys through the API with a software authenticator: registration, login, and what is refused. */
import { describe, expect, it } from 'vitest';
import {
  BeginPasskeyLoginDocument,
  BeginPasskeyRegistrationDocument,
  DeactivateStaffUserDocument,
  FinishPasskeyLoginDocument,
  FinishPasskeyRegistrationDocument,
  LoginDocument,
  MeDocument,
  MyActivityDocument,
  MyPasskeysDocument,
  ReactivateStaffUserDocument,
  RefreshSessionDocument,
  RemovePasskeyDocument,
} from '../../../src/sdk/generated/graphql.js';
import type { MfcClient } from '../../../src/sdk/client.js';
import { createAccount, registerCitizen } from '../../helpers/accounts.js';
import { freshBranch, operatorOf } from '../../helpers/staff.js';
import { useTestApp } from '../../helpers/app.js';
import { errorOf } from '../../helpers/graphql.js';
import { SoftAuthenticator, type CreationOptions, type RequestOptions } from '../../helpers/webauthn-authenticator.js';

const ORIGIN = 'https://lk.mfc.test';
const t = useTestApp({ WEBAUTHN_RP_ID: 'lk.mfc.test', WEBAUTHN_ORIGINS: `${ORIGIN},https://app.mfc.test` });

async function addPasskey(client: MfcClient, device: SoftAuthenticator, opts: { attestation?: 'none' | 'packed'; name?: string } = {}) {
  const { beginPasskeyRegistration } = await client.request(BeginPasskeyRegistrationDocument);
  const response = device.create(beginPasskeyRegistration.options as CreationOptions, { attestation: opts.attestation });
  const { finishPasskeyRegistration } = await client.request(FinishPasskeyRegistrationDocument, {
    challengeId: beginPasskeyRegistration.challengeId,
    response,
    name: opts.name ?? 'Телефон',
  });
  return finishPasskeyRegistration;
}

async function beginLogin() {
  const { beginPasskeyLogin } = await t.client.request(BeginPasskeyLoginDocument);
  return { challengeId: beginPasskeyLogin.challengeId, options: beginPasskeyLogin.options as RequestOptions };
}

async function citizenWithPasskey(attestation: 'none' | 'packed' = 'none') {
  const citizen = await registerCitizen(t);
  const device = new SoftAuthenticator(ORIGIN);
  const passkey = await addPasskey(citizen.client, device, { attestation });
  return { citizen, device, passkey };
}

describe('registering a passkey', () => {
  it('given a logged-in citizen, a "none" attestation registers, and the passkey is listed', async () => {
    const citizen = await registerCitizen(t);
    const { beginPasskeyRegistration } = await citizen.client.request(BeginPasskeyRegistrationDocument);
    const options = beginPasskeyRegistration.options as CreationOptions & { authenticatorSelection?: { userVerification?: string }; rp: { id: string } };
    expect(options.rp.id).toBe('lk.mfc.test');
    expect(options.authenticatorSelection?.userVerification).toBe('required');
    const device = new SoftAuthenticator(ORIGIN);
    const response = device.create(options);
    const { finishPasskeyRegistration } = await citizen.client.request(FinishPasskeyRegistrationDocument, { challengeId: beginPasskeyRegistration.challengeId, response, name: ' Мой  телефон ' });
    expect(finishPasskeyRegistration).toMatchObject({ name: 'Мой телефон', deviceType: 'singleDevice', backedUp: false, transports: ['internal'], lastUsedAt: null });
    const { myPasskeys } = await citizen.client.request(MyPasskeysDocument);
    expect(myPasskeys.map((p) => p.id)).toEqual([finishPasskeyRegistration.id]);
    const { myActivity } = await citizen.client.request(MyActivityDocument, { first: 5 });
    expect(myActivity.nodes[0]?.action).toBe('PASSKEY_ADDED');
  });

  it('a "packed" self attestation registers too, and a forged one does not', async () => {
    const { passkey } = await citizenWithPasskey('packed');
    expect(passkey.id).toBeTruthy();
    const citizen = await registerCitizen(t);
    const a = (await citizen.client.request(BeginPasskeyRegistrationDocument)).beginPasskeyRegistration;
    const forged = new SoftAuthenticator(ORIGIN).create(a.options as CreationOptions, { attestation: 'packed', forgeAttestation: true });
    const err = await errorOf(citizen.client.request(FinishPasskeyRegistrationDocument, { challengeId: a.challengeId, response: forged }));
    expect(err.code).toBe('BAD_USER_INPUT');
  });

  it('needs a login', async () => {
    const err = await errorOf(t.client.request(BeginPasskeyRegistrationDocument));
    expect(err.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an answer from a foreign origin, a reused challenge and another user\'s challenge', async () => {
    const citizen = await registerCitizen(t);
    const device = new SoftAuthenticator(ORIGIN);
    const a = (await citizen.client.request(BeginPasskeyRegistrationDocument)).beginPasskeyRegistration;
    const foreign = device.create(a.options as CreationOptions, { origin: 'https://evil.example' });
    const wrongOrigin = await errorOf(citizen.client.request(FinishPasskeyRegistrationDocument, { challengeId: a.challengeId, response: foreign }));
    expect(wrongOrigin.code).toBe('BAD_USER_INPUT');
    expect(wrongOrigin.extensions.fields).toEqual([expect.objectContaining({ field: 'response' })]);
    // The challenge was spent by the failed attempt.
    const reused = await errorOf(citizen.client.request(FinishPasskeyRegistrationDocument, { challengeId: a.challengeId, response: device.create(a.options as CreationOptions) }));
    expect(reused.extensions.fields).toEqual([expect.objectContaining({ field: 'challengeId' })]);

    const other = await registerCitizen(t);
    const b = (await citizen.client.request(BeginPasskeyRegistrationDocument)).beginPasskeyRegistration;
    const stolen = await errorOf(other.client.request(FinishPasskeyRegistrationDocument, { challengeId: b.challengeId, response: device.create(b.options as CreationOptions) }));
    expect(stolen.extensions.fields).toEqual([expect.objectContaining({ field: 'challengeId' })]);
    expect((await other.client.request(MyPasskeysDocument)).myPasskeys).toEqual([]);
  });

  it('refuses a key made without user verification (no fingerprint or face)', async () => {
    const citizen = await registerCitizen(t);
    const a = (await citizen.client.request(BeginPasskeyRegistrationDocument)).beginPasskeyRegistration;
    const response = new SoftAuthenticator(ORIGIN).create(a.options as CreationOptions, { userVerified: false });
    const err = await errorOf(citizen.client.request(FinishPasskeyRegistrationDocument, { challengeId: a.challengeId, response }));
    expect(err.code).toBe('BAD_USER_INPUT');
  });
});

describe('logging in with a passkey', () => {
  it('signs in the owner with a session like a password login, writes the journal and tells the owner', async () => {
    const { citizen, device, passkey } = await citizenWithPasskey();
    const since = t.sms.messages.length;
    const login = await beginLogin();
    const { finishPasskeyLogin } = await t.client.request(FinishPasskeyLoginDocument, { challengeId: login.challengeId, response: device.get(login.options) });
    expect(finishPasskeyLogin.user.id).toBe(citizen.id);
    const { me } = await t.client.withToken(finishPasskeyLogin.accessToken).request(MeDocument);
    expect(me?.id).toBe(citizen.id);
    const { refreshSession } = await t.client.request(RefreshSessionDocument, { refreshToken: finishPasskeyLogin.refreshToken });
    expect(refreshSession.user.id).toBe(citizen.id);

    const { myActivity } = await t.client.withToken(refreshSession.accessToken).request(MyActivityDocument, { first: 5 });
    expect(myActivity.nodes[0]).toMatchObject({ action: 'LOGIN', details: expect.objectContaining({ method: 'PASSKEY', passkeyId: passkey.id }) });
    const notice = await t.sms.waitFor((m) => m.to === citizen.phone && /вход в кабинет/i.test(m.text));
    expect(t.sms.messages.indexOf(notice)).toBeGreaterThanOrEqual(since);
    const { myPasskeys } = await t.client.withToken(refreshSession.accessToken).request(MyPasskeysDocument);
    expect(myPasskeys[0]?.lastUsedAt).not.toBeNull();
  });

  it('accepts every configured origin', async () => {
    const { citizen, device } = await citizenWithPasskey();
    const login = await beginLogin();
    const { finishPasskeyLogin } = await t.client.request(FinishPasskeyLoginDocument, { challengeId: login.challengeId, response: device.get(login.options, { origin: 'https://app.mfc.test' }) });
    expect(finishPasskeyLogin.user.id).toBe(citizen.id);
  });

  it('refuses a wrong origin and journals the failure', async () => {
    const { citizen, device } = await citizenWithPasskey();
    const login = await beginLogin();
    const err = await errorOf(t.client.request(FinishPasskeyLoginDocument, { challengeId: login.challengeId, response: device.get(login.options, { origin: 'https://lk.mfc.test.evil.example' }) }));
    expect(err.code).toBe('UNAUTHENTICATED');
    expect(err.extensions.reason).toBe('ASSERTION_INVALID');
    const [row] = await t.running.app.db.sql`select count(*)::int as n from activity_entries where user_id = ${citizen.id} and action = 'LOGIN_FAILED' and details->>'method' = 'PASSKEY'`;
    expect(row?.n).toBe(1);
  });

  it('refuses a replayed assertion: the challenge is single use, and under a new challenge the signature no longer fits', async () => {
    const { device } = await citizenWithPasskey();
    const login = await beginLogin();
    const assertion = device.get(login.options);
    await t.client.request(FinishPasskeyLoginDocument, { challengeId: login.challengeId, response: assertion });
    const replay = await errorOf(t.client.request(FinishPasskeyLoginDocument, { challengeId: login.challengeId, response: assertion }));
    expect(replay.extensions.reason).toBe('CHALLENGE_INVALID');
    const fresh = await beginLogin();
    const under = await errorOf(t.client.request(FinishPasskeyLoginDocument, { challengeId: fresh.challengeId, response: assertion }));
    expect(under.extensions.reason).toBe('ASSERTION_INVALID');
  });

  it('refuses a counter that did not grow (a cloned authenticator) with COUNTER_NOT_INCREASED, journals it and tells the owner', async () => {
    const { citizen, device } = await citizenWithPasskey();
    const first = await beginLogin();
    await t.client.request(FinishPasskeyLoginDocument, { challengeId: first.challengeId, response: device.get(first.options, { counter: 5 }) });
    for (const stale of [5, 3]) {
      const again = await beginLogin();
      const err = await errorOf(t.client.request(FinishPasskeyLoginDocument, { challengeId: again.challengeId, response: device.get(again.options, { counter: stale }) }));
      expect(err.code).toBe('UNAUTHENTICATED');
      expect(err.extensions.reason).toBe('COUNTER_NOT_INCREASED');
    }
    const sql = t.running.app.db.sql;
    const [journal] = await sql`select count(*)::int as n from activity_entries where user_id = ${citizen.id} and action = 'LOGIN_FAILED' and details->>'reason' = 'COUNTER_NOT_INCREASED'`;
    expect(journal?.n).toBe(2);
    const [told] = await sql`select count(*)::int as n from notifications where user_id = ${citizen.id} and template = 'security.passkey_counter' and urgent`;
    expect(told?.n).toBe(2);
    const third = await beginLogin();
    const { finishPasskeyLogin } = await t.client.request(FinishPasskeyLoginDocument, { challengeId: third.challengeId, response: device.get(third.options, { counter: 6 }) });
    expect(finishPasskeyLogin.accessToken).toBeTruthy();
  });

  it('refuses an assertion without user verification (presence only)', async () => {
    const { device } = await citizenWithPasskey();
    const login = await beginLogin();
    const err = await errorOf(t.client.request(FinishPasskeyLoginDocument, { challengeId: login.challengeId, response: device.get(login.options, { userVerified: false }) }));
    expect(err.extensions.reason).toBe('ASSERTION_INVALID');
  });

  it('refuses an expired challenge', async () => {
    const { device } = await citizenWithPasskey();
    const login = await beginLogin();
    t.clock.advance(t.config.AUTH_CHALLENGE_TTL_SECONDS * 1000 + 1000);
    try {
      const err = await errorOf(t.client.request(FinishPasskeyLoginDocument, { challengeId: login.challengeId, response: device.get(login.options) }));
      expect(err.extensions.reason).toBe('CHALLENGE_INVALID');
    } finally {
      t.clock.reset();
    }
  });

  it('refuses an assertion signed by another key for a known credential id', async () => {
    const { device } = await citizenWithPasskey();
    const impostor = new SoftAuthenticator(ORIGIN);
    const [credentialId] = [...device.keys.keys()];
    const stolenId = credentialId ?? '';
    // The impostor has a key of its own under the victim's credential id.
    impostor.create({ challenge: 'x', rp: { id: 'lk.mfc.test', name: 'x' }, user: { id: [...device.keys.values()][0]?.userHandle ?? '', name: 'x', displayName: 'x' } });
    const [own] = [...impostor.keys.values()];
    if (!own) throw new Error('no impostor key');
    impostor.keys.clear();
    impostor.keys.set(stolenId, own);
    const login = await beginLogin();
    const err = await errorOf(t.client.request(FinishPasskeyLoginDocument, { challengeId: login.challengeId, response: impostor.get(login.options) }));
    expect(err.extensions.reason).toBe('ASSERTION_INVALID');
  });

  it('a removed passkey no longer logs in, and only its owner can remove it', async () => {
    const { citizen, device, passkey } = await citizenWithPasskey();
    const other = await registerCitizen(t);
    expect((await errorOf(other.client.request(RemovePasskeyDocument, { id: passkey.id }))).code).toBe('NOT_FOUND');
    expect((await citizen.client.request(RemovePasskeyDocument, { id: passkey.id })).removePasskey).toBe(true);
    const login = await beginLogin();
    const err = await errorOf(t.client.request(FinishPasskeyLoginDocument, { challengeId: login.challengeId, response: device.get(login.options) }));
    expect(err.extensions.reason).toBe('UNKNOWN_CREDENTIAL');
  });

  it('signs in an account locked by wrong passwords: the lock stops password guessing only', async () => {
    const { citizen, device } = await citizenWithPasskey();
    for (let i = 0; i < 3; i++) await t.client.raw(LoginDocument, { input: { login: citizen.phone, password: 'Неверный-1' } });
    const login = await beginLogin();
    const { finishPasskeyLogin } = await t.client.request(FinishPasskeyLoginDocument, { challengeId: login.challengeId, response: device.get(login.options) });
    expect(finishPasskeyLogin.user.id).toBe(citizen.id);
    // The password stays locked.
    expect((await errorOf(t.client.request(LoginDocument, { input: { login: citizen.phone, password: 'Неверный-1' } }))).code).toBe('ACCOUNT_LOCKED');
  });

  it('refuses a staff account an admin deactivated, though its passkey is genuine, and lets it in again once reactivated', async () => {
    const admin = await createAccount(t, 'ADMIN');
    const operator = await operatorOf(t, (await freshBranch(t)).id);
    const device = new SoftAuthenticator(ORIGIN);
    await addPasskey(operator.client, device);
    await admin.client.request(DeactivateStaffUserDocument, { id: operator.id });
    const login = await beginLogin();
    const refused = await errorOf(t.client.request(FinishPasskeyLoginDocument, { challengeId: login.challengeId, response: device.get(login.options) }));
    expect([refused.code, refused.extensions.reason]).toEqual(['UNAUTHENTICATED', 'ACCOUNT_DEACTIVATED']);
    await admin.client.request(ReactivateStaffUserDocument, { id: operator.id });
    const again = await beginLogin();
    const { finishPasskeyLogin } = await t.client.request(FinishPasskeyLoginDocument, { challengeId: again.challengeId, response: device.get(again.options) });
    expect(finishPasskeyLogin.user.id).toBe(operator.id);
  });
});
