/**
 * Dependants through the API: entry checks (formats, dates, a child under 18, the proving
 * document), the parent's list and edits, operators' review scoped by the privacy rule, another
 * citizen's dependant NOT_FOUND on every path, the dependant's documents (DocumentInput.dependantId)
 * kept apart from the parent's own, and the daily coming-of-age job.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AddDependantDocument,
  AddDocumentDocument,
  DependantNodeDocument,
  DependantsToReviewDocument,
  DocumentsToReviewDocument,
  MyDataAccessLogDocument,
  MyDependantsDocument,
  MyDocumentsDocument,
  RemoveDependantDocument,
  ReviewDependantDocument,
  ReviewDocumentDocument,
  UpdateDependantDocument,
  UserDependantsDocument,
  type DependantInput,
} from '../../../src/sdk/generated/graphql.js';
import { dependants, notifications } from '../../../src/db/schema/index.js';
import { releaseAdults } from '../../../src/modules/family/index.js';
import { localDay } from '../../../src/shared/days.js';
import { addVerifiedIdentifier, createAccount, createStaff } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { freshSnils } from '../../factories/identifiers.js';
import { uploadScan } from '../../helpers/files.js';
import { errorOf } from '../../helpers/graphql.js';
import { freshBranch, operatorOf, operatorServing } from '../../helpers/staff.js';

const t = useTestApp();
let admin: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  admin = await createStaff(t, 'ADMIN');
});

const yearsAgo = (years: number, plusDays = 0): string => {
  const today = localDay(t.clock.now(), 'Europe/Moscow');
  const d = new Date(`${String(Number(today.slice(0, 4)) - years).padStart(4, '0')}${today.slice(4)}T00:00:00Z`);
  return new Date(d.getTime() + plusDays * 86_400_000).toISOString().slice(0, 10);
};

function child(overrides: Partial<DependantInput> = {}, scans: string[] = []): DependantInput {
  return {
    lastName: 'Иванова',
    firstName: 'Мария',
    middleName: 'Петровна',
    birthDate: '2016-04-12',
    relation: 'CHILD',
    snils: null,
    document: { kind: 'BIRTH_CERTIFICATE', series: 'IV-МЮ', number: '123456', issuedBy: 'Отдел ЗАГС Тверского района', issuedAt: '2016-04-20', attachmentIds: scans },
    ...overrides,
  };
}

async function parentWithChild(overrides: Partial<DependantInput> = {}) {
  const c = await createAccount(t, 'CITIZEN');
  const scan = await uploadScan(t, c.accessToken, 'свидетельство.pdf');
  const { addDependant } = await c.client.request(AddDependantDocument, { input: child(overrides, [scan]) });
  return { ...c, dependant: addDependant };
}

describe('adding a dependant', () => {
  it('keeps a child with a birth certificate; with a scan both wait for an operator (PENDING), and the document is the child\'s, not the parent\'s', async () => {
    const p = await parentWithChild({ snils: freshSnils() });
    expect(p.dependant).toMatchObject({ lastName: 'Иванова', firstName: 'Мария', relation: 'CHILD', verification: 'PENDING', leftAt: null });
    expect(p.dependant.documents).toEqual([expect.objectContaining({ kind: 'BIRTH_CERTIFICATE', series: 'IVМЮ', number: '123456', verificationStatus: 'PENDING' })]);
    expect((await p.client.request(MyDependantsDocument)).myDependants.map((d) => d.id)).toEqual([p.dependant.id]);
    expect((await p.client.request(MyDocumentsDocument)).myDocuments).toEqual([]);
    // The SNILS is sealed at rest.
    const [raw] = await t.running.app.db.db.select({ snils: dependants.snils }).from(dependants).where(eq(dependants.id, p.dependant.id));
    expect(raw?.snils).not.toBe(p.dependant.snils?.replace(/\D/g, ''));
    expect(raw?.snils).not.toContain(p.dependant.snils ?? 'x');
    // Key rotation covers the dependants' SNILS too.
    expect((await t.running.app.resealData(100)).map((c) => c.table)).toContain('dependants');
  });

  it('without a scan the child is UNVERIFIED; a ward needs a guardianship decision and may be an adult', async () => {
    const c = await createAccount(t, 'CITIZEN');
    const { addDependant: noScan } = await c.client.request(AddDependantDocument, { input: child() });
    expect(noScan.verification).toBe('UNVERIFIED');
    const ward = child({ relation: 'WARD', birthDate: '1950-01-02', document: { kind: 'GUARDIANSHIP_DECISION', number: '123-р', issuedBy: 'Управление опеки', issuedAt: '2020-02-03' } });
    const { addDependant } = await c.client.request(AddDependantDocument, { input: ward });
    expect(addDependant).toMatchObject({ relation: 'WARD', verification: 'UNVERIFIED', documents: [expect.objectContaining({ kind: 'GUARDIANSHIP_DECISION', number: '123Р' })] });
  });

  it('refuses bad input with every field at fault, and writes nothing', async () => {
    const c = await createAccount(t, 'CITIZEN');
    const bad = child({
      lastName: ' ',
      firstName: 'Мария2',
      birthDate: yearsAgo(18),
      snils: '123-456-789 00',
      document: { kind: 'GUARDIANSHIP_DECISION', number: 'x', issuedAt: '2001-01-01' },
    });
    const err = await errorOf(c.client.request(AddDependantDocument, { input: bad }));
    expect(err.code).toBe('BAD_USER_INPUT');
    const fields = (err.extensions.fields as Array<{ field: string }>).map((f) => f.field).sort();
    expect(fields).toEqual(['input.birthDate', 'input.document.issuedAt', 'input.document.kind', 'input.document.number', 'input.firstName', 'input.lastName', 'input.snils'].sort());
    const future = await errorOf(c.client.request(AddDependantDocument, { input: child({ birthDate: yearsAgo(-1) }) }));
    expect(future.extensions.fields).toEqual([expect.objectContaining({ field: 'input.birthDate' })]);
    // One day short of 18 is still a child.
    expect((await c.client.request(AddDependantDocument, { input: child({ birthDate: yearsAgo(18, 1), document: { ...child().document, issuedAt: yearsAgo(18, 5) } }) })).addDependant.relation).toBe('CHILD');
    expect((await c.client.request(MyDependantsDocument)).myDependants).toHaveLength(1);
  });

  it('refuses another citizen\'s scan as NOT_FOUND and keeps nothing', async () => {
    const c = await createAccount(t, 'CITIZEN');
    const other = await createAccount(t, 'CITIZEN');
    const theirs = await uploadScan(t, other.accessToken);
    expect((await errorOf(c.client.request(AddDependantDocument, { input: child({}, [theirs]) }))).code).toBe('NOT_FOUND');
    expect((await c.client.request(MyDependantsDocument)).myDependants).toEqual([]);
  });
});

describe('the parent\'s edits', () => {
  it('update corrects the child and sends the document back to review; the relation cannot change; remove keeps it as history', async () => {
    const p = await parentWithChild();
    const { updateDependant } = await p.client.request(UpdateDependantDocument, { id: p.dependant.id, input: child({ firstName: 'Анна', document: { ...child().document, number: '654321', attachmentIds: null } }) });
    expect(updateDependant).toMatchObject({ firstName: 'Анна', verification: 'PENDING', documents: [expect.objectContaining({ number: '654321', verificationStatus: 'PENDING' })] });
    const relation = await errorOf(p.client.request(UpdateDependantDocument, { id: p.dependant.id, input: child({ relation: 'WARD', document: { kind: 'GUARDIANSHIP_DECISION', number: '1' } }) }));
    expect(relation.extensions.fields).toEqual([expect.objectContaining({ field: 'input.relation' })]);

    expect((await p.client.request(RemoveDependantDocument, { id: p.dependant.id })).removeDependant).toBe(true);
    expect((await p.client.request(MyDependantsDocument)).myDependants).toEqual([]);
    const [row] = await t.running.app.db.db.select().from(dependants).where(eq(dependants.id, p.dependant.id));
    expect(row).toMatchObject({ leftReason: 'REMOVED' });
    expect((await errorOf(p.client.request(RemoveDependantDocument, { id: p.dependant.id }))).code).toBe('NOT_FOUND');
  });

  it('a dependant\'s document added with DocumentInput.dependantId belongs to the child: the parent\'s own list and trust level are untouched', async () => {
    const p = await parentWithChild();
    const { addDocument } = await p.client.request(AddDocumentDocument, { input: { kind: 'SNILS', number: freshSnils(), dependantId: p.dependant.id } });
    expect(addDocument.kind).toBe('SNILS');
    expect((await p.client.request(MyDocumentsDocument)).myDocuments).toEqual([]);
    const docs = (await p.client.request(MyDependantsDocument)).myDependants[0]?.documents.map((d) => d.kind);
    expect(docs?.sort()).toEqual(['BIRTH_CERTIFICATE', 'SNILS']);
    // The parent may still add their own SNILS (one per person, the child's is apart).
    await p.client.request(AddDocumentDocument, { input: { kind: 'SNILS', number: freshSnils() } });
  });
});

describe('another citizen\'s dependant', () => {
  it('is NOT_FOUND (or null, or empty) on every path', async () => {
    const p = await parentWithChild();
    const other = await createAccount(t, 'CITIZEN');
    const id = p.dependant.id;
    expect((await errorOf(other.client.request(UpdateDependantDocument, { id, input: child() }))).code).toBe('NOT_FOUND');
    expect((await errorOf(other.client.request(RemoveDependantDocument, { id }))).code).toBe('NOT_FOUND');
    const doc = await errorOf(other.client.request(AddDocumentDocument, { input: { kind: 'SNILS', number: freshSnils(), dependantId: id } }));
    expect([doc.code, doc.extensions.fields]).toEqual(['NOT_FOUND', [expect.objectContaining({ field: 'input.dependantId' })]]);
    expect((await other.client.request(DependantNodeDocument, { id })).node).toBeNull();
    expect((await other.client.request(UserDependantsDocument, { id: p.id })).node).toBeNull();
    expect((await other.client.request(MyDependantsDocument)).myDependants).toEqual([]);
    expect((await p.client.request(DependantNodeDocument, { id })).node).toMatchObject({ id });
    expect((await errorOf(other.client.request(ReviewDependantDocument, { id, status: 'VERIFIED' }))).code).toBe('FORBIDDEN');
  });
});

describe('operators\' review', () => {
  it('an operator of a branch where the parent has no business gets NOT_FOUND and an empty list; admins review', async () => {
    const p = await parentWithChild();
    const stranger = await operatorOf(t, (await freshBranch(t)).id);
    expect((await errorOf(stranger.client.request(ReviewDependantDocument, { id: p.dependant.id, status: 'VERIFIED' }))).code).toBe('NOT_FOUND');
    expect((await stranger.client.request(DependantsToReviewDocument, { first: 200 })).dependantsToReview).toEqual([]);
    expect((await admin.client.request(DependantsToReviewDocument, { first: 200 })).dependantsToReview.map((d) => d.id)).toContain(p.dependant.id);
  });

  it('an operator serving the parent verifies the document: both become VERIFIED, the parent is told, the review is in the parent\'s data access log', async () => {
    const p = await parentWithChild();
    const op = await operatorServing(t, p.client);
    expect((await op.client.request(DependantsToReviewDocument, { first: 200 })).dependantsToReview.map((d) => d.id)).toEqual([p.dependant.id]);
    expect((await op.client.request(UserDependantsDocument, { id: p.id })).node).toMatchObject({ dependants: [expect.objectContaining({ id: p.dependant.id })] });
    // The birth certificate is reviewed with the child, not on its own.
    const certificateId = p.dependant.documents[0]?.id ?? '';
    expect((await op.client.request(DocumentsToReviewDocument, { first: 200 })).documentsToReview.map((d) => d.id)).not.toContain(certificateId);
    const alone = await errorOf(op.client.request(ReviewDocumentDocument, { id: certificateId, status: 'VERIFIED' }));
    expect([alone.code, alone.extensions.fields]).toEqual(['BAD_USER_INPUT', [expect.objectContaining({ field: 'id' })]]);
    const { reviewDependant } = await op.client.request(ReviewDependantDocument, { id: p.dependant.id, status: 'VERIFIED' });
    expect(reviewDependant).toMatchObject({ verification: 'VERIFIED', documents: [expect.objectContaining({ verificationStatus: 'VERIFIED' })] });
    const told = await t.running.app.db.db.select().from(notifications).where(and(eq(notifications.userId, p.id), eq(notifications.template, 'family.dependant_verified')));
    expect(told).toHaveLength(1);
    const log = (await p.client.request(MyDataAccessLogDocument, { first: 50 })).myDataAccessLog.nodes.map((e) => `${e.action}:${e.subject}`);
    expect(log).toContain('REVIEW_DOCUMENT:Свидетельство о рождении');
  });

  it('a rejection needs a reason, and keeps it on the dependant and its document', async () => {
    const p = await parentWithChild();
    const op = await operatorServing(t, p.client);
    const noReason = await errorOf(op.client.request(ReviewDependantDocument, { id: p.dependant.id, status: 'REJECTED' }));
    expect([noReason.code, noReason.extensions.fields]).toEqual(['BAD_USER_INPUT', [expect.objectContaining({ field: 'reason' })]]);
    const { reviewDependant } = await op.client.request(ReviewDependantDocument, { id: p.dependant.id, status: 'REJECTED', reason: 'Скан нечитаем' });
    expect(reviewDependant).toMatchObject({ verification: 'REJECTED', rejectionReason: 'Скан нечитаем', documents: [expect.objectContaining({ verificationStatus: 'REJECTED', rejectionReason: 'Скан нечитаем' })] });
  });
});

describe('coming of age (daily job)', () => {
  it('a child who turned 18 leaves the account, kept as history; parent and young adult (verified SNILS) are told once, however many runs', async () => {
    const snils = freshSnils();
    const p = await parentWithChild({ birthDate: yearsAgo(18, 2), snils, document: { ...child().document, issuedAt: yearsAgo(18, 10) } });
    const young = await createAccount(t, 'CITIZEN');
    await addVerifiedIdentifier(t, young.client, 'SNILS', snils);
    const younger = await parentWithChild({ birthDate: yearsAgo(18, 5), document: { ...child().document, issuedAt: yearsAgo(18, 10) } });

    t.clock.advance(3 * 86_400_000);
    try {
      const runs = await Promise.all([t.running.app.services.family.comingOfAge.run(), t.running.app.services.family.comingOfAge.run()]);
      await t.running.app.services.family.comingOfAge.run();
      expect(runs.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    } finally {
      t.clock.reset();
    }
    expect((await p.client.request(MyDependantsDocument)).myDependants).toEqual([]);
    expect((await younger.client.request(MyDependantsDocument)).myDependants).toHaveLength(1);
    const [row] = await t.running.app.db.db.select().from(dependants).where(eq(dependants.id, p.dependant.id));
    expect(row).toMatchObject({ leftReason: 'CAME_OF_AGE' });
    const toParent = await t.running.app.db.db.select().from(notifications).where(and(eq(notifications.userId, p.id), eq(notifications.template, 'family.came_of_age')));
    const toAdult = await t.running.app.db.db.select().from(notifications).where(and(eq(notifications.userId, young.id), eq(notifications.template, 'family.now_adult')));
    expect([toParent.length, toAdult.length]).toEqual([1, 1]);
    // History: the parent's own node(id) still finds the dependant, with leftAt set.
    expect((await p.client.request(DependantNodeDocument, { id: p.dependant.id })).node).toMatchObject({ leftAt: expect.any(String) });
  });

  it('runs daily as a repeatable BullMQ job (FAMILY_COMING_OF_AGE_CRON, Moscow time)', async () => {
    const scheduler = await t.running.app.queues.get(releaseAdults.queue).getJobScheduler(releaseAdults.name);
    expect(scheduler).toMatchObject({ pattern: '5 0 * * *', tz: 'Europe/Moscow' });
  });
});
