/**
 * Support cases: complaints and help requests get a number (a per-year counter, never twice), a
 * priority with its deadline (CRITICAL 30 min, NORMAL 120 min by default), a thread of follow-ups
 * in which each addition tells the other side, a staff-only change of priority, general requests
 * answered by the general line, and a breach that flags the case and tells its line's operators and
 * the admins once, urgently.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AddFeedbackFollowUpDocument,
  AnswerFeedbackDocument,
  ComplaintsDocument,
  LeaveFeedbackDocument,
  MyFeedbackDocument,
  OpenSupportRequestDocument,
  SetFeedbackPriorityDocument,
} from '../../../src/sdk/generated/graphql.js';
import type { MfcClient } from '../../../src/sdk/client.js';
import { createAccount, loginAs, registerCitizen } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { errorOf } from '../../helpers/graphql.js';
import { operatorOf } from '../../helpers/staff.js';
import { buildBranch } from '../../factories/catalog.js';

const t = useTestApp({ SUPPORT_CASE_OPEN_DAYS: '7' });

let admin: { id: string; client: MfcClient };
beforeAll(async () => {
  admin = await createAccount(t, 'ADMIN');
});

const minutesBetween = (a: string, b: string) => (new Date(b).getTime() - new Date(a).getTime()) / 60_000;

/** How many messages of `template` about feedback `id` each user got: userId -> count. */
async function told(template: string, id: string): Promise<Map<string, number>> {
  const rows = await t.running.app.db.sql<Array<{ user_id: string; n: number; urgent: boolean }>>`
    select user_id, count(*)::int as n, bool_and(urgent) as urgent from notifications where template = ${template} and subject_id = ${id} group by user_id`;
  return new Map(rows.map((r) => [r.user_id, r.n]));
}

async function branchWithOperators() {
  const branch = await buildBranch(admin.client);
  return { branchId: branch.id, first: await operatorOf(t, branch.id, 'Анна'), second: await operatorOf(t, branch.id, 'Мария') };
}

