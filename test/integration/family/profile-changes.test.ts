/**
 * Profile changes by request through the API: checks on entry, one open request at a time (also
 * when two arrive at once), operators' list and review scoped by the privacy rule, approval applying
 * names, birth date and a new passport in one transaction (the old passport kept as history, the
 * trust level recomputed, the journal written, the citizen told), rejection with a reason, and
 * updateProfile refusing to change a filled birth date.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  AddDocumentDocument,
  MeDocument,
  MyActivityDocument,
  MyDocumentsDocument,
  MyProfileChangeRequestsDocument,
  ProfileChangeRequestsToReviewDocument,
  RequestProfileChangeDocument,
  ReviewProfileChangeDocument,
  UpdateProfileDocument,
} from '../../../src/sdk/generated/graphql.js';
import { notifications, personalDocuments } from '../../../src/db/schema/index.js';
import { createAccount, createStaff } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { freshSnils } from '../../factories/identifiers.js';
import { uploadScan } from '../../helpers/files.js';
import { errorOf } from '../../helpers/graphql.js';
import { freshBranch, operatorOf, operatorServing } from '../../helpers/staff.js';

const t = useTestApp();
const OLD_PASSPORT = { kind: 'PASSPORT_RF' as const, series: '4508', number: '123456', issuedBy: 'ГУ МВД России по г. Москве', issuedAt: '2015-05-05' };
const NEW_PASSPORT = { kind: 'PASSPORT_RF' as const, series: '4521', number: '654321', issuedBy: 'ГУ МВД России по г. Москве', issuedAt: '2025-06-01' };

/** A STANDARD citizen (passport and SNILS) with a scan of a marriage certificate uploaded. */
async function citizen() {
  const c = await createAccount(t, 'CITIZEN');
  await c.client.request(AddDocumentDocument, { input: OLD_PASSPORT });
  await c.client.request(AddDocumentDocument, { input: { kind: 'SNILS', number: freshSnils() } });
  const scan = await uploadScan(t, c.accessToken, 'свидетельство о браке.pdf');
  return { ...c, scan };
}

describe('asking for a change', () => {
  it('keeps the request PENDING with its scans and the proposed passport, which is not in force yet', async () => {
    const c = await citizen();
    const { requestProfileChange: r } = await c.client.request(RequestProfileChangeDocument, { input: { lastName: 'Смирнова', passport: NEW_PASSPORT, attachmentIds: [c.scan], comment: 'Сменила фамилию' } });
    expect(r).toMatchObject({ status: 'PENDING', lastName: 'Смирнова', firstName: null, reason: null, user: { id: c.id }, attachments: [expect.objectContaining({ id: c.scan })] });
    expect(r.passport).toMatchObject({ series: '4521', number: '654321', verificationStatus: 'PENDING' });
    const mine = (await c.client.request(MyDocumentsDocument)).myDocuments.filter((d) => d.kind === 'PASSPORT_RF');
    expect(mine.map((d) => d.number)).toEqual(['123456']);
    expect((await c.client.request(MeDocument)).me?.lastName).not.toBe('Смирнова');
    expect((await c.client.request(MyProfileChangeRequestsDocument)).myProfileChangeRequests.map((x) => x.id)).toEqual([r.id]);
  });

  it('refuses a request without changes or scans, bad names and dates, a passport of another kind, every field at once', async () => {
    const c = await citizen();
    const empty = await errorOf(c.client.request(RequestProfileChangeDocument, { input: { attachmentIds: [] } }));
    expect((empty.extensions.fields as Array<{ field: string }>).map((f) => f.field).sort()).toEqual(['input', 'input.attachmentIds']);
    const bad = await errorOf(
      c.client.request(RequestProfileChangeDocument, { input: { firstName: 'Анна1', birthDate: '2999-01-01', passport: { ...NEW_PASSPORT, kind: 'SNILS', series: null, number: '1' }, attachmentIds: [c.scan] } }),
    );
    expect(bad.code).toBe('BAD_USER_INPUT');
    expect((bad.extensions.fields as Array<{ field: string }>).map((f) => f.field)).toEqual(expect.arrayContaining(['input.firstName', 'input.birthDate', 'input.passport.kind', 'input.passport.number']));
    const other = await createAccount(t, 'CITIZEN');
    const theirs = await uploadScan(t, other.accessToken);
    expect((await errorOf(c.client.request(RequestProfileChangeDocument, { input: { lastName: 'Смирнова', attachmentIds: [theirs] } }))).code).toBe('NOT_FOUND');
    expect((await c.client.request(MyProfileChangeRequestsDocument)).myProfileChangeRequests).toEqual([]);
  });

  it('one open request at a time: a second is CONFLICT, and two at the same moment give exactly one', async () => {
    const c = await citizen();
    const input = { lastName: 'Смирнова', passport: NEW_PASSPORT, attachmentIds: [c.scan] };
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => c.client.request(RequestProfileChangeDocument, { input })));
    const ok = results.filter((r) => r.status === 'fulfilled');
    expect(ok).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect((r.reason as { code: string }).code).toBe('CONFLICT');
    expect((await c.client.request(MyProfileChangeRequestsDocument)).myProfileChangeRequests).toHaveLength(1);
    // The losers' proposed passports rolled back with them.
    const proposed = await t.running.app.db.db.select().from(personalDocuments).where(and(eq(personalDocuments.userId, c.id), eq(personalDocuments.standing, 'PROPOSED')));
    expect(proposed).toHaveLength(1);
    expect((await errorOf(c.client.request(RequestProfileChangeDocument, { input }))).code).toBe('CONFLICT');
  });
});

