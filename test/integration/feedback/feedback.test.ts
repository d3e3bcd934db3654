/**
 * Feedback: on a visit (a confirmed booking) or a branch, one per subject per citizen, checked
 * input; a complaint opens a case the operators of its branch see and answer (the citizen is
 * notified), an operator of another branch cannot; the repeatable job flags a complaint whose
 * answer deadline passed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AnswerFeedbackDocument,
  AvailableSlotsDocument,
  BookAppointmentDocument,
  ComplaintsDocument,
  ConfirmBookingDocument,
  LeaveFeedbackDocument,
  MyFeedbackDocument,
  NotificationsDocument,
} from '../../../src/sdk/generated/graphql.js';
import { flagOverdueComplaints } from '../../../src/modules/feedback/index.js';
import type { MfcClient } from '../../../src/sdk/client.js';
import { createStaff, loginAs, registerCitizen, type Citizen } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { errorOf } from '../../helpers/graphql.js';
import { operatorOf } from '../../helpers/staff.js';
import { EVERY_DAY, buildBranch, buildCategory, buildService } from '../../factories/catalog.js';

const t = useTestApp({ SUPPORT_NORMAL_MINUTES: '30', FEEDBACK_TEXT_MAX_LENGTH: '500' });

let admin: MfcClient;
let categoryId: string;
beforeAll(async () => {
  admin = (await createStaff(t, 'ADMIN')).client;
  categoryId = (await buildCategory(admin)).id;
});

/** A branch with an operator, and a citizen's confirmed booking there. */
async function visit(): Promise<{ branchId: string; bookingId: string; citizen: Citizen; operator: Awaited<ReturnType<typeof operatorOf>> }> {
  const service = await buildService(admin, categoryId);
  const branch = await buildBranch(admin, { workingHours: EVERY_DAY }, [service.id]);
  const from = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const slot = (await t.client.request(AvailableSlotsDocument, { branchId: branch.id, serviceId: service.id, from, to: from })).availableSlots[0];
  if (!slot) throw new Error('no slot');
  const citizen = await registerCitizen(t);
  const { bookAppointment } = await citizen.client.request(BookAppointmentDocument, { input: { branchId: branch.id, serviceId: service.id, startsAt: slot.startsAt } });
  await citizen.client.request(ConfirmBookingDocument, { id: bookAppointment.id });
  return { branchId: branch.id, bookingId: bookAppointment.id, citizen, operator: await operatorOf(t, branch.id) };
}

