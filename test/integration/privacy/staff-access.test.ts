/**
 * Operators see a citizen's profile, documents and files only while the citizen has business at
 * the operator's branch (a booking, an application, a ticket or a chat there); admins see all;
 * every staff read or change shows up in the citizen's myDataAccessLog.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AddDocumentDocument,
  AvailableSlotsDocument,
  BookAppointmentDocument,
  CancelBookingDocument,
  CitizenDocumentsDocument,
  CloseChatDocument,
  ConfirmIdentityDocument,
  DocumentNodeDocument,
  DocumentsToReviewDocument,
  MyDataAccessLogDocument,
  ReviewDocumentDocument,
  TakeTicketDocument,
} from '../../../src/sdk/generated/graphql.js';
import type { MfcClient } from '../../../src/sdk/client.js';
import { createAccount, createStaff } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { download, pngBytes, upload } from '../../helpers/files.js';
import { errorOf } from '../../helpers/graphql.js';
import { freshBranch, openChatAt, operatorOf } from '../../helpers/staff.js';
import { openNow } from '../../helpers/queue.js';
import { EVERY_DAY, buildBranch, buildCategory, buildService } from '../../factories/catalog.js';

const t = useTestApp();
let admin: Awaited<ReturnType<typeof createStaff>>;

const PASSPORT = { kind: 'PASSPORT_RF' as const, series: '45 08', number: '123456', issuedBy: 'ГУ МВД России по г. Москве', issuedAt: '2015-05-05' };

beforeAll(async () => {
  admin = await createStaff(t, 'ADMIN');
});

/** A citizen with a passport waiting for review, its scan attached. */
async function citizenWithPapers() {
  const c = await createAccount(t, 'CITIZEN');
  const scan = await upload(t, c.accessToken, { name: 'паспорт.png', bytes: pngBytes() });
  const { addDocument } = await c.client.request(AddDocumentDocument, { input: { ...PASSPORT, attachmentIds: [scan.body.id ?? ''] } });
  return { ...c, documentId: addDocument.id, fileUrl: scan.body.url ?? '' };
}

type Papers = Awaited<ReturnType<typeof citizenWithPapers>>;

/** Everything an operator can reach of the citizen's personal data, as the operator gets it. */
async function whatTheySee(staff: { client: MfcClient; accessToken: string }, c: Papers) {
  const user = (await staff.client.request(CitizenDocumentsDocument, { id: c.id })).node;
  const document = (await staff.client.request(DocumentNodeDocument, { id: c.documentId })).node;
  const toReview = (await staff.client.request(DocumentsToReviewDocument, { first: 200 })).documentsToReview.some((d) => d.id === c.documentId);
  const file = (await download(t, c.fileUrl, staff.accessToken)).status;
  return { user, document, toReview, file };
}

const logOf = async (c: { client: MfcClient }) => (await c.client.request(MyDataAccessLogDocument, { first: 100 })).myDataAccessLog;

describe('an operator of a branch where the citizen has no business', () => {
  it('gets null, NOT_FOUND or 404 for the profile, documents, files, review and identity confirmation; nothing is logged', async () => {
    const c = await citizenWithPapers();
    const branch = await freshBranch(t);
    const stranger = await operatorOf(t, branch.id);

    expect(await whatTheySee(stranger, c)).toEqual({ user: null, document: null, toReview: false, file: 404 });
    expect((await errorOf(stranger.client.request(ReviewDocumentDocument, { id: c.documentId, status: 'VERIFIED' }))).code).toBe('NOT_FOUND');
    expect((await errorOf(stranger.client.request(ConfirmIdentityDocument, { userId: c.id }))).code).toBe('NOT_FOUND');
    expect((await logOf(c)).totalCount).toBe(0);
  });
});

describe('an operator of the branch where the citizen has a chat', () => {
  it('sees the profile, documents and files while the chat is open, each read in the citizen\'s log; another branch\'s operator still sees nothing', async () => {
    const c = await citizenWithPapers();
    const branch = await freshBranch(t);
    const operator = await operatorOf(t, branch.id, 'Анна');
    const other = await operatorOf(t, (await freshBranch(t)).id);
    const chatId = await openChatAt(c.client, branch.id);

    const seen = await whatTheySee(operator, c);
    expect(seen).toMatchObject({ user: { __typename: 'User', id: c.id, documents: [{ id: c.documentId, kind: 'PASSPORT_RF' }] }, document: { id: c.documentId }, toReview: true, file: 200 });
    expect(await whatTheySee(other, c)).toEqual({ user: null, document: null, toReview: false, file: 404 });

    const log = await logOf(c);
    expect(log.nodes.every((e) => e.staffName === 'Операторов Анна' && e.staffRole === 'OPERATOR' && e.branch?.id === branch.id)).toBe(true);
    expect(new Set(log.nodes.map((e) => `${e.action}:${e.subject}`))).toEqual(
      new Set(['VIEW_PROFILE:профиль', 'VIEW_DOCUMENT:Паспорт гражданина РФ', 'OPEN_FILE:паспорт.png']),
    );
    // No personal value is written to the log.
    expect(JSON.stringify(log)).not.toMatch(/123456|4508/);

    // When the chat closes, the branch's business with the citizen is over.
    await c.client.request(CloseChatDocument, { id: chatId });
    expect(await whatTheySee(operator, c)).toEqual({ user: null, document: null, toReview: false, file: 404 });
  });
});

