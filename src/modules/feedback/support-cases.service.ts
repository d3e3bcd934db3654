/**
 * Support cases (complaints and requests for help) beyond their first message: a general request
 * not about a booking, application or branch (the general line answers it), the thread of
 * follow-ups (each addition tells the other side), the staff's change of priority (the deadline
 * follows), and the breach sweep: a case whose deadline passed unanswered is flagged once, and the
 * operators of its line and the admins are told at once (urgent) through the notification outbox,
 * in the transaction that flags it, so no breach is announced twice or lost.
 */
import type { Executor } from '../../db/client.js';
import { hasRole, type Viewer } from '../../shared/auth/viewer.js';
import { badField, forbidden, notFound, preconditionFailed } from '../../shared/errors.js';
import { isUuid } from '../../shared/ids.js';
import type { FeedbackDeps } from './feedback.deps.js';
import * as repo from './feedback.repository.js';
import { answerDueAt, answerExcerpt, caseLabel, caseNumber, checkAnswer, formatDue, isOpenCase, PRIORITY_WORDS, type SupportPriority } from './feedback.rules.js';

export class SupportCasesService {
  constructor(
    private readonly deps: FeedbackDeps,
    /** Whether the viewer is staff answering this case (FeedbackService.staffOf). */
    private readonly staffOf: (viewer: Viewer, f: repo.FeedbackRow) => Promise<boolean>,
  ) {}

  /** The answer deadline's minutes per priority, from the configuration. */
  get minutes() {
    return { critical: this.deps.config.SUPPORT_CRITICAL_MINUTES, normal: this.deps.config.SUPPORT_NORMAL_MINUTES };
  }

  /** Number a new case inside the caller's transaction. */
  async number(tx: Executor, now: Date): Promise<string> {
    const year = now.getUTCFullYear();
    return caseNumber(year, await repo.nextCaseNumber(tx, year));
  }

  /** A general request for help: a case of the general line (no branch), numbered, with its deadline. */
  async openRequest(viewer: Viewer, rawText: string, priority: SupportPriority): Promise<repo.FeedbackRow> {
    const { config, db, clock } = this.deps;
    const checked = checkAnswer(rawText, config.FEEDBACK_TEXT_MAX_LENGTH);
    if (!checked.ok) throw badField('text', `Текст обращения: от 1 до ${config.FEEDBACK_TEXT_MAX_LENGTH} символов`);
    const now = clock.now();
    const id = crypto.randomUUID();
    return db.transaction(async (tx) => {
      const row = await repo.insertFeedback(tx, {
        id,
        userId: viewer.userId,
        kind: 'REQUEST',
        text: checked.answer,
        subjectType: 'GENERAL',
        subjectId: id,
        branchId: null,
        priority,
        caseNumber: await this.number(tx, now),
        answerDueAt: answerDueAt('REQUEST', priority, now, this.minutes),
        createdAt: now,
      });
      if (row === 'DUPLICATE') throw new Error('a general request collided with itself');
      return row;
    });
  }

  /** The author or the answering staff adds to an open case; the other side is told. */
  async addFollowUp(viewer: Viewer, id: string, rawText: string): Promise<repo.FeedbackRow> {
    const { config, db, clock, accounts } = this.deps;
    const f = isUuid(id) ? await repo.findFeedback(db, id) : undefined;
    const fromStaff = f !== undefined && f.userId !== viewer.userId;
    if (!f || (fromStaff && !(await this.staffOf(viewer, f)))) throw notFound('Обращение');
    const checked = checkAnswer(rawText, config.FEEDBACK_TEXT_MAX_LENGTH);
    if (!checked.ok) throw badField('text', `Сообщение: от 1 до ${config.FEEDBACK_TEXT_MAX_LENGTH} символов`);
    const now = clock.now();
    if (!isOpenCase(f, now, config.SUPPORT_CASE_OPEN_DAYS)) throw preconditionFailed('Обращение закрыто', { rule: 'CASE_CLOSED' });
    const author = await accounts.userById(viewer.userId);
    const authorName = fromStaff ? `Сотрудник МФЦ ${author?.firstName ?? ''}`.trim() : [author?.firstName, author?.lastName].filter(Boolean).join(' ') || 'Заявитель';
    await db.transaction(async (tx) => {
      await repo.insertFollowUp(tx, { feedbackId: f.id, authorId: viewer.userId, fromStaff, authorName, text: checked.answer, createdAt: now });
      const to = fromStaff ? [f.userId] : await this.lineOf(tx, f);
      for (const userId of to) {
        await this.deps.notifications.notify(tx, {
          userId,
          template: 'support.follow_up',
          vars: { case: caseLabel(f), author: authorName, excerpt: answerExcerpt(checked.answer) },
          subjectType: 'Feedback',
          subjectId: f.id,
        });
      }
    });
    return (await repo.findFeedback(db, f.id)) ?? f;
  }

  /** Staff of the case change its priority; the deadline is counted again from the case's creation. */
  async setPriority(viewer: Viewer, id: string, priority: SupportPriority): Promise<repo.FeedbackRow> {
    if (!hasRole(viewer, 'OPERATOR') && !hasRole(viewer, 'ADMIN')) throw forbidden();
    const { db, clock } = this.deps;
    const f = isUuid(id) ? await repo.findFeedback(db, id) : undefined;
    if (!f || !(await this.staffOf(viewer, f))) throw notFound('Обращение');
    const due = answerDueAt(f.kind, priority, f.createdAt, this.minutes);
    if (!due) throw preconditionFailed('Приоритет бывает только у жалобы или обращения', { rule: 'NOT_A_CASE' });
    const row = await repo.setPriority(db, f.id, { priority, answerDueAt: due, now: clock.now() });
    if (!row) throw notFound('Обращение');
    return row;
  }

  /** The repeatable job: flags each case past its deadline once, and tells its line's operators and the admins. */
  async flagOverdue(): Promise<number> {
    const { db, clock, accounts, notifications } = this.deps;
    return db.transaction(async (tx) => {
      const flagged = await repo.flagOverdue(tx, clock.now());
      for (const f of flagged) {
        const admins = await accounts.activeStaffIds({ role: 'ADMIN' }, tx);
        const to = new Set([...(await this.lineOf(tx, f, false)), ...admins]);
        const vars = { case: caseLabel(f), priority: PRIORITY_WORDS[f.priority], due: f.answerDueAt ? formatDue(f.answerDueAt) : '' };
        for (const userId of to) await notifications.notify(tx, { userId, template: 'support.overdue', vars, subjectType: 'Feedback', subjectId: f.id });
      }
      return flagged.length;
    });
  }

  /**
   * Who answers the case: its assignee (the staff member who last replied) when `assigned` counts,
   * else the operators of its branch, or for the general line every operator.
   */
  private async lineOf(tx: Executor, f: repo.FeedbackRow, assigned = true): Promise<string[]> {
    if (assigned && f.assignedTo) {
      const staff = await this.deps.accounts.userById(f.assignedTo, tx);
      if (staff && staff.deactivatedAt === null) return [staff.id];
    }
    // The general line is every operator's (as with the general chat).
    return this.deps.accounts.activeStaffIds({ role: 'OPERATOR', branchId: f.branchId ?? undefined }, tx);
  }
}