describe('support cases', () => {
  it('a complaint gets a case number and the deadline of its priority; praise gets neither and takes no priority', async () => {
    const { branchId } = await branchWithOperators();
    const citizen = await registerCitizen(t);
    const { leaveFeedback: critical } = await citizen.client.request(LeaveFeedbackDocument, { input: { kind: 'COMPLAINT', text: 'Запись не работает', branchId, priority: 'CRITICAL' } });
    expect(critical.caseNumber).toMatch(new RegExp(`^ОБР-${new Date().getUTCFullYear()}-\\d{7}$`));
    expect(critical).toMatchObject({ priority: 'CRITICAL', overdue: false, followUps: [] });
    expect(minutesBetween(critical.createdAt, critical.answerDueAt ?? '')).toBe(30);

    const other = await registerCitizen(t);
    const { leaveFeedback: normal } = await other.client.request(LeaveFeedbackDocument, { input: { kind: 'COMPLAINT', text: 'Долго ждал', branchId } });
    expect(normal.priority).toBe('NORMAL');
    expect(minutesBetween(normal.createdAt, normal.answerDueAt ?? '')).toBe(120);

    const praiser = await registerCitizen(t);
    const bad = await errorOf(praiser.client.request(LeaveFeedbackDocument, { input: { kind: 'PRAISE', rating: 5, branchId, priority: 'CRITICAL' } }));
    expect(bad.code).toBe('BAD_USER_INPUT');
    expect((bad.extensions.fields as Array<{ field: string }>).map((f) => f.field)).toEqual(['input.priority']);
    const { leaveFeedback: praise } = await praiser.client.request(LeaveFeedbackDocument, { input: { kind: 'PRAISE', rating: 5, branchId } });
    expect(praise).toMatchObject({ caseNumber: null, answerDueAt: null, priority: 'NORMAL' });
  });

  it('case numbers are never given twice, even to requests opened at once, and a refused duplicate spends none', async () => {
    const citizens = await Promise.all(Array.from({ length: 8 }, () => registerCitizen(t)));
    const opened = await Promise.all(citizens.map((c) => c.client.request(OpenSupportRequestDocument, { text: 'Помогите войти' })));
    const seqs = opened.map((o) => Number(o.openSupportRequest.caseNumber?.slice(-7))).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(8);
    expect((seqs.at(-1) ?? 0) - (seqs[0] ?? 0)).toBe(7);

    const { branchId } = await branchWithOperators();
    const [first] = citizens;
    if (!first) throw new Error('no citizen');
    await first.client.request(LeaveFeedbackDocument, { input: { kind: 'COMPLAINT', text: 'Раз', branchId } });
    expect((await errorOf(first.client.request(LeaveFeedbackDocument, { input: { kind: 'REQUEST', text: 'Два', branchId } }))).code).toBe('CONFLICT');
    const { openSupportRequest: next } = await first.client.request(OpenSupportRequestDocument, { text: 'Три' });
    expect(Number(next.caseNumber?.slice(-7))).toBe((seqs.at(-1) ?? 0) + 2);
  });

  it('a general request is a case of the general line: any operator sees and answers it; its text is checked', async () => {
    const citizen = await registerCitizen(t);
    const { openSupportRequest } = await citizen.client.request(OpenSupportRequestDocument, { text: '  Не приходит СМС с кодом  ', priority: 'CRITICAL' });
    expect(openSupportRequest).toMatchObject({ kind: 'REQUEST', branchId: null, text: 'Не приходит СМС с кодом', priority: 'CRITICAL' });
    expect(minutesBetween(openSupportRequest.createdAt, openSupportRequest.answerDueAt ?? '')).toBe(30);
    const bad = await errorOf(citizen.client.request(OpenSupportRequestDocument, { text: '   ' }));
    expect(bad.code).toBe('BAD_USER_INPUT');
    expect(bad.extensions.fields).toEqual([{ field: 'text', message: expect.any(String) as string }]);

    const { first } = await branchWithOperators();
    expect((await first.client.request(ComplaintsDocument, { filter: { unansweredOnly: true } })).complaints.map((c) => c.id)).toContain(openSupportRequest.id);
    await first.client.request(AnswerFeedbackDocument, { id: openSupportRequest.id, answer: 'Проверьте номер в профиле' });
    expect((await citizen.client.request(MyFeedbackDocument)).myFeedback[0]?.answer).toBe('Проверьте номер в профиле');
  });

  it('follow-ups: each side adds to the thread and the other side is told; the replying operator takes the case', async () => {
    const { branchId, first, second } = await branchWithOperators();
    const citizen = await registerCitizen(t);
    const { leaveFeedback: c } = await citizen.client.request(LeaveFeedbackDocument, { input: { kind: 'COMPLAINT', text: 'Не приняли документы', branchId } });

    await citizen.client.request(AddFeedbackFollowUpDocument, { id: c.id, text: 'Забыл добавить: это было вчера' });
    expect(await told('support.follow_up', c.id)).toEqual(new Map([[first.id, 1], [second.id, 1]]));

    const { addFeedbackFollowUp } = await first.client.request(AddFeedbackFollowUpDocument, { id: c.id, text: 'Какое окно?' });
    expect(addFeedbackFollowUp.followUps.map((f) => [f.fromStaff, f.authorName, f.text])).toEqual([
      [false, expect.any(String), 'Забыл добавить: это было вчера'],
      [true, 'Сотрудник МФЦ Анна', 'Какое окно?'],
    ]);
    expect((await told('support.follow_up', c.id)).get(citizen.id)).toBe(1);

    await citizen.client.request(AddFeedbackFollowUpDocument, { id: c.id, text: 'Окно 3' });
    expect(await told('support.follow_up', c.id)).toEqual(new Map([[first.id, 2], [second.id, 1], [citizen.id, 1]]));

    const stranger = await registerCitizen(t);
    expect((await errorOf(stranger.client.request(AddFeedbackFollowUpDocument, { id: c.id, text: 'Я тут' }))).code).toBe('NOT_FOUND');
    const elsewhere = await operatorOf(t, (await buildBranch(admin.client)).id);
    expect((await errorOf(elsewhere.client.request(AddFeedbackFollowUpDocument, { id: c.id, text: 'Не моё' }))).code).toBe('NOT_FOUND');
    expect((await errorOf(citizen.client.request(AddFeedbackFollowUpDocument, { id: c.id, text: ' ' }))).extensions.fields).toEqual([{ field: 'text', message: expect.any(String) as string }]);
  });

  it('a case takes follow-ups until SUPPORT_CASE_OPEN_DAYS after its answer; praise never', async () => {
    const { branchId, first } = await branchWithOperators();
    const citizen = await registerCitizen(t);
    const { leaveFeedback: c } = await citizen.client.request(LeaveFeedbackDocument, { input: { kind: 'REQUEST', text: 'Как записаться?', branchId } });
    await first.client.request(AnswerFeedbackDocument, { id: c.id, answer: 'Через раздел «Запись»' });
    await citizen.client.request(AddFeedbackFollowUpDocument, { id: c.id, text: 'Спасибо' });
    const other = await registerCitizen(t);
    const { leaveFeedback: praise } = await other.client.request(LeaveFeedbackDocument, { input: { kind: 'PRAISE', rating: 5, branchId } });
    const closed = await errorOf(other.client.request(AddFeedbackFollowUpDocument, { id: praise.id, text: 'И ещё' }));
    expect([closed.code, closed.extensions.rule]).toEqual(['PRECONDITION_FAILED', 'CASE_CLOSED']);

    t.clock.advance(8 * 86_400_000);
    try {
      const again = (await loginAs(t, citizen.phone)).client;
      const late = await errorOf(again.request(AddFeedbackFollowUpDocument, { id: c.id, text: 'Ещё вопрос' }));
      expect([late.code, late.extensions.rule]).toEqual(['PRECONDITION_FAILED', 'CASE_CLOSED']);
    } finally {
      t.clock.reset();
    }
  });

  it('staff change the priority and the deadline follows; citizens and other branches cannot', async () => {
    const { branchId, first } = await branchWithOperators();
    const citizen = await registerCitizen(t);
    const { leaveFeedback: c } = await citizen.client.request(LeaveFeedbackDocument, { input: { kind: 'COMPLAINT', text: 'Терминал не работает', branchId } });
    expect((await errorOf(citizen.client.request(SetFeedbackPriorityDocument, { id: c.id, priority: 'CRITICAL' }))).code).toBe('FORBIDDEN');
    const elsewhere = await operatorOf(t, (await buildBranch(admin.client)).id);
    expect((await errorOf(elsewhere.client.request(SetFeedbackPriorityDocument, { id: c.id, priority: 'CRITICAL' }))).code).toBe('NOT_FOUND');

    const { setFeedbackPriority: raised } = await first.client.request(SetFeedbackPriorityDocument, { id: c.id, priority: 'CRITICAL' });
    expect(raised.priority).toBe('CRITICAL');
    expect(minutesBetween(c.createdAt, raised.answerDueAt ?? '')).toBe(30);
    const { setFeedbackPriority: lowered } = await admin.client.request(SetFeedbackPriorityDocument, { id: c.id, priority: 'NORMAL' });
    expect(minutesBetween(c.createdAt, lowered.answerDueAt ?? '')).toBe(120);
  });

  it('a breach flags the case and tells its operators and the admins once, urgently, even with sweeps running at once', async () => {
    const { branchId, first, second } = await branchWithOperators();
    const elsewhere = await operatorOf(t, (await buildBranch(admin.client)).id);
    const citizen = await registerCitizen(t);
    const { leaveFeedback: c } = await citizen.client.request(LeaveFeedbackDocument, { input: { kind: 'COMPLAINT', text: 'Нет талонов', branchId, priority: 'CRITICAL' } });
    const feedback = t.running.app.services.feedback;
    await feedback.flagOverdue();
    expect((await told('support.overdue', c.id)).size).toBe(0);

    t.clock.advance(31 * 60_000);
    try {
      await Promise.all([feedback.flagOverdue(), feedback.flagOverdue(), feedback.flagOverdue()]);
      await feedback.flagOverdue();
      const got = await told('support.overdue', c.id);
      expect(got.get(first.id)).toBe(1);
      expect(got.get(second.id)).toBe(1);
      expect(got.get(admin.id)).toBe(1);
      expect(got.has(elsewhere.id)).toBe(false);
      expect(got.has(citizen.id)).toBe(false);
      const [urgent] = await t.running.app.db.sql`select bool_and(urgent) as all_urgent from notifications where template = 'support.overdue' and subject_id = ${c.id}`;
      expect(urgent?.all_urgent).toBe(true);
      const fresh = (await loginAs(t, first.phone)).client;
      const overdue = (await fresh.request(ComplaintsDocument, { filter: { overdueOnly: true } })).complaints.find((x) => x.id === c.id);
      expect(overdue?.overdue).toBe(true);
      // Lowering the priority moves the deadline ahead again: no longer overdue.
      const { setFeedbackPriority } = await fresh.request(SetFeedbackPriorityDocument, { id: c.id, priority: 'NORMAL' });
      expect(setFeedbackPriority.overdue).toBe(false);
    } finally {
      t.clock.reset();
    }
  });
});
