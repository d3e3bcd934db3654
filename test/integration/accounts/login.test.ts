import { describe, expect, it } from 'vitest';
import * as OTPAuth from 'otpauth';
import {
  BeginTotpSetupDocument,
  EnableTwoFactorDocument,
  LoginDocument,
  MeDocument,
  MyActivityDocument,
  UpdateProfileDocument,
  VerifySecondFactorDocument,
} from '../../../src/sdk/generated/graphql.js';
import { PASSWORD, loginAs, registerCitizen, smsCode } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { errorOf } from '../../helpers/graphql.js';

const t = useTestApp();


describe('login by phone, e-mail, SNILS or INN', () => {
  it('accepts each kind of login with the password', async () => {
    const email = `m${Date.now()}@mail.ru`;
    const c = await registerCitizen(t, { email });
    await c.client.request(UpdateProfileDocument, { input: { snils: '112-233-445 95', inn: '500100732259' } });
    for (const login of [c.phone, `8${c.phone.slice(2)}`, email.toUpperCase(), '112-233-445 95', '11223344595', '500100732259']) {
      const s = await loginAs(t, login);
      expect(s.user.id).toBe(c.id);
    }
  });

  it('answers the same for an unknown login and a wrong password', async () => {
    const c = await registerCitizen(t);
    const unknown = await errorOf(t.client.request(LoginDocument, { input: { login: '+79000000000', password: PASSWORD } }));
    const wrong = await errorOf(t.client.request(LoginDocument, { input: { login: c.phone, password: 'Неверный-1' } }));
    expect(unknown.code).toBe('UNAUTHENTICATED');
    expect(wrong.code).toBe('UNAUTHENTICATED');
    expect(unknown.message).toBe(wrong.message);
  });
});

describe('lockout', () => {
  it('given three wrong passwords, the account is locked for 30 minutes, the owner is told, and it unlocks by itself', async () => {
    const c = await registerCitizen(t);
    const since = t.sms.messages.length;
    for (let i = 0; i < 2; i++) {
      expect((await errorOf(t.client.request(LoginDocument, { input: { login: c.phone, password: 'Неверный-1' } }))).code).toBe('UNAUTHENTICATED');
    }
    const third = await errorOf(t.client.request(LoginDocument, { input: { login: c.phone, password: 'Неверный-1' } }));
    expect(third.code).toBe('ACCOUNT_LOCKED');
    const lockedUntil = new Date(String(third.extensions.lockedUntil));
    expect(Math.abs(lockedUntil.getTime() - (t.clock.now().getTime() + 30 * 60_000))).toBeLessThan(10_000);

    // During the lock the right password answers a second-factor challenge (enumeration.test.ts).
    const right = await t.client.request(LoginDocument, { input: { login: c.phone, password: PASSWORD } });
    expect(right.login.__typename).toBe('Challenge');
    const notice = await t.sms.waitFor((m) => m.to === c.phone && /заблокирован/i.test(m.text));
    expect(t.sms.messages.indexOf(notice)).toBeGreaterThanOrEqual(since);

    try {
      t.clock.advance(29 * 60_000);
      expect((await errorOf(t.client.request(LoginDocument, { input: { login: c.phone, password: 'Неверный-1' } }))).code).toBe('ACCOUNT_LOCKED');
      t.clock.advance(2 * 60_000);
      const s = await loginAs(t, c.phone);
      const { myActivity } = await s.client.request(MyActivityDocument, { first: 50 });
      const actions = myActivity.nodes.map((n) => n.action);
      // Three that locked it, one more during the lock.
      expect(actions.filter((a) => a === 'LOGIN_FAILED')).toHaveLength(4);
      expect(actions).toContain('ACCOUNT_LOCKED');
      expect(actions[0]).toBe('LOGIN');
    } finally {
      t.clock.reset();
    }
  });

  it('parallel wrong passwords lock exactly once', async () => {
    const c = await registerCitizen(t);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => t.client.raw(LoginDocument, { input: { login: c.phone, password: 'Неверный-1' } })),
    );
    const codes = results.map((r) => r.errors?.[0]?.extensions?.code);
    expect(codes).toContain('ACCOUNT_LOCKED');
    const [row] = await t.running.app.db.sql`select count(*)::int as n from activity_entries where user_id = ${c.id} and action = 'ACCOUNT_LOCKED'`;
    expect(row?.n).toBe(1);
  });
});

describe('second factor', () => {
  it('SMS: login answers a challenge and the SMS code completes it', async () => {
    const c = await registerCitizen(t);
    await c.client.request(EnableTwoFactorDocument, { method: 'SMS' });
    const since = t.sms.messages.length;
    const { login } = await t.client.request(LoginDocument, { input: { login: c.phone, password: PASSWORD } });
    expect(login.__typename).toBe('Challenge');
    if (login.__typename !== 'Challenge') return;
    expect(login).toMatchObject({ purpose: 'LOGIN_SECOND_FACTOR', channel: 'SMS' });
    const code = await smsCode(t, c.phone, since);
    const { verifySecondFactor } = await t.client.request(VerifySecondFactorDocument, { challengeId: login.id, code });
    const { me } = await t.client.withToken(verifySecondFactor.accessToken).request(MeDocument);
    expect(me?.twoFactorMethod).toBe('SMS');
  });

  it('TOTP: a code from the authenticator completes the login, and the same code is refused a second time', async () => {
    const c = await registerCitizen(t);
    const { beginTotpSetup } = await c.client.request(BeginTotpSetupDocument);
    expect(beginTotpSetup.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(beginTotpSetup.secret), digits: 6, period: 30, algorithm: 'SHA1' });
    const wrong = await errorOf(c.client.request(EnableTwoFactorDocument, { method: 'TOTP', code: '000000' === totp.generate() ? '111111' : '000000' }));
    expect(wrong.code).toBe('BAD_USER_INPUT');
    // The enabling code's step is spent; the login uses the next step's code (one step of drift allowed).
    await c.client.request(EnableTwoFactorDocument, { method: 'TOTP', code: totp.generate() });
    const next = totp.generate({ timestamp: Date.now() + 30_000 });

    const { login } = await t.client.request(LoginDocument, { input: { login: c.phone, password: PASSWORD } });
    if (login.__typename !== 'Challenge') throw new Error('expected a challenge');
    expect(login.channel).toBe('TOTP');
    const { verifySecondFactor } = await t.client.request(VerifySecondFactorDocument, { challengeId: login.id, code: next });
    expect(verifySecondFactor.user.twoFactorMethod).toBe('TOTP');

    const again = await t.client.request(LoginDocument, { input: { login: c.phone, password: PASSWORD } });
    if (again.login.__typename !== 'Challenge') throw new Error('expected a challenge');
    const replay = await errorOf(t.client.request(VerifySecondFactorDocument, { challengeId: again.login.id, code: next }));
    expect(replay.code).toBe('CODE_INVALID');
  });
});
