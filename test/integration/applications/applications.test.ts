/**
 * Applications through the API: drafts prefilled from the profile, validation, submission with
 * number and due date, the whole lifecycle live over WebSocket, cancel and amend rules, parallel
 * status changes, comments, lists, and another citizen's ids.
 */
import { and, eq, gt } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AddDocumentDocument,
  AmendApplicationDocument,
  ApplicationDetailsDocument,
  ApplicationsQueueDocument,
  CitizenDocumentsDocument,
  ApplicationStatusChangedDocument,
  AttachApplicationResultDocument,
  CancelApplicationDocument,
  ChangeApplicationStatusDocument,
  CommentOnApplicationDocument,
  CreateApplicationDraftDocument,
  DeleteApplicationDraftDocument,
  DocumentNodeDocument,
  MyApplicationsDocument,
  SubmitApplicationDocument,
  UpdateApplicationDraftDocument,
  UpdateProfileDocument,
  ValidateApplicationDocument,
  type ApplicationStatus,
  type ApplicationStatusChangedSubscription,
} from '../../../src/sdk/generated/graphql.js';
import type { MfcClient } from '../../../src/sdk/client.js';
import { notifications } from '../../../src/db/schema/index.js';
import { addWorkingDays, localDay } from '../../../src/shared/days.js';
import { createAccount, createStaff } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { freshSnils } from '../../factories/identifiers.js';
import { download, pdfBytes, uploadScan } from '../../helpers/files.js';
import { errorOf } from '../../helpers/graphql.js';
import { subscribe } from '../../helpers/subscriptions.js';
import { buildBranch, buildCategory, buildService } from '../../factories/catalog.js';

const t = useTestApp();

const FORM = {
  type: 'object',
  required: ['applicant', 'purpose'],
  additionalProperties: false,
  properties: {
    applicant: {
      type: 'object',
      required: ['lastName', 'firstName', 'birthDate', 'passportSeries', 'passportNumber'],
      properties: {
        lastName: { type: 'string', title: 'Фамилия', minLength: 1 },
        firstName: { type: 'string', title: 'Имя', minLength: 1 },
        birthDate: { type: 'string', format: 'date', title: 'Дата рождения' },
        snils: { type: 'string', title: 'СНИЛС' },
        passportSeries: { type: 'string', pattern: '^\\d{4}$', 'x-message': 'Серия паспорта — 4 цифры' },
        passportNumber: { type: 'string', pattern: '^\\d{6}$' },
        phone: { type: 'string' },
      },
    },
    purpose: { type: 'string', title: 'Для чего нужна справка', minLength: 3 },
  },
};

let admin: MfcClient;
let serviceId: string;
let otherServiceId: string;
let branchA: string;
let branchB: string;
let opA: Awaited<ReturnType<typeof createStaff>>;
let opA2: Awaited<ReturnType<typeof createStaff>>;
let opB: Awaited<ReturnType<typeof createStaff>>;


beforeAll(async () => {
  admin = (await createStaff(t, 'ADMIN')).client;
  const categoryId = (await buildCategory(admin)).id;
  const common = { availableOnline: true, minTrustLevel: 'STANDARD' as const, processingDays: 5, applicationForm: FORM };
  serviceId = (
    await buildService(admin, categoryId, {
      ...common,
      title: 'Справка о наличии судимости',
      requiredDocuments: [
        { kind: 'PASSPORT_RF', title: 'Паспорт гражданина РФ', optional: false },
        { kind: null, title: 'Квитанция об оплате', optional: false },
        { kind: 'SNILS', title: 'СНИЛС', optional: true },
      ],
    })
  ).id;
  otherServiceId = (await buildService(admin, categoryId, { ...common, title: 'Выписка из домовой книги', requiredDocuments: [], applicationForm: null })).id;
  branchA = (await buildBranch(admin, {}, [serviceId, otherServiceId])).id;
  branchB = (await buildBranch(admin, {}, [serviceId])).id;
  opA = await createAccount(t, 'OPERATOR', { staffBranchId: branchA });
  opA2 = await createAccount(t, 'OPERATOR', { staffBranchId: branchA });
  opB = await createAccount(t, 'OPERATOR', { staffBranchId: branchB });
});

