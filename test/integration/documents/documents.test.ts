/**
 * Personal documents through the API: checks on entry, one passport/SNILS/INN each, the STANDARD
 * level, review by operators, another citizen's ids, and the expiry reminder.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  AddDocumentDocument,
  DeleteDocumentDocument,
  DocumentNodeDocument,
  DocumentsToReviewDocument,
  MeWithDocumentsDocument,
  MyDocumentsDocument,
  ReviewDocumentDocument,
  UpdateDocumentDocument,
  UpdateProfileDocument,
  type DocumentInput,
} from '../../../src/sdk/generated/graphql.js';
import { notifications, personalDocuments } from '../../../src/db/schema/index.js';
import { remindExpiringDocuments } from '../../../src/modules/documents/index.js';
import { addDays } from '../../../src/shared/days.js';
import { addVerifiedIdentifier, createAccount } from '../../helpers/accounts.js';
import { formatSnils } from '../../../src/shared/identifiers.js';
import { useTestApp } from '../../helpers/app.js';
import { freshSnils } from '../../factories/identifiers.js';
import { errorOf } from '../../helpers/graphql.js';
import { uploadScan } from '../../helpers/files.js';
import { operatorServing } from '../../helpers/staff.js';

const t = useTestApp();
const today = () => new Date().toISOString().slice(0, 10);

const PASSPORT: DocumentInput = { kind: 'PASSPORT_RF', series: '45 08', number: '123456', issuedBy: 'ГУ МВД России по г. Москве', issuedAt: '2015-05-05' };
const SNILS: DocumentInput = { kind: 'SNILS', number: '112-233-445 95' };


describe('adding documents', () => {
  it('normalizes a valid passport and keeps it UNVERIFIED without scans, PENDING with them', async () => {
    const c = await createAccount(t, 'CITIZEN');
    const { addDocument } = await c.client.request(AddDocumentDocument, { input: PASSPORT });
    expect(addDocument).toMatchObject({ kind: 'PASSPORT_RF', series: '4508', number: '123456', verificationStatus: 'UNVERIFIED', expired: false, attachments: [] });
    const scan = await uploadScan(t, c.accessToken);
    const { addDocument: licence } = await c.client.request(AddDocumentDocument, {
      input: { kind: 'DRIVER_LICENSE', series: '99 12', number: '345678', issuedAt: '2020-01-01', expiresAt: '2030-01-01', attachmentIds: [scan] },
    });
    expect(licence).toMatchObject({ verificationStatus: 'PENDING', attachments: [{ id: scan, contentType: 'application/pdf' }] });
    const { myDocuments } = await c.client.request(MyDocumentsDocument);
    expect(myDocuments.map((d) => d.kind).sort()).toEqual(['DRIVER_LICENSE', 'PASSPORT_RF']);
  });

  it('reports every bad field at once with BAD_USER_INPUT', async () => {
    const c = await createAccount(t, 'CITIZEN');
    const err = await errorOf(c.client.request(AddDocumentDocument, { input: { kind: 'PASSPORT_RF', series: '45', number: '12-34', issuedAt: '2099-01-01' } }));
    expect(err.code).toBe('BAD_USER_INPUT');
    expect((err.extensions.fields as Array<{ field: string }>).map((f) => f.field)).toEqual(['input.series', 'input.number', 'input.issuedAt']);
  });

  it('refuses a SNILS or an INN whose check digits do not match', async () => {
    const c = await createAccount(t, 'CITIZEN');
    const snils = await errorOf(c.client.request(AddDocumentDocument, { input: { kind: 'SNILS', number: '112-233-445 96' } }));
    expect(snils.extensions.fields).toEqual([{ field: 'input.number', message: expect.stringMatching(/контрольное число/) }]);
    const inn = await errorOf(c.client.request(AddDocumentDocument, { input: { kind: 'INN', number: '500100732258' } }));
    expect(inn.extensions.fields).toEqual([{ field: 'input.number', message: expect.stringMatching(/контрольные цифры/) }]);
  });

  it('refuses a document that has already expired', async () => {
    const c = await createAccount(t, 'CITIZEN');
    const err = await errorOf(c.client.request(AddDocumentDocument, { input: { kind: 'FOREIGN_PASSPORT', series: '75', number: '1234567', issuedAt: '2015-01-01', expiresAt: addDays(today(), -2) } }));
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.extensions.fields).toEqual([{ field: 'input.expiresAt', message: expect.stringMatching(/истёк/) }]);
  });

  it('keeps one passport per person, even when two arrive at once', async () => {
    const c = await createAccount(t, 'CITIZEN');
    const results = await Promise.allSettled([1, 2, 3].map(() => c.client.request(AddDocumentDocument, { input: PASSPORT })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect((r.reason as { code?: string }).code).toBe('CONFLICT');
    // Another kind is not limited.
    await c.client.request(AddDocumentDocument, { input: { kind: 'MILITARY_ID', series: 'АК', number: '1234567' } });
    await c.client.request(AddDocumentDocument, { input: { kind: 'MILITARY_ID', series: 'АБ', number: '7654321' } });
  });

  it('refuses scans that are not the citizen’s own with NOT_FOUND', async () => {
    const owner = await createAccount(t, 'CITIZEN');
    const other = await createAccount(t, 'CITIZEN');
    const scan = await uploadScan(t, owner.accessToken);
    const err = await errorOf(other.client.request(AddDocumentDocument, { input: { ...PASSPORT, attachmentIds: [scan] } }));
    expect(err.code).toBe('NOT_FOUND');
    expect(err.extensions.fields).toEqual([{ field: 'input.attachmentIds.0', message: expect.any(String) }]);
    expect((await other.client.request(MyDocumentsDocument)).myDocuments).toEqual([]);
  });
});

describe('account level', () => {
  it('a passport and a SNILS raise the account to STANDARD; the SNILS goes to the profile; removing the passport lowers it again', async () => {
    const c = await createAccount(t, 'CITIZEN');
    const snils = freshSnils();
    await c.client.request(AddDocumentDocument, { input: PASSPORT });
    expect((await c.client.request(MeWithDocumentsDocument)).me?.trustLevel).toBe('SIMPLIFIED');
    await c.client.request(AddDocumentDocument, { input: { kind: 'SNILS', number: snils } });
    const { me } = await c.client.request(MeWithDocumentsDocument);
    expect(me).toMatchObject({ trustLevel: 'STANDARD', snils: `${snils.slice(0, 3)}-${snils.slice(3, 6)}-${snils.slice(6, 9)} ${snils.slice(9)}` });
    expect(me?.documents.map((d) => d.kind).sort()).toEqual(['PASSPORT_RF', 'SNILS']);
    const passport = me?.documents.find((d) => d.kind === 'PASSPORT_RF')?.id ?? '';
    await c.client.request(DeleteDocumentDocument, { id: passport });
    expect((await c.client.request(MeWithDocumentsDocument)).me?.trustLevel).toBe('SIMPLIFIED');
  });

  it('a SNILS verified in another account is a CONFLICT', async () => {
    const first = await createAccount(t, 'CITIZEN');
    const second = await createAccount(t, 'CITIZEN');
    const snils = freshSnils();
    await addVerifiedIdentifier(t, first.client, 'SNILS', snils);
    const err = await errorOf(second.client.request(AddDocumentDocument, { input: { kind: 'SNILS', number: snils } }));
    expect(err.code).toBe('CONFLICT');
    expect((await second.client.request(MyDocumentsDocument)).myDocuments).toEqual([]);
  });

  it('a SNILS another account only typed does not block its owner: once an operator verifies the owner\'s document, the owner has it and the other account loses it', async () => {
    const squatter = await createAccount(t, 'CITIZEN');
    const owner = await createAccount(t, 'CITIZEN');
    // An operator sees the owner's documents while the owner has business at their branch.
    const operator = await operatorServing(t, owner.client);
    const snils = freshSnils();
    await squatter.client.request(UpdateProfileDocument, { input: { snils } });

    const { addDocument } = await owner.client.request(AddDocumentDocument, { input: { kind: 'SNILS', number: snils } });
    expect((await owner.client.request(MeWithDocumentsDocument)).me?.snils).toBeNull();
    await operator.client.request(ReviewDocumentDocument, { id: addDocument.id, status: 'VERIFIED' });

    expect((await owner.client.request(MeWithDocumentsDocument)).me?.snils).toBe(formatSnils(snils));
    expect((await squatter.client.request(MeWithDocumentsDocument)).me?.snils).toBeNull();
    await t.sms.waitFor((m) => m.to === squatter.phone && /СНИЛС удалён/.test(m.text));
  });
});

describe('changing and reviewing documents', () => {
  it('an update keeps the kind and sends the document back to review', async () => {
    const c = await createAccount(t, 'CITIZEN');
    const operator = await operatorServing(t, c.client);
    const scan = await uploadScan(t, c.accessToken);
    const { addDocument } = await c.client.request(AddDocumentDocument, { input: { ...PASSPORT, attachmentIds: [scan] } });
    const { documentsToReview } = await operator.client.request(DocumentsToReviewDocument, { first: 200 });
    expect(documentsToReview.find((d) => d.id === addDocument.id)?.owner).toMatchObject({ id: c.id });
    const { reviewDocument } = await operator.client.request(ReviewDocumentDocument, { id: addDocument.id, status: 'REJECTED', reason: 'Скан нечитаем' });
    expect(reviewDocument.verificationStatus).toBe('REJECTED');
    const { updateDocument } = await c.client.request(UpdateDocumentDocument, { id: addDocument.id, input: { ...PASSPORT, number: '654321' } });
    expect(updateDocument).toMatchObject({ number: '654321', verificationStatus: 'PENDING', rejectionReason: null, attachments: [{ id: scan }] });
    const kind = await errorOf(c.client.request(UpdateDocumentDocument, { id: addDocument.id, input: { ...SNILS } }));
    expect(kind.extensions.fields).toEqual([{ field: 'input.kind', message: expect.any(String) }]);
  });

  it('a verified passport is neither edited nor deleted directly: it changes through requestProfileChange', async () => {
    const c = await createAccount(t, 'CITIZEN');
    const operator = await operatorServing(t, c.client);
    const scan = await uploadScan(t, c.accessToken);
    const { addDocument } = await c.client.request(AddDocumentDocument, { input: { ...PASSPORT, attachmentIds: [scan] } });
    await operator.client.request(ReviewDocumentDocument, { id: addDocument.id, status: 'VERIFIED' });
    const edit = await errorOf(c.client.request(UpdateDocumentDocument, { id: addDocument.id, input: { ...PASSPORT, number: '654321' } }));
    expect(edit.extensions.code).toBe('BAD_USER_INPUT');
    expect(edit.extensions.fields).toEqual([{ field: 'id', message: expect.stringContaining('requestProfileChange') }]);
    const removal = await errorOf(c.client.request(DeleteDocumentDocument, { id: addDocument.id }));
    expect(removal.extensions.fields).toEqual([{ field: 'id', message: expect.stringContaining('requestProfileChange') }]);
    const { myDocuments } = await c.client.request(MyDocumentsDocument);
    expect(myDocuments.find((d) => d.id === addDocument.id)).toMatchObject({ number: '123456', verificationStatus: 'VERIFIED' });
  });

  it('a rejection needs a reason, is told to the owner, and only staff may review', async () => {
    const c = await createAccount(t, 'CITIZEN');
    const operator = await operatorServing(t, c.client);
    const { addDocument } = await c.client.request(AddDocumentDocument, { input: { kind: 'OMS_POLICY', number: '7700000000000000' } });
    expect((await errorOf(operator.client.request(ReviewDocumentDocument, { id: addDocument.id, status: 'REJECTED' }))).extensions.fields).toEqual([{ field: 'reason', message: expect.any(String) }]);
    expect((await errorOf(c.client.request(ReviewDocumentDocument, { id: addDocument.id, status: 'VERIFIED' }))).code).toBe('FORBIDDEN');
    const since = t.sms.messages.length;
    const { reviewDocument } = await operator.client.request(ReviewDocumentDocument, { id: addDocument.id, status: 'REJECTED', reason: 'Скан нечитаем' });
    expect(reviewDocument).toMatchObject({ verificationStatus: 'REJECTED', rejectionReason: 'Скан нечитаем' });
    const sms = await t.sms.waitFor((m) => m.to === c.phone && t.sms.messages.indexOf(m) >= since);
    expect(sms.text).toMatch(/не принят/);
  });
});

describe('another citizen’s documents', () => {
  it('are NOT_FOUND for update and delete, and null through node(id)', async () => {
    const owner = await createAccount(t, 'CITIZEN');
    const other = await createAccount(t, 'CITIZEN');
    const { addDocument } = await owner.client.request(AddDocumentDocument, { input: PASSPORT });
    expect((await errorOf(other.client.request(UpdateDocumentDocument, { id: addDocument.id, input: PASSPORT }))).code).toBe('NOT_FOUND');
    expect((await errorOf(other.client.request(DeleteDocumentDocument, { id: addDocument.id }))).code).toBe('NOT_FOUND');
    // A malformed id never reaches the database: BAD_USER_INPUT naming the argument.
    expect((await errorOf(other.client.request(DeleteDocumentDocument, { id: 'nonsense' }))).code).toBe('BAD_USER_INPUT');
    expect((await other.client.request(DocumentNodeDocument, { id: addDocument.id })).node).toBeNull();
    expect((await owner.client.request(DocumentNodeDocument, { id: addDocument.id })).node).toMatchObject({ __typename: 'PersonalDocument', kind: 'PASSPORT_RF' });
    // Still there for its owner.
    expect((await owner.client.request(MyDocumentsDocument)).myDocuments).toHaveLength(1);
  });
});

describe('expiry reminder', () => {
  it('reminds once per document and expiry date, and again when the date changes', async () => {
    const c = await createAccount(t, 'CITIZEN');
    const { addDocument } = await c.client.request(AddDocumentDocument, {
      input: { kind: 'DRIVER_LICENSE', series: '9912', number: '345678', issuedAt: '2016-01-01', expiresAt: addDays(today(), 10) },
    });
    const { addDocument: later } = await c.client.request(AddDocumentDocument, {
      input: { kind: 'VEHICLE_REGISTRATION', series: '77 ХА', number: '123456', issuedAt: '2016-01-01', expiresAt: addDays(today(), 90) },
    });
    expect(addDocument.expiresSoon).toBe(true);
    expect(later.expiresSoon).toBe(false);
    const { db } = t.running.app.db;
    const reminders = async () =>
      (await db.select().from(notifications).where(and(eq(notifications.userId, c.id), eq(notifications.template, 'document.expiring')))).map((n) => n.subjectId);
    // Two runs at once and one after: one reminder.
    await Promise.all([t.running.app.services.documents.remindExpiring(), t.running.app.services.documents.remindExpiring()]);
    await t.running.app.services.documents.remindExpiring();
    expect(await reminders()).toEqual([addDocument.id]);
    // DOCUMENT_EXPIRY goes to e-mail, push and the feed by default: the feed has it.
    const [note] = await db.select().from(notifications).where(and(eq(notifications.userId, c.id), eq(notifications.template, 'document.expiring')));
    expect(note?.title).toContain(addDays(today(), 10).split('-').reverse().join('.'));
    // A renewed expiry date, still within 30 days, is a new date: one more reminder.
    await c.client.request(UpdateDocumentDocument, { id: addDocument.id, input: { kind: 'DRIVER_LICENSE', series: '9912', number: '345678', issuedAt: '2016-01-01', expiresAt: addDays(today(), 20) } });
    await t.running.app.services.documents.remindExpiring();
    expect(await reminders()).toEqual([addDocument.id, addDocument.id]);
    const [row] = await db.select().from(personalDocuments).where(eq(personalDocuments.id, addDocument.id));
    expect(row?.expiryRemindedFor).toBe(addDays(today(), 20));
  });

  it('runs daily as a repeatable BullMQ job', async () => {
    const scheduler = await t.running.app.queues.get(remindExpiringDocuments.queue).getJobScheduler(remindExpiringDocuments.name);
    expect(scheduler).toMatchObject({ pattern: '0 9 * * *', tz: 'Europe/Moscow' });
  });
});
