import { describe, expect, it } from 'vitest';
import {
  ConfirmRegistrationDocument,
  MeDocument,
  RegisterDocument,
  ResendCodeDocument,
} from '../../../src/sdk/generated/graphql.js';
import type { Doc } from '../../../src/sdk/client.js';
import { PASSWORD, registerCitizen, smsCode, uniquePhone } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { errorOf } from '../../helpers/graphql.js';

const t = useTestApp();

const input = (phone: string) => ({ phone, password: PASSWORD, lastName: 'Петрова', firstName: 'Мария', acceptTerms: true });

async function startRegistration(phone = uniquePhone()) {
  const since = t.sms.messages.length;
  const { register } = await t.client.request(RegisterDocument, { input: input(phone) });
  return { phone, challenge: register, code: await smsCode(t, phone, since) };
}


describe('registration with a phone and an SMS code', () => {
  it('given a new phone, when the citizen registers and enters the SMS code, then a SIMPLIFIED account is signed in', async () => {
    const phone = uniquePhone();
    const since = t.sms.messages.length;
    const { register } = await t.client.request(RegisterDocument, { input: { ...input(phone), middleName: 'Сергеевна', email: 'Maria.P@Example.RU' } });
    expect(register).toMatchObject({ purpose: 'REGISTRATION', channel: 'SMS', attemptsLeft: 3 });
    expect(register.maskedDestination).toBe(`+7 *** ***-**-${phone.slice(-2)}`);
    const sms = await t.sms.waitFor((m) => m.to === phone);
    expect(sms.text).toMatch(/\b\d{6}\b/);
    const code = await smsCode(t, phone, since);

    const { confirmRegistration } = await t.client.request(ConfirmRegistrationDocument, { challengeId: register.id, code });
    expect(confirmRegistration.user).toMatchObject({ phone, phoneVerified: true, email: 'maria.p@example.ru', emailVerified: false, trustLevel: 'SIMPLIFIED', roles: ['CITIZEN'] });
    const { me } = await t.client.withToken(confirmRegistration.accessToken).request(MeDocument);
    expect(me?.id).toBe(confirmRegistration.user.id);
  });

  it('reports every bad field at once with BAD_USER_INPUT', async () => {
    const err = await errorOf(
      t.client.request(RegisterDocument, { input: { phone: '12', password: 'qwerty', lastName: '', firstName: 'Мария', acceptTerms: false, email: 'not-an-email' } }),
    );
    expect(err.code).toBe('BAD_USER_INPUT');
    const fields = (err.extensions.fields as Array<{ field: string }>).map((f) => f.field);
    expect(new Set(fields)).toEqual(new Set(['phone', 'email', 'lastName', 'password', 'acceptTerms']));
  });

  it('refuses a common password', async () => {
    const err = await errorOf(t.client.request(RegisterDocument, { input: { ...input(uniquePhone()), password: 'Password1!' } }));
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.extensions.fields).toEqual([expect.objectContaining({ field: 'password' })]);
  });

  it('answers a phone that already has an account with a challenge, not CONFLICT (enumeration.test.ts)', async () => {
    const citizen = await registerCitizen(t);
    const { register } = await t.client.request(RegisterDocument, { input: input(citizen.phone) });
    expect(register).toMatchObject({ purpose: 'REGISTRATION', channel: 'SMS', attemptsLeft: 3 });
  });
});

