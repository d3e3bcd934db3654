/**
 * The operators' moves: staff of the application's branch (admins: any) move it along the status
 * graph (applications.rules.ts) and attach the result document. To anyone else the application
 * does not exist (NOT_FOUND).
 */
import { badField, conflict, notFound, preconditionFailed } from '../../shared/errors.js';
import { isStaff, type Viewer } from '../../shared/auth/viewer.js';
import type { ApplicationAccess } from './applications.access.js';
import type { ApplicationChecks } from './applications.checks.js';
import type { ApplicationsDeps } from './applications.deps.js';
import * as repo from './applications.repository.js';
import type { ApplicationRow, ApplicationStatus } from './applications.repository.js';
import type { ApplicationTimeline } from './applications.timeline.js';
import { COMMENT_REQUIRED, RESULT_STATUSES, actorOf, canMove } from './applications.rules.js';

export class OperatorMoves {
  constructor(
    private readonly deps: Pick<ApplicationsDeps, 'db' | 'clock'>,
    private readonly access: ApplicationAccess,
    private readonly checks: ApplicationChecks,
    private readonly timeline: ApplicationTimeline,
  ) {}

  /**
   * Staff of the application's branch move it along the graph. `expected` is the status the
   * operator saw (defaults to the one read now): the UPDATE only applies while it still holds, so
   * of two operators moving it at once one wins and the other gets CONFLICT.
   */
  async changeStatus(viewer: Viewer, id: string, status: ApplicationStatus, comment: string | null | undefined, expected?: ApplicationStatus | null): Promise<ApplicationRow> {
    const current = await this.staffApplication(viewer, id);
    const why = this.checks.comment(comment, 'comment');
    const from = expected ?? current.status;
    if (from !== current.status) throw conflict(`Заявление уже в статусе ${current.status}: обновите страницу`, 'expectedStatus');
    const actor = actorOf(viewer.roles);
    if (!canMove(from, status, actor)) throw preconditionFailed(`Переход ${from} → ${status} не разрешён`, { rule: 'TRANSITION_NOT_ALLOWED', from, to: status });
    if (COMMENT_REQUIRED.has(status) && !why) throw badField('comment', status === 'REJECTED' ? 'Укажите причину отказа' : 'Напишите, что нужно представить или исправить');
    return this.timeline.move(viewer, current, status, why, actor);
  }

  /** Staff attach the result document (uploaded by them); the applicant can then download it. */
  async attachResult(viewer: Viewer, id: string, attachmentId: string): Promise<ApplicationRow> {
    const current = await this.staffApplication(viewer, id);
    if (!RESULT_STATUSES.has(current.status)) {
      throw preconditionFailed('Результат прикладывают к заявлению в работе или готовому к выдаче', { rule: 'NOT_IN_PROGRESS', status: current.status });
    }
    const { db, clock } = this.deps;
    return db.transaction(async (tx) => {
      const [fileId] = await this.checks.ownFiles(tx, viewer, [attachmentId], 'attachmentId');
      const row = await repo.compareAndSet(tx, current.id, { status: current.status }, { resultAttachmentId: fileId ?? null, updatedAt: clock.now() });
      if (!row) throw conflict('Заявление изменилось: обновите страницу');
      await this.timeline.tell(tx, row, 'application.result', {});
      return row;
    });
  }

  /** The application as staff see it, or NOT_FOUND (for anyone who is not staff, too). */
  private async staffApplication(viewer: Viewer, id: string): Promise<ApplicationRow> {
    if (!isStaff(viewer)) throw notFound('Заявление');
    const current = await this.access.application(viewer, id);
    if (!current) throw notFound('Заявление');
    return current;
  }
}