/** A citizen at the STANDARD level (passport and SNILS entered) with a birth date and a paid receipt's scan. */
async function readyCitizen() {
  const c = await createAccount(t, 'CITIZEN');
  await c.client.request(UpdateProfileDocument, { input: { birthDate: '1985-03-14' } });
  await c.client.request(AddDocumentDocument, { input: { kind: 'PASSPORT_RF', series: '4508', number: '123456', issuedAt: '2015-05-05' } });
  await c.client.request(AddDocumentDocument, { input: { kind: 'SNILS', number: freshSnils() } });
  const receipt = await uploadScan(t, c.accessToken, 'квитанция.pdf');
  return { ...c, receipt };
}

/** A complete draft for the service at branch A. */
async function completeDraft(c: Awaited<ReturnType<typeof readyCitizen>>) {
  const { createApplicationDraft } = await c.client.request(CreateApplicationDraftDocument, {
    input: { serviceId, branchId: branchA, attachmentIds: [c.receipt], data: { purpose: 'Для работы в школе' } },
  });
  return createApplicationDraft;
}

async function submitted(c: Awaited<ReturnType<typeof readyCitizen>>) {
  const draft = await completeDraft(c);
  return (await c.client.request(SubmitApplicationDocument, { id: draft.id })).submitApplication;
}

const move = (op: { client: MfcClient }, id: string, status: ApplicationStatus, comment?: string) =>
  op.client.request(ChangeApplicationStatusDocument, { id, status, comment: comment ?? null });

describe('drafts', () => {
  it('a new draft is prefilled from the profile and the passport; what the citizen gives wins', async () => {
    const c = await readyCitizen();
    const { createApplicationDraft: d } = await c.client.request(CreateApplicationDraftDocument, {
      input: { serviceId, data: { applicant: { firstName: 'Тестовая' }, purpose: 'Для визы' } },
    });
    expect(d).toMatchObject({ status: 'DRAFT', number: null, version: 1, canCancel: false, canAmend: false, dueDate: null, submittedAt: null, branch: null });
    expect(d.data).toEqual({
      applicant: { firstName: 'Тестовая', lastName: 'Гражданинов', birthDate: '1985-03-14', snils: expect.stringMatching(/^\d{11}$/), passportSeries: '4508', passportNumber: '123456', phone: c.phone },
      purpose: 'Для визы',
    });
  });

  it('is saved as often as wanted and can be deleted, but only while a draft', async () => {
    const c = await readyCitizen();
    const d = await completeDraft(c);
    const { updateApplicationDraft: u1 } = await c.client.request(UpdateApplicationDraftDocument, { id: d.id, input: { data: { purpose: 'Первый вариант' } } });
    expect(u1.data).toEqual({ purpose: 'Первый вариант' });
    const { updateApplicationDraft: u2 } = await c.client.request(UpdateApplicationDraftDocument, { id: d.id, input: { branchId: branchB } });
    expect(u2).toMatchObject({ data: { purpose: 'Первый вариант' }, branch: { id: branchB }, attachments: [{ id: c.receipt }] });
    expect((await c.client.request(DeleteApplicationDraftDocument, { id: d.id })).deleteApplicationDraft).toBe(true);
    expect((await c.client.request(ApplicationDetailsDocument, { id: d.id })).application).toBeNull();
    const s = await submitted(c);
    expect((await errorOf(c.client.request(DeleteApplicationDraftDocument, { id: s.id }))).code).toBe('PRECONDITION_FAILED');
    expect((await errorOf(c.client.request(UpdateApplicationDraftDocument, { id: s.id, input: { data: {} } }))).code).toBe('PRECONDITION_FAILED');
  });

  it('can start from an earlier application of the same service', async () => {
    const c = await readyCitizen();
    const earlier = await submitted(c);
    const { createApplicationDraft: copy } = await c.client.request(CreateApplicationDraftDocument, { input: { serviceId, fromApplicationId: earlier.id } });
    expect(copy).toMatchObject({ status: 'DRAFT', data: earlier.data, branch: { id: branchA }, attachments: [{ id: c.receipt }] });
    const wrong = await errorOf(c.client.request(CreateApplicationDraftDocument, { input: { serviceId: otherServiceId, fromApplicationId: earlier.id } }));
    expect(wrong.extensions.fields).toEqual([{ field: 'input.fromApplicationId', message: expect.any(String) }]);
  });

  it('refuses a service that cannot be done online, an unknown service and a branch not offering it', async () => {
    const c = await readyCitizen();
    const offline = await buildService(admin, (await buildCategory(admin)).id, { availableOnline: false });
    expect((await errorOf(c.client.request(CreateApplicationDraftDocument, { input: { serviceId: offline.id } }))).extensions.rule).toBe('NOT_AVAILABLE_ONLINE');
    expect((await errorOf(c.client.request(CreateApplicationDraftDocument, { input: { serviceId: '00000000-0000-4000-8000-000000000000' } }))).code).toBe('NOT_FOUND');
    const branchless = await errorOf(c.client.request(CreateApplicationDraftDocument, { input: { serviceId: otherServiceId, branchId: branchB } }));
    expect(branchless.extensions.fields).toEqual([{ field: 'input.branchId', message: expect.any(String) }]);
  });
});