describe('operators\' review', () => {
  it('an operator without business with the citizen sees nothing and gets NOT_FOUND; a citizen cannot review', async () => {
    const c = await citizen();
    const { requestProfileChange: r } = await c.client.request(RequestProfileChangeDocument, { input: { firstName: 'Анна', attachmentIds: [c.scan] } });
    const stranger = await operatorOf(t, (await freshBranch(t)).id);
    const page = (await stranger.client.request(ProfileChangeRequestsToReviewDocument, { first: 100 })).profileChangeRequestsToReview;
    expect([page.nodes, page.totalCount]).toEqual([[], 0]);
    expect((await errorOf(stranger.client.request(ReviewProfileChangeDocument, { id: r.id, status: 'VERIFIED' }))).code).toBe('NOT_FOUND');
    expect((await errorOf(c.client.request(ReviewProfileChangeDocument, { id: r.id, status: 'VERIFIED' }))).code).toBe('FORBIDDEN');
  });

  it('approval applies names, birth date and passport in one go: old passport kept as history, trust level kept, journal and message written', async () => {
    const c = await citizen();
    const before = (await c.client.request(MeDocument)).me;
    expect(before?.trustLevel).toBe('STANDARD');
    const { requestProfileChange: r } = await c.client.request(RequestProfileChangeDocument, {
      input: { lastName: 'Смирнова', middleName: 'Олеговна', birthDate: '1990-02-03', passport: NEW_PASSPORT, attachmentIds: [c.scan] },
    });
    const op = await operatorServing(t, c.client);
    const page = (await op.client.request(ProfileChangeRequestsToReviewDocument, { first: 10 })).profileChangeRequestsToReview;
    expect([page.nodes.map((n) => n.id), page.totalCount]).toEqual([[r.id], 1]);

    const { reviewProfileChange } = await op.client.request(ReviewProfileChangeDocument, { id: r.id, status: 'VERIFIED' });
    expect(reviewProfileChange).toMatchObject({ status: 'VERIFIED', reviewedAt: expect.any(String), passport: expect.objectContaining({ verificationStatus: 'VERIFIED' }) });
    const me = (await c.client.request(MeDocument)).me;
    expect(me).toMatchObject({ lastName: 'Смирнова', middleName: 'Олеговна', firstName: before?.firstName, birthDate: '1990-02-03', trustLevel: 'STANDARD' });
    const passports = (await c.client.request(MyDocumentsDocument)).myDocuments.filter((d) => d.kind === 'PASSPORT_RF');
    expect(passports.map((d) => [d.number, d.verificationStatus])).toEqual([['654321', 'VERIFIED']]);
    const archived = await t.running.app.db.db.select().from(personalDocuments).where(and(eq(personalDocuments.userId, c.id), eq(personalDocuments.standing, 'ARCHIVED')));
    expect(archived).toHaveLength(1);
    const journal = (await c.client.request(MyActivityDocument, { first: 20 })).myActivity.nodes.find((e) => e.action === 'PROFILE_CHANGE_APPROVED');
    expect(journal?.details).toMatchObject({ fields: expect.arrayContaining(['lastName', 'middleName', 'birthDate']), requestId: r.id });
    const told = await t.running.app.db.db.select().from(notifications).where(and(eq(notifications.userId, c.id), eq(notifications.template, 'profile.change_approved')));
    expect(told).toHaveLength(1);
    // Settled: a second review is CONFLICT, and the list is empty; a new request may be made.
    expect((await errorOf(op.client.request(ReviewProfileChangeDocument, { id: r.id, status: 'REJECTED', reason: 'Поздно' }))).code).toBe('CONFLICT');
    expect((await op.client.request(ProfileChangeRequestsToReviewDocument, { first: 10 })).profileChangeRequestsToReview.totalCount).toBe(0);
    await c.client.request(RequestProfileChangeDocument, { input: { firstName: 'Анна', attachmentIds: [c.scan] } });
  });

  it('approving a passport for a citizen who had none recomputes the trust level: SIMPLIFIED becomes STANDARD', async () => {
    const c = await createAccount(t, 'CITIZEN');
    await c.client.request(AddDocumentDocument, { input: { kind: 'SNILS', number: freshSnils() } });
    const scan = await uploadScan(t, c.accessToken, 'паспорт.pdf');
    expect((await c.client.request(MeDocument)).me?.trustLevel).toBe('SIMPLIFIED');
    const { requestProfileChange: r } = await c.client.request(RequestProfileChangeDocument, { input: { passport: NEW_PASSPORT, attachmentIds: [scan] } });
    const op = await operatorServing(t, c.client);
    await op.client.request(ReviewProfileChangeDocument, { id: r.id, status: 'VERIFIED' });
    expect((await c.client.request(MeDocument)).me?.trustLevel).toBe('STANDARD');
  });

  it('two operators at once: one approval wins, the other gets CONFLICT, the change is applied once', async () => {
    const c = await citizen();
    const { requestProfileChange: r } = await c.client.request(RequestProfileChangeDocument, { input: { lastName: 'Кузнецова', attachmentIds: [c.scan] } });
    const admin = await createStaff(t, 'ADMIN');
    const op = await operatorServing(t, c.client);
    const results = await Promise.allSettled([op.client.request(ReviewProfileChangeDocument, { id: r.id, status: 'VERIFIED' }), admin.client.request(ReviewProfileChangeDocument, { id: r.id, status: 'REJECTED', reason: 'Нет печати' })]);
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((x) => x.status === 'rejected');
    expect((failed as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
    const sent = await t.running.app.db.db.select().from(notifications).where(eq(notifications.subjectId, r.id));
    expect(sent).toHaveLength(1);
  });

  it('a rejection needs a reason; the proposed passport is refused and nothing changes', async () => {
    const c = await citizen();
    const { requestProfileChange: r } = await c.client.request(RequestProfileChangeDocument, { input: { lastName: 'Смирнова', passport: NEW_PASSPORT, attachmentIds: [c.scan] } });
    const op = await operatorServing(t, c.client);
    const noReason = await errorOf(op.client.request(ReviewProfileChangeDocument, { id: r.id, status: 'REJECTED' }));
    expect([noReason.code, noReason.extensions.fields]).toEqual(['BAD_USER_INPUT', [expect.objectContaining({ field: 'reason' })]]);
    const { reviewProfileChange } = await op.client.request(ReviewProfileChangeDocument, { id: r.id, status: 'REJECTED', reason: 'На скане не видна печать' });
    expect(reviewProfileChange).toMatchObject({ status: 'REJECTED', reason: 'На скане не видна печать', passport: expect.objectContaining({ verificationStatus: 'REJECTED' }) });
    expect((await c.client.request(MeDocument)).me?.lastName).not.toBe('Смирнова');
    expect((await c.client.request(MyDocumentsDocument)).myDocuments.filter((d) => d.kind === 'PASSPORT_RF').map((d) => d.number)).toEqual(['123456']);
    const told = await t.running.app.db.db.select().from(notifications).where(and(eq(notifications.userId, c.id), eq(notifications.template, 'profile.change_rejected')));
    expect(told).toHaveLength(1);
  });
});

describe('updateProfile', () => {
  it('sets an empty birth date once; changing it afterwards is BAD_USER_INPUT pointing to requestProfileChange', async () => {
    const c = await createAccount(t, 'CITIZEN');
    await c.client.request(UpdateProfileDocument, { input: { birthDate: '1985-03-14' } });
    await c.client.request(UpdateProfileDocument, { input: { birthDate: '1985-03-14' } });
    const err = await errorOf(c.client.request(UpdateProfileDocument, { input: { birthDate: '1986-03-14' } }));
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.extensions.fields).toEqual([expect.objectContaining({ field: 'birthDate', message: expect.stringContaining('requestProfileChange') })]);
    expect((await errorOf(c.client.request(UpdateProfileDocument, { input: { birthDate: null } }))).code).toBe('BAD_USER_INPUT');
    expect((await c.client.request(MeDocument)).me?.birthDate).toBe('1985-03-14');
  });
});