describe('one-time codes', () => {
  it('given three wrong codes, the fourth entry fails even with the right code', async () => {
    const { challenge, code } = await startRegistration();
    const wrong = code === '000000' ? '111111' : '000000';
    for (const left of [2, 1, 0]) {
      const err = await errorOf(t.client.request(ConfirmRegistrationDocument, { challengeId: challenge.id, code: wrong }));
      expect(err.code).toBe('CODE_INVALID');
      expect(err.extensions.attemptsLeft).toBe(left);
    }
    const err = await errorOf(t.client.request(ConfirmRegistrationDocument, { challengeId: challenge.id, code }));
    expect(err.code).toBe('CODE_EXPIRED');
    expect(err.extensions.reason).toBe('ATTEMPTS_EXHAUSTED');
  });

  it('never lets parallel wrong codes exceed the limit', async () => {
    const { challenge, code } = await startRegistration();
    const wrong = code === '000000' ? '111111' : '000000';
    const results = await Promise.all(
      Array.from({ length: 12 }, () => t.client.raw(ConfirmRegistrationDocument, { challengeId: challenge.id, code: wrong })),
    );
    const codes = results.map((r) => r.errors?.[0]?.extensions?.code);
    expect(codes.filter((c) => c === 'CODE_INVALID')).toHaveLength(3);
    expect(codes.filter((c) => c === 'CODE_EXPIRED')).toHaveLength(9);
    const [row] = await t.running.app.db.sql`select attempts from challenges where id = ${challenge.id}`;
    expect(row?.attempts).toBe(3);
  });

  it('counts each alias in one operation as its own attempt', async () => {
    const { challenge, code } = await startRegistration();
    const wrong = code === '000000' ? '111111' : '000000';
    const aliases = ['a', 'b', 'c', 'd', 'e'].map((a) => `${a}: confirmRegistration(challengeId: $id, code: $code) { accessToken }`).join('\n');
    const doc = { toString: () => `mutation Guess($id: ID!, $code: String!) { ${aliases} }` } as Doc<unknown, { id: string; code: string }>;
    // Mutations run one alias after another; a failed non-null field ends the operation, so each
    // request burns at least one attempt and every alias that ran is counted.
    let executed = 0;
    for (let i = 0; i < 3; i++) {
      const res = await t.client.raw(doc, { id: challenge.id, code: wrong });
      executed += (res.errors ?? []).filter((e) => e.extensions?.code === 'CODE_INVALID').length;
    }
    const [row] = await t.running.app.db.sql`select attempts from challenges where id = ${challenge.id}`;
    expect(row?.attempts).toBe(executed);
    expect(executed).toBe(3);
    const err = await errorOf(t.client.request(ConfirmRegistrationDocument, { challengeId: challenge.id, code }));
    expect(err.code).toBe('CODE_EXPIRED');
  });

  it('a code expires after 5 minutes', async () => {
    const { challenge, code } = await startRegistration();
    t.clock.advance(5 * 60_000 + 1000);
    try {
      const err = await errorOf(t.client.request(ConfirmRegistrationDocument, { challengeId: challenge.id, code }));
      expect(err.code).toBe('CODE_EXPIRED');
      expect(err.extensions.reason).toBe('EXPIRED');
    } finally {
      t.clock.reset();
    }
  });

  it('a code is used once', async () => {
    const { challenge, code } = await startRegistration();
    await t.client.request(ConfirmRegistrationDocument, { challengeId: challenge.id, code });
    const err = await errorOf(t.client.request(ConfirmRegistrationDocument, { challengeId: challenge.id, code }));
    expect(err.code).toBe('CODE_EXPIRED');
  });

  it('resends only after the pause, at most three times, and the new code replaces the old', async () => {
    const { phone, challenge, code: first } = await startRegistration();
    const early = await errorOf(t.client.request(ResendCodeDocument, { challengeId: challenge.id }));
    expect(early.code).toBe('RATE_LIMITED');
    expect(early.extensions.retryAfter).toBeGreaterThan(0);
    try {
      let latest = first;
      for (let i = 0; i < 3; i++) {
        t.clock.advance(61_000);
        const since = t.sms.messages.length;
        const { resendCode } = await t.client.request(ResendCodeDocument, { challengeId: challenge.id });
        expect(resendCode.attemptsLeft).toBe(3);
        latest = await smsCode(t, phone, since);
      }
      t.clock.advance(61_000);
      const fourth = await errorOf(t.client.request(ResendCodeDocument, { challengeId: challenge.id }));
      expect(fourth.code).toBe('CODE_EXPIRED');
      if (latest !== first) {
        const old = await errorOf(t.client.request(ConfirmRegistrationDocument, { challengeId: challenge.id, code: first }));
        expect(old.code).toBe('CODE_INVALID');
      }
      const { confirmRegistration } = await t.client.request(ConfirmRegistrationDocument, { challengeId: challenge.id, code: latest });
      expect(confirmRegistration.user.phone).toBe(phone);
    } finally {
      t.clock.reset();
    }
  });

  it('stores codes hashed, never in plain text', async () => {
    const { challenge, code } = await startRegistration();
    const [row] = await t.running.app.db.sql`select code_hash, payload::text as payload from challenges where id = ${challenge.id}`;
    expect(row?.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(String(row?.code_hash)).not.toContain(code);
    expect(String(row?.payload)).not.toContain(PASSWORD);
  });
});