describe('validation and submission', () => {
  it('validateApplication reports every problem at once: form fields, branch, missing documents', async () => {
    const c = await createAccount(t, 'CITIZEN'); // no passport, no receipt, no birth date
    const { createApplicationDraft: d } = await c.client.request(CreateApplicationDraftDocument, { input: { serviceId, data: { applicant: { passportSeries: '45' }, purpose: 'а' } } });
    const { validateApplication: v } = await c.client.request(ValidateApplicationDocument, { id: d.id });
    expect(v.valid).toBe(false);
    expect(v.issues.map((i) => i.field).sort()).toEqual(
      ['attachmentIds', 'branchId', 'data.applicant.birthDate', 'data.applicant.passportNumber', 'data.applicant.passportSeries', 'data.purpose', 'documents.PASSPORT_RF'].sort(),
    );
    expect(v.issues.find((i) => i.field === 'data.applicant.passportSeries')?.message).toBe('Серия паспорта — 4 цифры');
    expect(v.issues.find((i) => i.field === 'data.applicant.birthDate')?.message).toBe('Заполните поле «Дата рождения»');
    expect(v.missingDocuments).toEqual([
      { kind: 'PASSPORT_RF', title: 'Паспорт гражданина РФ', optional: false },
      { kind: null, title: 'Квитанция об оплате', optional: false },
    ]);
  });

  it('submission checks the account level first, then refuses incomplete data with every field, changing nothing', async () => {
    const simple = await createAccount(t, 'CITIZEN');
    const { createApplicationDraft: d } = await simple.client.request(CreateApplicationDraftDocument, { input: { serviceId, branchId: branchA } });
    const level = await errorOf(simple.client.request(SubmitApplicationDocument, { id: d.id }));
    expect(level.code).toBe('PRECONDITION_FAILED');
    expect(level.extensions).toMatchObject({ rule: 'TRUST_LEVEL', requiredLevel: 'STANDARD', currentLevel: 'SIMPLIFIED' });

    const c = await readyCitizen();
    const { createApplicationDraft: incomplete } = await c.client.request(CreateApplicationDraftDocument, { input: { serviceId, branchId: branchA } });
    const err = await errorOf(c.client.request(SubmitApplicationDocument, { id: incomplete.id }));
    expect(err.code).toBe('BAD_USER_INPUT');
    expect((err.extensions.fields as Array<{ field: string }>).map((f) => f.field).sort()).toEqual(['attachmentIds', 'data.purpose']);
    const { application } = await c.client.request(ApplicationDetailsDocument, { id: incomplete.id });
    expect(application).toMatchObject({ status: 'DRAFT', number: null, versions: [], timeline: [] });
  });

  it('a submitted application gets its number, due date in working days, version 1, and SUBMITTED then ACCEPTED', async () => {
    const c = await readyCitizen();
    const since = t.sms.messages.length;
    const s = await submitted(c);
    expect(s.number).toMatch(/^MFC-\d{4}-\d{7}$/);
    expect(s.number?.slice(4, 8)).toBe(localDay(new Date(), 'Europe/Moscow').slice(0, 4));
    expect(s.dueDate).toBe(addWorkingDays(localDay(new Date(), 'Europe/Moscow'), 5));
    expect(s).toMatchObject({ status: 'ACCEPTED', version: 1, canCancel: true, canAmend: true });
    expect(s.timeline.map((e) => [e.status, e.actor])).toEqual([
      ['SUBMITTED', 'CITIZEN'],
      ['ACCEPTED', 'SYSTEM'],
    ]);
    const { application } = await c.client.request(ApplicationDetailsDocument, { id: s.id });
    expect(application?.versions).toEqual([{ version: 1, data: s.data, createdAt: expect.any(String), attachments: [{ id: c.receipt, fileName: 'квитанция.pdf' }] }]);
    const sms = await t.sms.waitFor((m) => m.to === c.phone && t.sms.messages.indexOf(m) >= since && m.text.includes(s.number ?? '-'));
    expect(sms.text).toMatch(/принято/);
    // A second submission of the same application is refused.
    expect((await errorOf(c.client.request(SubmitApplicationDocument, { id: s.id }))).code).toBe('PRECONDITION_FAILED');
  });
});

