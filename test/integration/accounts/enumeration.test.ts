/**
 * Lockout without denial of service and registration / contact change without enumeration: an
 * unknown login, an existing phone or a taken contact answer exactly like their ordinary
 * counterparts (same codes, same fields, same shape), and nobody who merely knows a phone number
 * can keep its owner out.
 */
import { describe, expect, it } from 'vitest';
import {
  ChangeContactDocument,
  ConfirmContactChangeDocument,
  ConfirmRegistrationDocument,
  EnableTwoFactorDocument,
  LoginDocument,
  MeDocument,
  RegisterDocument,
  ResendCodeDocument,
  VerifySecondFactorDocument,
} from '../../../src/sdk/generated/graphql.js';
import { PASSWORD, registerCitizen, smsCode, uniquePhone } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { errorOf } from '../../helpers/graphql.js';

const t = useTestApp();
const WRONG = 'Неверный-1';

const registration = (phone: string, email?: string) => ({
  input: { phone, email: email ?? null, password: PASSWORD, lastName: 'Петрова', firstName: 'Мария', acceptTerms: true },
});

/** An error answer reduced to what a client can see: code, message and the set of extension keys. */
async function shapeOf(p: Promise<unknown>) {
  const err = await errorOf(p);
  return { code: err.code, message: err.message, keys: Object.keys(err.extensions).sort() };
}

/** A challenge reduced to what does not depend on the destination or the moment. */
const challengeShape = (c: Record<string, unknown>) => ({
  keys: Object.keys(c).sort(),
  purpose: c.purpose,
  channel: c.channel,
  attemptsLeft: c.attemptsLeft,
  masked: typeof c.maskedDestination === 'string' ? String(c.maskedDestination).replace(/\d/g, '0') : c.maskedDestination,
});

const smsSince = (phone: string, since: number) => t.sms.messages.slice(since).filter((m) => m.to === phone);

describe('lockout: the right password during a lock', () => {
  it('answers a second-factor SMS challenge; passing it signs the owner in and ends the lock', async () => {
    const c = await registerCitizen(t);
    for (let i = 0; i < 3; i++) await t.client.raw(LoginDocument, { input: { login: c.phone, password: WRONG } });
    const since = t.sms.messages.length;
    const { login } = await t.client.request(LoginDocument, { input: { login: c.phone, password: PASSWORD } });
    expect(login.__typename).toBe('Challenge');
    if (login.__typename !== 'Challenge') return;
    expect(login).toMatchObject({ purpose: 'LOGIN_SECOND_FACTOR', channel: 'SMS' });
    const code = await smsCode(t, c.phone, since);
    const { verifySecondFactor } = await t.client.request(VerifySecondFactorDocument, { challengeId: login.id, code });
    expect(verifySecondFactor.user.id).toBe(c.id);
    // The lock is over: the password alone signs in again.
    const again = await t.client.request(LoginDocument, { input: { login: c.phone, password: PASSWORD } });
    expect(again.login.__typename).toBe('AuthPayload');
  });

  it('a wrong password during the lock still answers ACCOUNT_LOCKED with the same lockedUntil', async () => {
    const c = await registerCitizen(t);
    for (let i = 0; i < 2; i++) await t.client.raw(LoginDocument, { input: { login: c.phone, password: WRONG } });
    const third = await errorOf(t.client.request(LoginDocument, { input: { login: c.phone, password: WRONG } }));
    expect(third.code).toBe('ACCOUNT_LOCKED');
    const fourth = await errorOf(t.client.request(LoginDocument, { input: { login: c.phone, password: WRONG } }));
    expect(fourth.code).toBe('ACCOUNT_LOCKED');
    expect(fourth.extensions.lockedUntil).toBe(third.extensions.lockedUntil);
  });

  it('tells the owner of a lock once per lock period, however many wrong passwords follow', async () => {
    const c = await registerCitizen(t);
    const since = t.sms.messages.length;
    for (let i = 0; i < 8; i++) await t.client.raw(LoginDocument, { input: { login: c.phone, password: WRONG } });
    await t.sms.waitFor((m) => m.to === c.phone && /заблокирован/i.test(m.text));
    await new Promise((r) => setTimeout(r, 500));
    expect(smsSince(c.phone, since).filter((m) => /заблокирован/i.test(m.text))).toHaveLength(1);
  });
});

