/**
 * One-time codes and SMS go only to the countries of SMS_ALLOWED_COUNTRY_CODES (default 7): SMS
 * pumping lives on toll fraud to premium numbers abroad. Registration and contact change refuse
 * such a number on the phone field; the password reset answers alike for any login and silently
 * sends nothing; an SMS notification to such a number fails for good with a clear reason.
 */
import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { deliveries } from '../../../src/db/schema/index.js';
import { hashPassword } from '../../../src/shared/passwords.js';
import {
  ChangeContactDocument,
  LoginDocument,
  RegisterDocument,
  RequestPasswordResetDocument,
  ResendCodeDocument,
} from '../../../src/sdk/generated/graphql.js';
import { PASSWORD, loginAs, registerCitizen, uniquePhone } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { errorOf } from '../../helpers/graphql.js';

const t = useTestApp({ CODE_RESEND_PAUSE_SECONDS: '0' });

/** A Belarusian mobile number (+375), outside the default allowlist. */
const foreignPhone = () => `+37529${randomInt(1_000_000, 9_999_999)}`;
const smsTo = (phone: string) => t.sms.messages.filter((m) => m.to === phone);
const settle = () => new Promise((r) => setTimeout(r, 700)); // the outbox relay polls every 200 ms

async function seedAccount(phone: string, twoFactorSms = false) {
  const user = await t.running.app.services.accounts.seeding.insertAccount({ phone, passwordHash: await hashPassword(PASSWORD), lastName: 'Иванов', firstName: 'Иван' });
  if (twoFactorSms) await t.running.app.db.sql`update users set two_factor_method = 'SMS' where id = ${user.id}`;
  return user;
}

describe('codes only to allowed countries', () => {
  it('registration with a foreign number answers BAD_USER_INPUT on the phone field and sends nothing', async () => {
    const phone = foreignPhone();
    const err = await errorOf(
      t.client.request(RegisterDocument, { input: { phone, password: PASSWORD, lastName: 'Петрова', firstName: 'Мария', acceptTerms: true } }),
    );
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.extensions.fields).toEqual([expect.objectContaining({ field: 'phone' })]);
    await settle();
    expect(smsTo(phone)).toHaveLength(0);
  });

  it('a contact change to a foreign number answers BAD_USER_INPUT on the phone (value) field', async () => {
    const c = await registerCitizen(t);
    const phone = foreignPhone();
    const err = await errorOf(c.client.request(ChangeContactDocument, { channel: 'SMS', value: phone }));
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.extensions.fields).toEqual([expect.objectContaining({ field: 'value' })]);
    await settle();
    expect(smsTo(phone)).toHaveLength(0);
  });

  it('a password reset answers alike for a foreign account, an unknown foreign number and a Russian account, and sends no code abroad', async () => {
    const known = foreignPhone();
    await seedAccount(known);
    const unknown = foreignPhone();
    const russian = await registerCitizen(t);
    const shape = (c: { purpose: string; channel: string; maskedDestination?: string | null; attemptsLeft: number }) => ({
      purpose: c.purpose,
      channel: c.channel,
      masked: typeof c.maskedDestination === 'string' && c.maskedDestination.length > 0,
      attemptsLeft: c.attemptsLeft,
    });
    const reset = async (login: string) => (await t.client.request(RequestPasswordResetDocument, { login })).requestPasswordReset;
    const [toKnown, toUnknown, toRussian] = [await reset(known), await reset(unknown), await reset(russian.phone)];
    expect(shape(toKnown)).toEqual(shape(toRussian));
    expect(shape(toUnknown)).toEqual(shape(toRussian));
    // A resend does not reach the foreign number either.
    const resent = await t.client.raw(ResendCodeDocument, { challengeId: toKnown.id });
    expect(resent.errors).toBeUndefined();
    await t.sms.waitFor((m) => m.to === russian.phone && /\b\d{6}\b/.test(m.text));
    await settle();
    expect(smsTo(known)).toHaveLength(0);
    expect(smsTo(unknown)).toHaveLength(0);
  });

  it('a login whose second factor is SMS to a foreign number gets its challenge, but no code is sent', async () => {
    const phone = foreignPhone();
    await seedAccount(phone, true);
    const { login } = await t.client.request(LoginDocument, { input: { login: phone, password: PASSWORD } });
    expect(login).toMatchObject({ __typename: 'Challenge', purpose: 'LOGIN_SECOND_FACTOR', channel: 'SMS' });
    await settle();
    expect(smsTo(phone)).toHaveLength(0);
  });

  it('Russian numbers still get their codes', async () => {
    const c = await registerCitizen(t, { phone: uniquePhone() });
    expect((await loginAs(t, c.phone)).user.id).toBe(c.id);
  });
});

describe('SMS notifications to other countries', () => {
  it('fail permanently, at the first attempt, with the reason', async () => {
    const phone = foreignPhone();
    const { deliveryIds } = await t.running.app.db.db.transaction((tx) =>
      t.running.app.services.notifications.notify(tx, { userId: null, template: 'security.password_changed', vars: {}, to: { phone }, channels: ['SMS'] }),
    );
    const id = deliveryIds[0] ?? '';
    const deadline = Date.now() + 10_000;
    let row = (await t.running.app.db.db.select().from(deliveries).where(eq(deliveries.id, id)))[0];
    while (row?.status !== 'FAILED' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      row = (await t.running.app.db.db.select().from(deliveries).where(eq(deliveries.id, id)))[0];
    }
    expect(row).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(row?.lastError).toMatch(/этой страны/);
    expect(smsTo(phone)).toHaveLength(0);
  });
});