describe('an operator of the branch where the citizen has a booking', () => {
  it('reviews the documents and confirms the identity, both logged; after cancellation the citizen is out of reach', async () => {
    const c = await citizenWithPapers();
    const categoryId = (await buildCategory(admin.client)).id;
    const service = await buildService(admin.client, categoryId);
    const branch = await buildBranch(admin.client, { workingHours: EVERY_DAY }, [service.id]);
    const from = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 4 * 86_400_000).toISOString().slice(0, 10);
    const slot = (await t.client.request(AvailableSlotsDocument, { branchId: branch.id, serviceId: service.id, from, to })).availableSlots[0];
    if (!slot) throw new Error('no slot');
    const { bookAppointment } = await c.client.request(BookAppointmentDocument, { input: { branchId: branch.id, serviceId: service.id, startsAt: slot.startsAt } });
    const operator = await operatorOf(t, branch.id);

    const { reviewDocument } = await operator.client.request(ReviewDocumentDocument, { id: c.documentId, status: 'VERIFIED' });
    expect(reviewDocument.verificationStatus).toBe('VERIFIED');
    const { confirmIdentity } = await operator.client.request(ConfirmIdentityDocument, { userId: c.id });
    expect(confirmIdentity.trustLevel).toBe('CONFIRMED');
    const actions = (await logOf(c)).nodes.map((e) => `${e.action}:${e.subject}`);
    expect(actions).toEqual(expect.arrayContaining(['REVIEW_DOCUMENT:Паспорт гражданина РФ', 'CONFIRM_IDENTITY:личность']));

    await c.client.request(CancelBookingDocument, { id: bookAppointment.id });
    expect((await operator.client.request(CitizenDocumentsDocument, { id: c.id })).node).toBeNull();
    expect((await errorOf(operator.client.request(ReviewDocumentDocument, { id: c.documentId, status: 'REJECTED', reason: 'Скан нечитаем' }))).code).toBe('NOT_FOUND');
  });
});

describe('an operator of the branch where the citizen holds a ticket', () => {
  it('sees the citizen while the ticket is in the queue; an operator of another branch does not', async () => {
    const c = await citizenWithPapers();
    const service = await buildService(admin.client, (await buildCategory(admin.client)).id);
    const branch = await buildBranch(admin.client, openNow(), [service.id]);
    await c.client.request(TakeTicketDocument, { branchId: branch.id, serviceId: service.id });
    const operator = await operatorOf(t, branch.id);
    const other = await operatorOf(t, (await freshBranch(t)).id);

    expect(await whatTheySee(operator, c)).toMatchObject({ user: { id: c.id }, document: { id: c.documentId }, toReview: true, file: 200 });
    expect(await whatTheySee(other, c)).toEqual({ user: null, document: null, toReview: false, file: 404 });
  });
});

describe('an administrator', () => {
  it('sees every citizen, and the reads are logged with the role ADMIN and no branch', async () => {
    const c = await citizenWithPapers();
    expect(await whatTheySee(admin, c)).toMatchObject({ user: { id: c.id }, document: { id: c.documentId }, toReview: true, file: 200 });
    const log = await logOf(c);
    expect(log.totalCount).toBeGreaterThanOrEqual(3);
    expect(log.nodes.every((e) => e.staffRole === 'ADMIN' && e.branch === null && e.staffName === 'Админова Тест')).toBe(true);
  });

  it('the log pages newest first and is the citizen\'s own', async () => {
    const c = await citizenWithPapers();
    for (let i = 0; i < 3; i += 1) await admin.client.request(CitizenDocumentsDocument, { id: c.id });
    const first = (await c.client.request(MyDataAccessLogDocument, { first: 2 })).myDataAccessLog;
    expect(first.nodes).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = (await c.client.request(MyDataAccessLogDocument, { first: 100, after: first.pageInfo.endCursor })).myDataAccessLog;
    const all = [...first.nodes, ...rest.nodes];
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    expect(all.map((e) => e.at)).toEqual([...all.map((e) => e.at)].sort().reverse());
    // Someone else's log does not include it.
    const other = await createAccount(t, 'CITIZEN');
    expect((await logOf(other)).totalCount).toBe(0);
  });
});
