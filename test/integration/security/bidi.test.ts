/**
 * Bidirectional control characters (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C) are
 * dropped from what is shown as a name, a subject, an address or a file name: `Счёт\u202Efdp.exe.pdf`
 * must not be stored as a file that displays as `Счётexe.pdf`.
 */
import { describe, expect, it } from 'vitest';
import {
  ConfirmRegistrationDocument,
  CreateStaffUserDocument,
  OpenChatDocument,
  RegisterDocument,
  UpdateProfileDocument,
} from '../../../src/sdk/generated/graphql.js';
import { PASSWORD, createStaff, registerCitizen, smsCode, uniquePhone } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { pdfBytes, upload } from '../../helpers/files.js';
import { buildBranch } from '../../factories/catalog.js';

const t = useTestApp();
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

describe('bidirectional controls are stripped', () => {
  it('from an uploaded file name: the override in Счёт\\u202Efdp.exe.pdf is not stored', async () => {
    const c = await registerCitizen(t);
    const r = await upload(t, c.accessToken, { name: 'Счёт\u202Efdp.exe.pdf', bytes: pdfBytes(10), type: 'application/pdf' });
    expect(r.status).toBe(201);
    expect(r.body.fileName).toBe('Счётfdp.exe.pdf');
    const [row] = await t.running.app.db.sql`select file_name from attachments where id = ${r.body.id ?? ''}`;
    expect(row?.file_name).toBe('Счётfdp.exe.pdf');
  });

  it('from a chat subject', async () => {
    const c = await registerCitizen(t);
    const { openChat } = await c.client.request(OpenChatDocument, { subject: 'Вопрос \u202Eпо\u2066 справке\u200F\u061C' });
    expect(openChat.subject).toBe('Вопрос по справке');
    // A subject made only of controls is empty.
    const blank = await c.client.raw(OpenChatDocument, { subject: '\u202E\u2067' });
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'subject' })] });
  });

  it('from the citizen’s addresses', async () => {
    const c = await registerCitizen(t);
    const { updateProfile } = await c.client.request(UpdateProfileDocument, {
      input: { registrationAddress: 'г. Казань, \u202Eул. Баумана, 1', residentialAddress: '\u2067ул. Пушкина\u2069, 5\u200E' },
    });
    expect(updateProfile).toMatchObject({ registrationAddress: 'г. Казань, ул. Баумана, 1', residentialAddress: 'ул. Пушкина, 5' });
  });

  it('from names at registration and from staff names', async () => {
    const phone = uniquePhone();
    const since = t.sms.messages.length;
    const { register } = await t.client.request(RegisterDocument, {
      input: { phone, password: PASSWORD, lastName: 'Пет\u202Eрова', firstName: '\u200FМария', middleName: 'Серге\u2066евна', acceptTerms: true },
    });
    const code = await smsCode(t, phone, since);
    const { confirmRegistration } = await t.client.request(ConfirmRegistrationDocument, { challengeId: register.id, code });
    expect(confirmRegistration.user).toMatchObject({ lastName: 'Петрова', firstName: 'Мария', middleName: 'Сергеевна' });

    const admin = await createStaff(t, 'ADMIN');
    const branch = await buildBranch(admin.client, { name: 'МФЦ \u202Eзапад', address: 'ул. Тверская,\u202E д. 7' });
    expect(branch.name).not.toMatch(BIDI);
    const { createStaffUser } = await admin.client.request(CreateStaffUserDocument, {
      input: { phone: uniquePhone(), password: PASSWORD, lastName: 'Сидо\u202Eрова', firstName: 'Ольга\u2069', role: 'OPERATOR', branchId: branch.id },
    });
    expect(createStaffUser).toMatchObject({ lastName: 'Сидорова', firstName: 'Ольга' });
    const [row] = await t.running.app.db.sql`select name, address from branches where id = ${branch.id}`;
    expect(row).toMatchObject({ name: 'МФЦ запад', address: 'ул. Тверская, д. 7' });
  });
});
