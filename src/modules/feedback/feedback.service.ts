/**
 * Feedback on a visit (booking), an application or a branch: praise, remark or complaint, a
 * rating 1-5 and a text, one per subject per user. A complaint is a case for the operators of
 * the subject's branch: it must be answered within COMPLAINT_ANSWER_MINUTES, and a repeatable
 * job flags it overdue once that passes unanswered. The answer reaches the citizen as a
 * notification through their channels.
 */
import type { Config } from '../../config/env.js';
import type { Database } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { ApplicationSubjects } from '../../shared/application-subjects.js';
import { hasRole, type Viewer } from '../../shared/auth/viewer.js';
import type { Clock } from '../../shared/clock.js';
import { badField, badInput, conflict, forbidden, notFound, preconditionFailed, type FieldProblem } from '../../shared/errors.js';
import { isUuid } from '../../shared/ids.js';
import { findUserById } from '../accounts/accounts.repository.js';
import { findBooking } from '../bookings/bookings.repository.js';
import { findBranchesByIds } from '../branches/branches.repository.js';
import type { NotificationsService } from '../notifications/index.js';
import * as repo from './feedback.repository.js';

export type FeedbackKind = 'PRAISE' | 'REMARK' | 'COMPLAINT';

export interface FeedbackInput {
  kind: FeedbackKind;
  rating?: number | null;
  text?: string | null;
  applicationId?: string | null;
  bookingId?: string | null;
  branchId?: string | null;
}

const KIND_WORDS: Record<FeedbackKind, string> = { PRAISE: 'отзыв', REMARK: 'замечание', COMPLAINT: 'жалобу' };

export class FeedbackService {
  constructor(private readonly deps: { config: Config; db: Database; clock: Clock; notifications: NotificationsService; applications: ApplicationSubjects }) {}

