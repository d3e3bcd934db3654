import { describe, expect, it } from 'vitest';
import {
  ChangeContactDocument,
  ChangePasswordDocument,
  ConfirmContactChangeDocument,
  DisableTwoFactorDocument,
  EnableTwoFactorDocument,
  LoginDocument,
  MeDocument,
  RequestPasswordResetDocument,
  ResetPasswordDocument,
} from '../../../src/sdk/generated/graphql.js';
import { PASSWORD, loginAs, mailCode, registerCitizen, smsCode, uniquePhone } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { errorOf } from '../../helpers/graphql.js';

const t = useTestApp();

const NEW_PASSWORD = 'Новый-Пароль-2027';


describe('password reset', () => {
  it('answers alike for a known and an unknown phone, and only the known one gets a code', async () => {
    const c = await registerCitizen(t);
    const stranger = uniquePhone();
    const since = t.sms.messages.length;
    const { requestPasswordReset: known } = await t.client.request(RequestPasswordResetDocument, { login: c.phone });
    const { requestPasswordReset: unknown } = await t.client.request(RequestPasswordResetDocument, { login: stranger });
    const shape = (x: typeof known) => ({ ...x, id: typeof x.id, expiresAt: typeof x.expiresAt, resendAvailableAt: typeof x.resendAvailableAt, maskedDestination: x.maskedDestination?.replace(/\d\d$/, 'NN') });
    expect(shape(unknown)).toEqual(shape(known));
    await smsCode(t, c.phone, since);
    await new Promise((r) => setTimeout(r, 500));
    expect(t.sms.messages.slice(since).some((m) => m.to === stranger)).toBe(false);
    // A guess at the unknown one's code fails like a wrong code would.
    expect((await errorOf(t.client.request(ResetPasswordDocument, { challengeId: unknown.id, code: '123456', newPassword: NEW_PASSWORD }))).code).toBe('CODE_INVALID');
  });

  it('answers alike for unknown SNILS and INN logins', async () => {
    const a = await t.client.request(RequestPasswordResetDocument, { login: '112-233-445 95' });
    const b = await t.client.request(RequestPasswordResetDocument, { login: '112-233-445 95' });
    expect(a.requestPasswordReset.maskedDestination).toMatch(/^\+7 \*\*\* \*\*\*-\*\*-\d\d$/);
    expect(b.requestPasswordReset.maskedDestination).toBe(a.requestPasswordReset.maskedDestination);
  });

  it('sets the new password with the code and ends every session', async () => {
    const c = await registerCitizen(t);
    const since = t.sms.messages.length;
    const { requestPasswordReset } = await t.client.request(RequestPasswordResetDocument, { login: c.phone });
    const code = await smsCode(t, c.phone, since);
    const weak = await errorOf(t.client.request(ResetPasswordDocument, { challengeId: requestPasswordReset.id, code, newPassword: 'short' }));
    expect(weak.code).toBe('BAD_USER_INPUT');
    expect(weak.extensions.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'newPassword' })]));
    expect((await t.client.request(ResetPasswordDocument, { challengeId: requestPasswordReset.id, code, newPassword: NEW_PASSWORD })).resetPassword).toBe(true);
    expect((await errorOf(c.client.request(MeDocument))).extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_REVOKED' });
    expect((await errorOf(t.client.request(LoginDocument, { input: { login: c.phone, password: PASSWORD } }))).code).toBe('UNAUTHENTICATED');
    expect((await loginAs(t, c.phone, NEW_PASSWORD)).user.id).toBe(c.id);
  });
});

describe('password change', () => {
  it('needs the current password, applies the policy, and signs the other devices out', async () => {
    const c = await registerCitizen(t);
    const other = await loginAs(t, c.phone);
    const wrong = await errorOf(c.client.request(ChangePasswordDocument, { currentPassword: 'Неверный-1', newPassword: NEW_PASSWORD }));
    expect(wrong.code).toBe('BAD_USER_INPUT');
    expect(wrong.extensions.fields).toEqual([expect.objectContaining({ field: 'currentPassword' })]);
    const weak = await errorOf(c.client.request(ChangePasswordDocument, { currentPassword: PASSWORD, newPassword: 'qwerty123' }));
    expect(weak.extensions.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'newPassword' })]));

    await c.client.request(ChangePasswordDocument, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect((await c.client.request(MeDocument)).me?.id).toBe(c.id);
    expect((await errorOf(other.client.request(MeDocument))).extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_REVOKED' });
    await t.sms.waitFor((m) => m.to === c.phone && /парол/i.test(m.text) && !/\b\d{6}\b/.test(m.text));
  });

  it('turning the second factor off needs the password', async () => {
    const c = await registerCitizen(t);
    await c.client.request(EnableTwoFactorDocument, { method: 'SMS' });
    expect((await errorOf(c.client.request(DisableTwoFactorDocument, { password: 'Неверный-1' }))).code).toBe('BAD_USER_INPUT');
    expect((await c.client.request(DisableTwoFactorDocument, { password: PASSWORD })).disableTwoFactor.twoFactorMethod).toBeNull();
  });
});

describe('contact change', () => {
  it('changes the phone after a code sent to the new phone', async () => {
    const c = await registerCitizen(t);
    const newPhone = uniquePhone();
    const since = t.sms.messages.length;
    const { changeContact } = await c.client.request(ChangeContactDocument, { channel: 'SMS', value: newPhone });
    expect(changeContact.purpose).toBe('CONTACT_CHANGE');
    const code = await smsCode(t, newPhone, since);
    const { confirmContactChange } = await c.client.request(ConfirmContactChangeDocument, { challengeId: changeContact.id, code });
    expect(confirmContactChange).toMatchObject({ phone: newPhone, phoneVerified: true });
    expect((await loginAs(t, newPhone)).user.id).toBe(c.id);
  });

  it('changes the e-mail after a code sent by e-mail', async () => {
    const c = await registerCitizen(t);
    const email = `new.${Date.now()}@mail.ru`;
    const since = t.mail.messages.length;
    const { changeContact } = await c.client.request(ChangeContactDocument, { channel: 'EMAIL', value: email });
    expect(changeContact.maskedDestination).toBe(`n***@mail.ru`);
    const code = await mailCode(t, email, since);
    const { confirmContactChange } = await c.client.request(ConfirmContactChangeDocument, { challengeId: changeContact.id, code });
    expect(confirmContactChange).toMatchObject({ email, emailVerified: true });
  });

  it('never gives a contact that belongs to another account, and refuses a code of another user', async () => {
    const a = await registerCitizen(t);
    const b = await registerCitizen(t);
    // Another account's contact answers a challenge that can never be confirmed (enumeration.test.ts).
    const claim = await a.client.request(ChangeContactDocument, { channel: 'SMS', value: b.phone });
    expect((await errorOf(a.client.request(ConfirmContactChangeDocument, { challengeId: claim.changeContact.id, code: '000000' }))).code).toBe('CODE_INVALID');
    const newPhone = uniquePhone();
    const since = t.sms.messages.length;
    const { changeContact } = await a.client.request(ChangeContactDocument, { channel: 'SMS', value: newPhone });
    const code = await smsCode(t, newPhone, since);
    expect((await errorOf(b.client.request(ConfirmContactChangeDocument, { challengeId: changeContact.id, code }))).code).toBe('NOT_FOUND');
  });
});
