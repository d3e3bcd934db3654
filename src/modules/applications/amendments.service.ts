/**
 * The citizen's moves after submission, and comments: withdrawing an application until work on it
 * starts, sending a new version (each one kept), and commenting (the applicant and staff alike;
 * the applicant hears a staff comment).
 */
import { badField, badInput, conflict, notFound, preconditionFailed } from '../../shared/errors.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import type { ApplicationAccess } from './applications.access.js';
import type { ApplicationChecks, ChangeInput } from './applications.checks.js';
import type { ApplicationsDeps } from './applications.deps.js';
import * as repo from './applications.repository.js';
import type { ApplicationCommentRow, ApplicationRow, ApplicationStatus } from './applications.repository.js';
import type { ApplicationTimeline } from './applications.timeline.js';
import { AMENDABLE, actorOf, canMove, commentAuthorName, quoteComment } from './applications.rules.js';

export class ApplicationAmendments {
  constructor(
    private readonly deps: Pick<ApplicationsDeps, 'db' | 'clock' | 'config' | 'rateLimiter'>,
    private readonly access: ApplicationAccess,
    private readonly checks: ApplicationChecks,
    private readonly timeline: ApplicationTimeline,
  ) {}

  async cancel(viewer: Viewer, id: string, reason: string | null | undefined): Promise<ApplicationRow> {
    const current = await this.access.requireOwn(viewer, id);
    const why = this.checks.comment(reason, 'reason');
    if (!canMove(current.status, 'CANCELLED', 'CITIZEN')) {
      throw preconditionFailed(current.status === 'DRAFT' ? 'Черновик можно просто удалить' : 'Отозвать заявление можно, только пока работа по нему не началась', { rule: 'NOT_CANCELLABLE', status: current.status });
    }
    return this.timeline.move(viewer, current, 'CANCELLED', why ?? 'Отозвано заявителем', 'CITIZEN');
  }

  /**
   * A new version of a submitted application (SUBMITTED, ACCEPTED or ACTION_REQUIRED), checked like
   * a submission. From ACTION_REQUIRED it goes back to IN_PROGRESS; otherwise the timeline gets an
   * entry with the same status. Either way the change is announced.
   */
  async amend(viewer: Viewer, id: string, input: ChangeInput): Promise<ApplicationRow> {
    const current = await this.access.requireOwn(viewer, id);
    if (!AMENDABLE.has(current.status)) throw preconditionFailed('Изменить заявление уже нельзя', { rule: 'NOT_AMENDABLE', status: current.status });
    const change = await this.checks.changeOf(viewer, current, input);
    const result = await this.checks.check(current, change);
    if (!result.valid) throw badInput(result.issues, 'Новая версия заполнена не полностью: исправьте отмеченные поля');
    const now = this.deps.clock.now();
    const version = current.version + 1;
    const status: ApplicationStatus = current.status === 'ACTION_REQUIRED' ? 'IN_PROGRESS' : current.status;
    const comment = current.status === 'ACTION_REQUIRED' ? `Заявитель внёс исправления: версия ${version}` : `Заявитель изменил заявление: версия ${version}`;
    const { row, event } = await this.deps.db.transaction(async (tx) => {
      const attachmentIds = await this.checks.ownFiles(tx, viewer, change.attachmentIds, 'input.attachmentIds');
      const updated = await repo.compareAndSet(tx, current.id, { status: current.status, version: current.version }, { status, version, data: change.data, branchId: change.branchId, attachmentIds, updatedAt: now });
      if (!updated) throw conflict('Заявление изменилось: обновите страницу и повторите');
      await repo.insertVersion(tx, { applicationId: current.id, version, data: change.data, attachmentIds, branchId: change.branchId, createdBy: viewer.userId, createdAt: now });
      const e = await this.timeline.record(tx, updated, { status, actor: 'CITIZEN', actorId: viewer.userId, at: now, comment });
      await this.timeline.tell(tx, updated, 'application.amended', { version: String(version) });
      return { row: updated, event: e };
    });
    this.timeline.publish(row, event);
    return row;
  }

  async addComment(viewer: Viewer, id: string, text: string): Promise<ApplicationCommentRow> {
    const { db, clock, config } = this.deps;
    const row = await this.access.application(viewer, id);
    if (!row) throw notFound('Заявление');
    if (row.status === 'DRAFT') throw preconditionFailed('Комментарии — после подачи заявления', { rule: 'NOT_SUBMITTED' });
    const clean = this.checks.comment(text, 'text');
    if (!clean) throw badField('text', 'Напишите комментарий');
    await this.deps.rateLimiter.hit([{ key: `comments:user:${viewer.userId}`, limit: config.RATE_LIMIT_COMMENTS_PER_USER, windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS }]);
    const author = await this.access.requireUser(viewer);
    const staff = viewer.userId !== row.userId;
    const actor = actorOf(viewer.roles);
    return db.transaction(async (tx) => {
      const comment = await repo.insertComment(tx, {
        applicationId: row.id,
        authorId: viewer.userId,
        authorRole: actor,
        authorName: commentAuthorName(staff, author),
        text: clean,
        createdAt: clock.now(),
      });
      if (staff) await this.timeline.tell(tx, row, 'application.comment', { text: quoteComment(clean) });
      return comment;
    });
  }
}