describe('lockout: unknown logins answer exactly like known ones', () => {
  it('the same codes, messages and fields attempt by attempt, a plausible lockedUntil after the threshold', async () => {
    const c = await registerCitizen(t);
    const unknown = uniquePhone();
    for (let i = 1; i <= 4; i++) {
      const known = await shapeOf(t.client.request(LoginDocument, { input: { login: c.phone, password: WRONG } }));
      const other = await shapeOf(t.client.request(LoginDocument, { input: { login: unknown, password: WRONG } }));
      expect(other).toEqual(known);
      expect(known.code).toBe(i < 3 ? 'UNAUTHENTICATED' : 'ACCOUNT_LOCKED');
    }
    const locked = await errorOf(t.client.request(LoginDocument, { input: { login: unknown, password: PASSWORD } }));
    expect(locked.code).toBe('ACCOUNT_LOCKED');
    const until = new Date(String(locked.extensions.lockedUntil));
    expect(Math.abs(until.getTime() - (t.clock.now().getTime() + 30 * 60_000))).toBeLessThan(15_000);
  });

  it('counts per login string: another unknown login is not locked by the first one', async () => {
    const a = uniquePhone();
    for (let i = 0; i < 3; i++) await t.client.raw(LoginDocument, { input: { login: a, password: WRONG } });
    const b = await errorOf(t.client.request(LoginDocument, { input: { login: uniquePhone(), password: WRONG } }));
    expect(b.code).toBe('UNAUTHENTICATED');
  });
});

describe('registration without enumeration', () => {
  it('an existing phone gets a challenge of the same shape, no code, and its owner is told', async () => {
    const owner = await registerCitizen(t);
    const fresh = await t.client.request(RegisterDocument, registration(uniquePhone()));
    const since = t.sms.messages.length;
    const { register } = await t.client.request(RegisterDocument, registration(owner.phone));
    expect(challengeShape(register)).toEqual(challengeShape(fresh.register));
    expect(register.maskedDestination).toBe(`+7 *** ***-**-${owner.phone.slice(-2)}`);
    const notice = await t.sms.waitFor((m) => m.to === owner.phone && /регистр/i.test(m.text) && t.sms.messages.indexOf(m) >= since);
    expect(notice.text).not.toMatch(/\b\d{6}\b/);
    // The challenge can never be confirmed, whatever is typed: it answers like a wrong code.
    const err = await errorOf(t.client.request(ConfirmRegistrationDocument, { challengeId: register.id, code: '123456' }));
    expect(err.code).toBe('CODE_INVALID');
    expect(err.extensions.attemptsLeft).toBe(2);
    // A resend sends nothing either.
    await new Promise((r) => setTimeout(r, 300));
    expect(smsSince(owner.phone, since).filter((m) => /\b\d{6}\b/.test(m.text))).toHaveLength(0);
  });

  it('the code-sending limits apply before any look-up: an existing phone is limited like a new one', async () => {
    const owner = await registerCitizen(t);
    const answers: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await t.client.raw(RegisterDocument, registration(owner.phone));
      const code = r.errors?.[0]?.extensions?.code;
      answers.push(typeof code === 'string' ? code : 'Challenge');
    }
    expect(answers).not.toContain('CONFLICT');
    expect(answers.at(-1)).toBe('RATE_LIMITED');
  });

  it('an e-mail of another account is not revealed: the phone gets its code, the account is made without that e-mail, the e-mail\'s owner is told', async () => {
    const email = `taken.${Date.now()}@mail.ru`;
    const owner = await registerCitizen(t, { email });
    const phone = uniquePhone();
    const since = t.sms.messages.length;
    const { register } = await t.client.request(RegisterDocument, registration(phone, email));
    const code = await smsCode(t, phone, since);
    const { confirmRegistration } = await t.client.request(ConfirmRegistrationDocument, { challengeId: register.id, code });
    expect(confirmRegistration.user.email).toBeNull();
    await t.sms.waitFor((m) => m.to === owner.phone && /регистр/i.test(m.text) && t.sms.messages.indexOf(m) >= since);
  });
});

describe('contact change without enumeration', () => {
  it('a phone of another account gets a normal challenge that can never be confirmed; that phone\'s owner is told', async () => {
    const a = await registerCitizen(t);
    const b = await registerCitizen(t);
    const free = await a.client.request(ChangeContactDocument, { channel: 'SMS', value: uniquePhone() });
    const since = t.sms.messages.length;
    const { changeContact } = await a.client.request(ChangeContactDocument, { channel: 'SMS', value: b.phone });
    expect(challengeShape(changeContact)).toEqual(challengeShape(free.changeContact));
    const notice = await t.sms.waitFor((m) => m.to === b.phone && /друг/i.test(m.text) && t.sms.messages.indexOf(m) >= since);
    expect(notice.text).not.toMatch(/\b\d{6}\b/);
    const err = await errorOf(a.client.request(ConfirmContactChangeDocument, { challengeId: changeContact.id, code: '123456' }));
    expect(err.code).toBe('CODE_INVALID');
    const resend = await errorOf(a.client.request(ResendCodeDocument, { challengeId: changeContact.id }));
    expect(resend.code).toBe('RATE_LIMITED');
    const { me } = await a.client.request(MeDocument);
    expect(me?.phone).toBe(a.phone);
  });

  it('an owner with the SMS second factor on gets that challenge during a lock', async () => {
    const c = await registerCitizen(t);
    await c.client.request(EnableTwoFactorDocument, { method: 'SMS' });
    for (let i = 0; i < 3; i++) await t.client.raw(LoginDocument, { input: { login: c.phone, password: WRONG } });
    const { login } = await t.client.request(LoginDocument, { input: { login: c.phone, password: PASSWORD } });
    expect(login.__typename).toBe('Challenge');
  });
});