describe('the lifecycle, live', () => {
  it('every status change reaches the applicant and the branch’s operators in order, and no one else', async () => {
    const c = await readyCitizen();
    const draft = await completeDraft(c);
    const mine = await subscribe(c.client, ApplicationStatusChangedDocument, { applicationId: null });
    const branchOps = await subscribe(opA.client, ApplicationStatusChangedDocument, {});
    const otherBranch = await subscribe(opB.client, ApplicationStatusChangedDocument, {});
    const stranger = await subscribe((await createAccount(t, 'CITIZEN')).client, ApplicationStatusChangedDocument, {});
    try {
      const { submitApplication: s } = await c.client.request(SubmitApplicationDocument, { id: draft.id });
      await move(opA, s.id, 'IN_PROGRESS');
      const noComment = await errorOf(move(opA, s.id, 'ACTION_REQUIRED'));
      expect(noComment.extensions.fields).toEqual([{ field: 'comment', message: expect.any(String) }]);
      await move(opA, s.id, 'ACTION_REQUIRED', 'Приложите квитанцию за 2026 год');
      // The citizen gives what was asked: a new version, and the application is back in work.
      const receipt2026 = await uploadScan(t, c.accessToken, 'квитанция-2026.pdf', pdfBytes(5, '2026'));
      const { amendApplication: amended } = await c.client.request(AmendApplicationDocument, { id: s.id, input: { attachmentIds: [receipt2026] } });
      expect(amended).toMatchObject({ status: 'IN_PROGRESS', version: 2 });
      await move(opA, s.id, 'READY_FOR_PICKUP', 'Можно забрать в окне 3');
      // The result document, uploaded by the operator, downloadable by the applicant only.
      const resultId = await uploadScan(t, opA.accessToken, 'справка.pdf', pdfBytes(50, 'result'));
      const { attachApplicationResult: withResult } = await opA.client.request(AttachApplicationResultDocument, { id: s.id, attachmentId: resultId });
      expect(withResult.result).toMatchObject({ id: resultId, fileName: 'справка.pdf' });
      const url = withResult.result?.url ?? '';
      expect((await download(t, url, c.accessToken)).status).toBe(200);
      expect((await download(t, url, (await createAccount(t, 'CITIZEN')).accessToken)).status).toBe(404);
      await move(opA, s.id, 'COMPLETED');

      const expected = ['SUBMITTED', 'ACCEPTED', 'IN_PROGRESS', 'ACTION_REQUIRED', 'IN_PROGRESS', 'READY_FOR_PICKUP', 'COMPLETED'];
      const statuses = (sub: typeof mine) => sub.events.map((e: ApplicationStatusChangedSubscription) => e.applicationStatusChanged.status);
      await mine.next((e) => e.applicationStatusChanged.status === 'COMPLETED');
      await branchOps.next((e) => e.applicationStatusChanged.status === 'COMPLETED');
      expect(statuses(mine)).toEqual(expected);
      expect(statuses(branchOps)).toEqual(expected);
      expect(mine.events.map((e) => e.applicationStatusChanged.actor)).toEqual(['CITIZEN', 'SYSTEM', 'OPERATOR', 'OPERATOR', 'CITIZEN', 'OPERATOR', 'OPERATOR']);
      expect(mine.events[3]?.applicationStatusChanged).toMatchObject({ applicationId: s.id, comment: 'Приложите квитанцию за 2026 год' });
      // The timeline says the same.
      const { application } = await c.client.request(ApplicationDetailsDocument, { id: s.id });
      expect(application?.timeline.map((e) => e.status)).toEqual(expected);
      expect(application?.versions.map((v) => v.attachments.map((a) => a.id))).toEqual([[c.receipt], [receipt2026]]);
      expect(application).toMatchObject({ canCancel: false, canAmend: false });
      // Final: nothing moves it any more.
      expect((await errorOf(move(opA, s.id, 'IN_PROGRESS'))).extensions).toMatchObject({ rule: 'TRANSITION_NOT_ALLOWED', from: 'COMPLETED' });
      await new Promise((r) => setTimeout(r, 200));
      expect(otherBranch.events).toEqual([]);
      expect(stranger.events).toEqual([]);
    } finally {
      await Promise.all([mine.dispose(), branchOps.dispose(), otherBranch.dispose(), stranger.dispose()]);
    }
  });
});

