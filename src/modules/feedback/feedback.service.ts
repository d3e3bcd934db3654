/**
 * Feedback on a visit (booking), an application or a branch: praise, remark, complaint or request
 * for help, a rating 1-5 and a text, one per subject per user. A complaint or request is a support
 * case for the operators of the subject's branch (SupportCasesService: number, priority, deadline
 * by SUPPORT_CRITICAL_MINUTES / SUPPORT_NORMAL_MINUTES, thread, breach sweep). The answer reaches the
 * citizen as a notification through their channels. Users, branches and bookings are read
 * through the directories of their modules; applications through the ApplicationSubjects port.
 */
import { hasRole, type Viewer } from '../../shared/auth/viewer.js';
import { badField, badInput, conflict, forbidden, notFound, preconditionFailed } from '../../shared/errors.js';
import { isUuid } from '../../shared/ids.js';
import * as repo from './feedback.repository.js';
import { answerDueAt, answerExcerpt, checkAnswer, feedbackProblems, isCase, KIND_WORDS, subjectsOf, type FeedbackInput } from './feedback.rules.js';
import { SupportCasesService } from './support-cases.service.js';
import type { FeedbackDeps } from './feedback.deps.js';
import type { Executor } from '../../db/client.js';

export type { FeedbackDeps } from './feedback.deps.js';

export type { FeedbackInput, FeedbackKind, SupportPriority } from './feedback.rules.js';

interface Subject {
  type: 'APPLICATION' | 'BOOKING' | 'BRANCH';
  id: string;
  branchId: string | null;
}


/** Thrown inside leave()'s transaction to roll the case number back with a duplicate. */
class DuplicateFeedback extends Error {}

export class FeedbackService {
  /** Numbers, priorities, threads and the breach sweep of support cases. */
  readonly cases: SupportCasesService;

  constructor(private readonly deps: FeedbackDeps) {
    this.cases = new SupportCasesService(deps, (viewer, f) => this.staffOf(viewer, f));
  }

  async leave(viewer: Viewer, input: FeedbackInput): Promise<repo.FeedbackRow> {
    const { config, db, clock } = this.deps;
    const text = input.text?.trim() || null;
    const problems = feedbackProblems(input, text, config.FEEDBACK_TEXT_MAX_LENGTH);
    if (problems.length > 0) throw badInput(problems);
    const subject = await this.subjectOf(viewer, input);
    const now = clock.now();
    const priority = input.priority ?? 'NORMAL';
    const row = await db.transaction(async (tx) => {
      const written = await repo.insertFeedback(tx, {
        userId: viewer.userId,
        kind: input.kind,
        rating: input.rating ?? null,
        text,
        subjectType: subject.type,
        subjectId: subject.id,
        applicationId: subject.type === 'APPLICATION' ? subject.id : null,
        bookingId: subject.type === 'BOOKING' ? subject.id : null,
        branchId: subject.branchId,
        priority,
        caseNumber: isCase(input.kind) ? await this.cases.number(tx, now) : null,
        answerDueAt: answerDueAt(input.kind, priority, now, this.cases.minutes),
        createdAt: now,
      });
      // A duplicate rolls the case number back with it: numbers stay without gaps.
      if (written === 'DUPLICATE') throw new DuplicateFeedback();
      return written;
    }).catch((err: unknown) => {
      if (err instanceof DuplicateFeedback) return 'DUPLICATE' as const;
      throw err;
    });
    if (row === 'DUPLICATE') {
      const [field] = subjectsOf(input);
      throw conflict('Вы уже оставили отзыв об этом', field ? `input.${field}` : undefined);
    }
    return row;
  }

  myFeedback(viewer: Viewer): Promise<repo.FeedbackRow[]> {
    return repo.feedbackOfUser(this.deps.db, viewer.userId);
  }

  /** Feedback as its author or the staff of its branch see it; null for anyone else. */
  async feedback(viewer: Viewer, id: string): Promise<repo.FeedbackRow | null> {
    if (!isUuid(id)) return null;
    // Only staff read feedback of others: a citizen's look-up is scoped to their own.
    if (!hasRole(viewer, 'OPERATOR') && !hasRole(viewer, 'ADMIN')) return (await repo.findOwnFeedback(this.deps.db, viewer.userId, id)) ?? null;
    const f = await repo.findFeedback(this.deps.db, id);
    if (!f) return null;
    return f.userId === viewer.userId || (await this.staffOf(viewer, f)) ? f : null;
  }