describe('feedback', () => {
  it('praise on a visit, once per subject; the input is checked field by field', async () => {
    const { bookingId, branchId, citizen } = await visit();
    const { leaveFeedback } = await citizen.client.request(LeaveFeedbackDocument, { input: { kind: 'PRAISE', rating: 5, text: 'Быстро и вежливо', bookingId } });
    expect(leaveFeedback).toMatchObject({ kind: 'PRAISE', rating: 5, bookingId, branchId, answer: null, answerDueAt: null, overdue: false });
    const again = await errorOf(citizen.client.request(LeaveFeedbackDocument, { input: { kind: 'REMARK', rating: 3, bookingId } }));
    expect(again.code).toBe('CONFLICT');

    const bad = await errorOf(citizen.client.request(LeaveFeedbackDocument, { input: { kind: 'COMPLAINT', rating: 7, text: 'я'.repeat(501), bookingId, branchId } }));
    expect(bad.code).toBe('BAD_USER_INPUT');
    expect((bad.extensions.fields as Array<{ field: string }>).map((f) => f.field)).toEqual(['input.rating', 'input.text', 'input']);
    expect((await errorOf(citizen.client.request(LeaveFeedbackDocument, { input: { kind: 'COMPLAINT', rating: 1, branchId } }))).extensions.fields).toEqual([{ field: 'input.text', message: 'Опишите, что случилось' }]);

    const other = await registerCitizen(t);
    expect((await errorOf(other.client.request(LeaveFeedbackDocument, { input: { kind: 'PRAISE', rating: 5, bookingId } }))).code).toBe('NOT_FOUND');
    expect((await errorOf(other.client.request(LeaveFeedbackDocument, { input: { kind: 'PRAISE', rating: 5, applicationId: '00000000-0000-4000-8000-000000000009' } }))).code).toBe('NOT_FOUND');
    expect((await other.client.request(MyFeedbackDocument)).myFeedback).toEqual([]);
    expect((await citizen.client.request(MyFeedbackDocument)).myFeedback.map((f) => f.id)).toEqual([leaveFeedback.id]);
  });

  it('a complaint is a case for the branch: its operators see and answer it, others cannot; the citizen is told', async () => {
    const { branchId, citizen, operator } = await visit();
    const elsewhere = await operatorOf(t, (await buildBranch(admin)).id);
    const { leaveFeedback: complaint } = await citizen.client.request(LeaveFeedbackDocument, { input: { kind: 'COMPLAINT', rating: 1, text: 'Ждал у окна 40 минут', branchId } });
    const due = new Date(complaint.answerDueAt ?? '').getTime() - new Date(complaint.createdAt).getTime();
    expect(due).toBe(30 * 60_000);

    expect((await operator.client.request(ComplaintsDocument, { filter: { unansweredOnly: true } })).complaints.map((c) => c.id)).toEqual([complaint.id]);
    expect((await elsewhere.client.request(ComplaintsDocument, {})).complaints.map((c) => c.id)).not.toContain(complaint.id);
    expect((await errorOf(elsewhere.client.request(ComplaintsDocument, { filter: { branchId } }))).code).toBe('FORBIDDEN');
    expect((await errorOf(elsewhere.client.request(AnswerFeedbackDocument, { id: complaint.id, answer: 'Не моё' }))).code).toBe('FORBIDDEN');
    expect((await errorOf(citizen.client.request(ComplaintsDocument, {}))).code).toBe('FORBIDDEN');

    const { answerFeedback } = await operator.client.request(AnswerFeedbackDocument, { id: complaint.id, answer: 'Приносим извинения, открыли ещё одно окно.' });
    expect(answerFeedback).toMatchObject({ answer: 'Приносим извинения, открыли ещё одно окно.', overdue: false });
    expect((await errorOf(operator.client.request(AnswerFeedbackDocument, { id: complaint.id, answer: 'Ещё раз' }))).code).toBe('PRECONDITION_FAILED');
    expect((await citizen.client.request(MyFeedbackDocument)).myFeedback[0]?.answer).toBe('Приносим извинения, открыли ещё одно окно.');

    const deadline = Date.now() + 5000;
    let feed = (await citizen.client.request(NotificationsDocument, { filter: { category: 'SYSTEM' } })).notifications;
    while (feed.totalCount === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      feed = (await citizen.client.request(NotificationsDocument, { filter: { category: 'SYSTEM' } })).notifications;
    }
    expect(feed.nodes[0]).toMatchObject({ title: 'Ответ на жалобу', body: 'Приносим извинения, открыли ещё одно окно.', subjectType: 'Feedback', subjectId: complaint.id });
  });

  it('the repeatable job flags a complaint left unanswered past its deadline, and only that one', async () => {
    const { branchId, citizen, operator } = await visit();
    const other = await registerCitizen(t);
    const { leaveFeedback: late } = await citizen.client.request(LeaveFeedbackDocument, { input: { kind: 'COMPLAINT', text: 'Никто не ответил на звонок', branchId } });
    const { leaveFeedback: answered } = await other.client.request(LeaveFeedbackDocument, { input: { kind: 'COMPLAINT', text: 'Грубый охранник', branchId } });
    await operator.client.request(AnswerFeedbackDocument, { id: answered.id, answer: 'Разобрались' });

    const scheduler = await t.running.app.queues.get('maintenance').getJobScheduler(flagOverdueComplaints.name);
    expect(scheduler?.every).toBe(60_000);

    const runSweep = async () => {
      const job = await t.running.app.queues.get('maintenance').add(flagOverdueComplaints.name, {});
      const deadline = Date.now() + 5000;
      while ((await job.getState()) !== 'completed') {
        if (Date.now() > deadline) throw new Error('sweep did not run');
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    await runSweep();
    expect((await operator.client.request(ComplaintsDocument, { filter: { overdueOnly: true } })).complaints).toEqual([]);

    t.clock.advance(31 * 60_000);
    try {
      await runSweep();
      const fresh = (await loginAs(t, operator.phone)).client; // the old access token expired meanwhile
      const overdue = (await fresh.request(ComplaintsDocument, { filter: { overdueOnly: true } })).complaints;
      expect(overdue.map((c) => [c.id, c.overdue])).toEqual([[late.id, true]]);
    } finally {
      t.clock.reset();
    }
  });
});