describe('the citizen’s moves', () => {
  it('cancels while SUBMITTED or ACCEPTED, not once work started; cancelled is final', async () => {
    const c = await readyCitizen();
    const inWork = await submitted(c);
    await move(opA, inWork.id, 'IN_PROGRESS');
    const refused = await errorOf(c.client.request(CancelApplicationDocument, { id: inWork.id }));
    expect(refused.code).toBe('PRECONDITION_FAILED');
    expect(refused.extensions).toMatchObject({ rule: 'NOT_CANCELLABLE', status: 'IN_PROGRESS' });
    const accepted = await submitted(c);
    const { cancelApplication } = await c.client.request(CancelApplicationDocument, { id: accepted.id, reason: 'Передумал' });
    expect(cancelApplication).toMatchObject({ status: 'CANCELLED', canCancel: false, canAmend: false });
    expect((await errorOf(move(opA, accepted.id, 'IN_PROGRESS'))).code).toBe('PRECONDITION_FAILED');
    expect((await errorOf(c.client.request(AmendApplicationDocument, { id: accepted.id, input: { data: {} } }))).code).toBe('PRECONDITION_FAILED');
  });

  it('an amendment makes version 2, keeps version 1, is checked like a submission and is announced', async () => {
    const c = await readyCitizen();
    const s = await submitted(c);
    const bad = await errorOf(c.client.request(AmendApplicationDocument, { id: s.id, input: { data: { ...(s.data as object), purpose: '' } } }));
    expect(bad.extensions.fields).toEqual([{ field: 'data.purpose', message: expect.any(String) }]);
    const since = t.sms.messages.length;
    const { amendApplication: a } = await c.client.request(AmendApplicationDocument, { id: s.id, input: { data: { ...(s.data as object), purpose: 'Для усыновления' } } });
    expect(a).toMatchObject({ version: 2, status: 'ACCEPTED', data: { purpose: 'Для усыновления' } });
    expect(a.versions.map((v) => [v.version, (v.data as { purpose: string }).purpose])).toEqual([
      [1, 'Для работы в школе'],
      [2, 'Для усыновления'],
    ]);
    const { application } = await c.client.request(ApplicationDetailsDocument, { id: s.id });
    expect(application?.timeline.at(-1)).toMatchObject({ status: 'ACCEPTED', actor: 'CITIZEN', comment: expect.stringMatching(/версия 2/) });
    await t.sms.waitFor((m) => m.to === c.phone && t.sms.messages.indexOf(m) >= since && /изменено, версия 2/.test(m.text));
    await move(opA, s.id, 'IN_PROGRESS');
    expect((await errorOf(c.client.request(AmendApplicationDocument, { id: s.id, input: { data: {} } }))).extensions.rule).toBe('NOT_AMENDABLE');
  });

  it('comments go both ways after submission; an operator’s comment is told to the applicant', async () => {
    const c = await readyCitizen();
    const d = await completeDraft(c);
    expect((await errorOf(c.client.request(CommentOnApplicationDocument, { id: d.id, text: 'Вопрос' }))).code).toBe('PRECONDITION_FAILED');
    const { submitApplication: s } = await c.client.request(SubmitApplicationDocument, { id: d.id });
    await c.client.request(CommentOnApplicationDocument, { id: s.id, text: 'Когда будет готово?' });
    const since = t.sms.messages.length;
    await opA.client.request(CommentOnApplicationDocument, { id: s.id, text: 'Через пять рабочих дней' });
    expect((await errorOf(c.client.request(CommentOnApplicationDocument, { id: s.id, text: '   ' }))).extensions.fields).toEqual([{ field: 'text', message: expect.any(String) }]);
    const { application } = await c.client.request(ApplicationDetailsDocument, { id: s.id });
    expect(application?.comments.map((x) => [x.authorRole, x.author, x.text])).toEqual([
      ['CITIZEN', 'Гражданинов Тест', 'Когда будет готово?'],
      ['OPERATOR', 'Специалист МФЦ Тест', 'Через пять рабочих дней'],
    ]);
    await t.sms.waitFor((m) => m.to === c.phone && t.sms.messages.indexOf(m) >= since && /комментарий/.test(m.text));
  });
});