  /** Staff: cases of the operator's branch and the general line (admins: of any, or the given branch). */
  async complaints(viewer: Viewer, filter: { branchId?: string | null; unansweredOnly?: boolean | null; overdueOnly?: boolean | null }): Promise<repo.FeedbackRow[]> {
    let branchId: string | null;
    if (hasRole(viewer, 'ADMIN')) branchId = filter.branchId ?? null;
    else {
      const own = await this.operatorBranch(viewer);
      if (filter.branchId && filter.branchId !== own) throw forbidden('Жалобы другого отделения');
      branchId = own;
    }
    return repo.complaints(this.deps.db, { branchId, generalLine: !hasRole(viewer, 'ADMIN'), unansweredOnly: filter.unansweredOnly ?? false, overdueOnly: filter.overdueOnly ?? false });
  }

  async answer(viewer: Viewer, id: string, rawAnswer: string): Promise<repo.FeedbackRow> {
    const { config, db, clock, notifications } = this.deps;
    const f = isUuid(id) ? await repo.findFeedback(db, id) : undefined;
    if (!f) throw notFound('Отзыв');
    if (!(await this.staffOf(viewer, f))) throw forbidden('Отзыв другого отделения');
    const checked = checkAnswer(rawAnswer, config.FEEDBACK_TEXT_MAX_LENGTH);
    if (!checked.ok) throw badField(checked.problem.field, checked.problem.message);
    const { answer } = checked;
    const row = await db.transaction(async (tx) => {
      const done = await repo.setAnswer(tx, f.id, { answer, by: viewer.userId, now: clock.now() });
      if (!done) return null;
      await notifications.notify(tx, {
        userId: f.userId,
        template: 'feedback.answered',
        vars: { kind: KIND_WORDS[f.kind], excerpt: answerExcerpt(answer) },
        subjectType: 'Feedback',
        subjectId: f.id,
      });
      return done;
    });
    if (!row) throw preconditionFailed('На этот отзыв уже ответили', { rule: 'ALREADY_ANSWERED' });
    return row;
  }

  /** A deactivated staff member's cases go back to their line (inside the deactivation's transaction). */
  releaseCasesOf(tx: Executor, staffId: string): Promise<number> {
    return repo.releaseCasesOf(tx, staffId);
  }

  /** The repeatable job: flags cases whose answer deadline passed unanswered, and tells their staff. */
  flagOverdue(): Promise<number> {
    return this.cases.flagOverdue();
  }

  /** What the feedback is about, checked: the viewer's own application or confirmed booking, or an existing branch. */
  private async subjectOf(viewer: Viewer, input: FeedbackInput): Promise<Subject> {
    const { applications, bookings, branches } = this.deps;
    if (input.applicationId) {
      const app = isUuid(input.applicationId) ? await applications.find(input.applicationId) : null;
      if (!app || app.userId !== viewer.userId) throw notFound('Заявление');
      return { type: 'APPLICATION', id: input.applicationId, branchId: app.branchId };
    }
    if (input.bookingId) {
      const b = isUuid(input.bookingId) ? await bookings.bookingById(input.bookingId) : undefined;
      if (!b || b.userId !== viewer.userId) throw notFound('Запись');
      if (b.status === 'PENDING_CONFIRMATION') throw preconditionFailed('Запись ещё не подтверждена', { rule: 'BOOKING_NOT_CONFIRMED' });
      return { type: 'BOOKING', id: b.id, branchId: b.branchId };
    }
    const [branch] = isUuid(input.branchId) ? await branches.branchesByIds([input.branchId]) : [];
    if (!branch) throw notFound('Отделение');
    return { type: 'BRANCH', id: branch.id, branchId: branch.id };
  }

  /** Admins answer everything; operators their branch's feedback, and the general line's cases (like its chats). */
  private async staffOf(viewer: Viewer, f: repo.FeedbackRow): Promise<boolean> {
    if (hasRole(viewer, 'ADMIN')) return true;
    if (!hasRole(viewer, 'OPERATOR')) return false;
    if (!f.branchId) return f.subjectType === 'GENERAL';
    return (await this.deps.accounts.userById(viewer.userId))?.staffBranchId === f.branchId;
  }

  private async operatorBranch(viewer: Viewer): Promise<string> {
    if (!hasRole(viewer, 'OPERATOR')) throw forbidden('Только для сотрудников');
    const branchId = (await this.deps.accounts.userById(viewer.userId))?.staffBranchId;
    if (!branchId) throw forbidden('Сотрудник не приписан к отделению');
    return branchId;
  }
}