  async leave(viewer: Viewer, input: FeedbackInput): Promise<repo.FeedbackRow> {
    const { config, db, clock, applications } = this.deps;
    const problems: FieldProblem[] = [];
    const text = input.text?.trim() || null;
    if (input.rating !== null && input.rating !== undefined && (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5)) problems.push({ field: 'input.rating', message: 'Оценка от 1 до 5' });
    if (text && text.length > config.FEEDBACK_TEXT_MAX_LENGTH) problems.push({ field: 'input.text', message: `Не длиннее ${config.FEEDBACK_TEXT_MAX_LENGTH} символов` });
    if (input.kind === 'COMPLAINT' && !text) problems.push({ field: 'input.text', message: 'Опишите, что случилось' });
    if (!text && (input.rating === null || input.rating === undefined)) problems.push({ field: 'input.rating', message: 'Поставьте оценку или напишите текст' });
    const subjects = (['applicationId', 'bookingId', 'branchId'] as const).filter((k) => input[k]);
    if (subjects.length !== 1) problems.push({ field: 'input', message: 'Укажите одно: заявление, запись или отделение' });
    if (problems.length > 0) throw badInput(problems);

    let subject: { type: 'APPLICATION' | 'BOOKING' | 'BRANCH'; id: string; branchId: string | null };
    if (input.applicationId) {
      const app = isUuid(input.applicationId) ? await applications.find(input.applicationId) : null;
      if (!app || app.userId !== viewer.userId) throw notFound('Заявление');
      subject = { type: 'APPLICATION', id: input.applicationId, branchId: app.branchId };
    } else if (input.bookingId) {
      const b = isUuid(input.bookingId) ? await findBooking(db, input.bookingId) : undefined;
      if (!b || b.userId !== viewer.userId) throw notFound('Запись');
      if (b.status === 'PENDING_CONFIRMATION') throw preconditionFailed('Запись ещё не подтверждена', { rule: 'BOOKING_NOT_CONFIRMED' });
      subject = { type: 'BOOKING', id: b.id, branchId: b.branchId };
    } else {
      const [branch] = isUuid(input.branchId) ? await findBranchesByIds(db, [input.branchId]) : [];
      if (!branch) throw notFound('Отделение');
      subject = { type: 'BRANCH', id: branch.id, branchId: branch.id };
    }
    const now = clock.now();
    try {
      return await repo.insertFeedback(db, {
        userId: viewer.userId,
        kind: input.kind,
        rating: input.rating ?? null,
        text,
        subjectType: subject.type,
        subjectId: subject.id,
        applicationId: subject.type === 'APPLICATION' ? subject.id : null,
        bookingId: subject.type === 'BOOKING' ? subject.id : null,
        branchId: subject.branchId,
        answerDueAt: input.kind === 'COMPLAINT' ? new Date(now.getTime() + config.COMPLAINT_ANSWER_MINUTES * 60_000) : null,
        createdAt: now,
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('Вы уже оставили отзыв об этом', subjects[0] ? `input.${subjects[0]}` : undefined);
      throw err;
    }
  }

  myFeedback(viewer: Viewer): Promise<repo.FeedbackRow[]> {
    return repo.feedbackOfUser(this.deps.db, viewer.userId);
  }

  /** Feedback as its author or the staff of its branch see it; null for anyone else. */
  async feedback(viewer: Viewer, id: string): Promise<repo.FeedbackRow | null> {
    const f = isUuid(id) ? await repo.findFeedback(this.deps.db, id) : undefined;
    if (!f) return null;
    return f.userId === viewer.userId || (await this.staffOf(viewer, f)) ? f : null;
  }

  /** Staff: complaints of the operator's branch (admins: of any, or the given one). */
  async complaints(viewer: Viewer, filter: { branchId?: string | null; unansweredOnly?: boolean | null; overdueOnly?: boolean | null }): Promise<repo.FeedbackRow[]> {
    let branchId: string | null;
    if (hasRole(viewer, 'ADMIN')) branchId = filter.branchId ?? null;
    else {
      const own = await this.operatorBranch(viewer);
      if (filter.branchId && filter.branchId !== own) throw forbidden('Жалобы другого отделения');
      branchId = own;
    }
    return repo.complaints(this.deps.db, { branchId, unansweredOnly: filter.unansweredOnly ?? false, overdueOnly: filter.overdueOnly ?? false });
  }

  async answer(viewer: Viewer, id: string, rawAnswer: string): Promise<repo.FeedbackRow> {
    const { config, db, clock, notifications } = this.deps;
    const f = isUuid(id) ? await repo.findFeedback(db, id) : undefined;
    if (!f) throw notFound('Отзыв');
    if (!(await this.staffOf(viewer, f))) throw forbidden('Отзыв другого отделения');
    const answer = rawAnswer.trim();
    if (answer.length === 0 || answer.length > config.FEEDBACK_TEXT_MAX_LENGTH) throw badField('answer', `Ответ: от 1 до ${config.FEEDBACK_TEXT_MAX_LENGTH} символов`);
    const row = await db.transaction(async (tx) => {
      const done = await repo.setAnswer(tx, f.id, { answer, by: viewer.userId, now: clock.now() });
      if (!done) return null;
      await notifications.notify(tx, {
        userId: f.userId,
        template: 'feedback.answered',
        vars: { kind: KIND_WORDS[f.kind], excerpt: answer.length > 300 ? `${answer.slice(0, 299)}…` : answer },
        subjectType: 'Feedback',
        subjectId: f.id,
      });
      return done;
    });
    if (!row) throw preconditionFailed('На этот отзыв уже ответили', { rule: 'ALREADY_ANSWERED' });
    return row;
  }

  /** The repeatable job: flags complaints whose answer deadline passed unanswered. */
  flagOverdue(): Promise<number> {
    return repo.flagOverdue(this.deps.db, this.deps.clock.now());
  }

  private async staffOf(viewer: Viewer, f: repo.FeedbackRow): Promise<boolean> {
    if (hasRole(viewer, 'ADMIN')) return true;
    if (!hasRole(viewer, 'OPERATOR') || !f.branchId) return false;
    return (await findUserById(this.deps.db, viewer.userId))?.staffBranchId === f.branchId;
  }

  private async operatorBranch(viewer: Viewer): Promise<string> {
    if (!hasRole(viewer, 'OPERATOR')) throw forbidden('Только для сотрудников');
    const branchId = (await findUserById(this.deps.db, viewer.userId))?.staffBranchId;
    if (!branchId) throw forbidden('Сотрудник не приписан к отделению');
    return branchId;
  }
}