describe('operators', () => {
  it('two operators moving one application at once: one succeeds, the other gets CONFLICT, one notification is sent', async () => {
    const c = await readyCitizen();
    for (let round = 0; round < 3; round++) {
      const s = await submitted(c);
      const before = new Date();
      const results = await Promise.allSettled([move(opA, s.id, 'IN_PROGRESS'), move(opA2, s.id, 'REJECTED', 'Нет оснований')]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const failed = results.find((r) => r.status === 'rejected');
      expect((failed as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
      const { application } = await c.client.request(ApplicationDetailsDocument, { id: s.id });
      expect(application?.timeline).toHaveLength(3);
      const sent = await t.running.app.db.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.subjectId, s.id), eq(notifications.template, 'application.status'), gt(notifications.createdAt, before)));
      expect(sent).toHaveLength(1);
    }
  });

  it('expectedStatus refuses a move when the application changed since the operator looked', async () => {
    const c = await readyCitizen();
    const s = await submitted(c);
    await move(opA, s.id, 'IN_PROGRESS');
    const stale = await errorOf(opA2.client.request(ChangeApplicationStatusDocument, { id: s.id, status: 'REJECTED', comment: 'Отказ', expectedStatus: 'ACCEPTED' }));
    expect(stale.code).toBe('CONFLICT');
  });

  it('see and move only their branch’s applications; citizens cannot move any', async () => {
    const c = await readyCitizen();
    const s = await submitted(c);
    expect((await errorOf(move(opB, s.id, 'IN_PROGRESS'))).code).toBe('NOT_FOUND');
    expect((await opB.client.request(ApplicationDetailsDocument, { id: s.id })).application).toBeNull();
    expect((await errorOf(move(c, s.id, 'IN_PROGRESS'))).code).toBe('FORBIDDEN');
    expect((await errorOf(move(opA, s.id, 'COMPLETED'))).extensions).toMatchObject({ rule: 'TRANSITION_NOT_ALLOWED', from: 'ACCEPTED', to: 'COMPLETED' });
    const draft = await completeDraft(c);
    const { applicationsQueue: queueA } = await opA.client.request(ApplicationsQueueDocument, { first: 100 });
    expect(queueA.nodes.map((n) => n.id)).toContain(s.id);
    expect(queueA.nodes.map((n) => n.id)).not.toContain(draft.id);
    expect(queueA.nodes.every((n) => n.branch?.id === branchA)).toBe(true);
    const { applicationsQueue: queueB } = await opB.client.request(ApplicationsQueueDocument, { first: 100 });
    expect(queueB.nodes.map((n) => n.id)).not.toContain(s.id);
    const { applicationsQueue: all } = await admin.request(ApplicationsQueueDocument, { filter: { search: s.number }, first: 5 });
    expect(all.nodes.map((n) => n.id)).toEqual([s.id]);
    expect(all.nodes[0]?.applicant).toMatchObject({ id: c.id });
    // The application at branch A opens the applicant's profile to A's operators only.
    expect((await opA.client.request(CitizenDocumentsDocument, { id: c.id })).node).toMatchObject({ __typename: 'User', id: c.id });
    expect((await opB.client.request(CitizenDocumentsDocument, { id: c.id })).node).toBeNull();
  });
});

describe('the citizen’s list', () => {
  it('newest first, with filters by status, service and words of the number or the service title, in cursor pages', async () => {
    const c = await readyCitizen();
    const first = await submitted(c);
    const second = await submitted(c);
    await c.client.request(CancelApplicationDocument, { id: second.id });
    const { createApplicationDraft: other } = await c.client.request(CreateApplicationDraftDocument, { input: { serviceId: otherServiceId } });
    const { myApplications: all } = await c.client.request(MyApplicationsDocument, {});
    expect(all.nodes.map((n) => n.id)).toEqual([other.id, second.id, first.id]);
    expect(all.totalCount).toBe(3);
    const ids = async (filter: object) => (await c.client.request(MyApplicationsDocument, { filter })).myApplications.nodes.map((n) => n.id);
    expect(await ids({ status: ['CANCELLED'] })).toEqual([second.id]);
    expect(await ids({ status: ['DRAFT', 'ACCEPTED'] })).toEqual([other.id, first.id]);
    expect(await ids({ serviceId: otherServiceId })).toEqual([other.id]);
    expect(await ids({ search: first.number })).toEqual([first.id]);
    expect(await ids({ search: 'домовой' })).toEqual([other.id]);
    const p1 = (await c.client.request(MyApplicationsDocument, { first: 2 })).myApplications;
    expect(p1.pageInfo.hasNextPage).toBe(true);
    const p2 = (await c.client.request(MyApplicationsDocument, { first: 2, after: p1.pageInfo.endCursor })).myApplications;
    expect([...p1.nodes, ...p2.nodes].map((n) => n.id)).toEqual([other.id, second.id, first.id]);
    expect(p2.pageInfo.hasNextPage).toBe(false);
  });
});

describe('another citizen’s applications', () => {
  it('are NOT_FOUND everywhere: reads, every mutation, versions through node(id), copies, files and the subscription', async () => {
    const owner = await readyCitizen();
    const s = await submitted(owner);
    const draft = await completeDraft(owner);
    const other = await readyCitizen();
    const o = other.client;
    expect((await o.request(ApplicationDetailsDocument, { id: s.id })).application).toBeNull();
    expect((await o.request(DocumentNodeDocument, { id: s.id })).node).toBeNull();
    expect((await o.request(MyApplicationsDocument, {})).myApplications.totalCount).toBe(0);
    const calls: Array<() => Promise<unknown>> = [
      () => o.request(ValidateApplicationDocument, { id: s.id }),
      () => o.request(UpdateApplicationDraftDocument, { id: draft.id, input: { data: {} } }),
      () => o.request(DeleteApplicationDraftDocument, { id: draft.id }),
      () => o.request(SubmitApplicationDocument, { id: draft.id }),
      () => o.request(CancelApplicationDocument, { id: s.id }),
      () => o.request(AmendApplicationDocument, { id: s.id, input: { data: {} } }),
      () => o.request(CommentOnApplicationDocument, { id: s.id, text: 'Чужое' }),
      () => o.request(CreateApplicationDraftDocument, { input: { serviceId, fromApplicationId: s.id } }),
      () => o.request(CreateApplicationDraftDocument, { input: { serviceId, attachmentIds: [owner.receipt] } }),
    ];
    for (const call of calls) expect((await errorOf(call())).code).toBe('NOT_FOUND');
    // A malformed id never reaches the database: BAD_USER_INPUT naming the argument.
    const malformed = await errorOf(o.request(ValidateApplicationDocument, { id: 'not-an-id' }));
    expect([malformed.code, malformed.extensions.fields]).toEqual(['BAD_USER_INPUT', [expect.objectContaining({ field: 'id' })]]);
    const file = (await owner.client.request(ApplicationDetailsDocument, { id: s.id })).application?.attachments[0]?.url ?? '';
    expect((await download(t, file, other.accessToken)).status).toBe(404);
    const sub = await subscribe(o, ApplicationStatusChangedDocument, { applicationId: s.id });
    await expect(sub.next(() => true, 2000)).rejects.toThrow(/NOT_FOUND|не найден/);
    await sub.dispose();
    // Nothing of the owner's changed.
    const { application } = await owner.client.request(ApplicationDetailsDocument, { id: s.id });
    expect(application).toMatchObject({ status: 'ACCEPTED', version: 1, comments: [] });
  });
});
