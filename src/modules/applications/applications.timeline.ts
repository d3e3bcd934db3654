/**
 * How an application's status changes are recorded and announced: one compare-and-set UPDATE, its
 * timeline event (with its entry in the applicant's account feed) and the applicant's message in
 * one transaction; the event is published to `applicationStatusChanged` after the commit (a lost
 * publish is logged, never fails the move).
 */
import type { Executor } from '../../db/client.js';
import { recordIntegrationEvent } from '../../jobs/integration-events.js';
import { conflict } from '../../shared/errors.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import type { NotifyInput, TemplateVars } from '../notifications/index.js';
import type { ApplicationsDeps } from './applications.deps.js';
import { settleFee } from './applications.fees.js';
import { applicationTopic, type ApplicationTopicEvent } from './applications.events.js';
import * as repo from './applications.repository.js';
import type { ApplicationEventRow, ApplicationRow, ApplicationStatus } from './applications.repository.js';
import { STATUS_WORDS, type Actor } from './applications.rules.js';

type ApplicationTemplate = 'application.status' | 'application.amended' | 'application.comment' | 'application.result';

export class ApplicationTimeline {
  constructor(private readonly deps: Pick<ApplicationsDeps, 'db' | 'clock' | 'log' | 'pubsub' | 'notifications' | 'catalog' | 'fees' | 'feed'>) {}

  /**
   * One status change: compare-and-set, timeline event and notification in one transaction, then
   * published. The state fee is settled in the same transaction (fees.ts): a move past ACCEPTED
   * needs it paid, an end before work started returns it (noted in the event's comment).
   */
  async move(viewer: Viewer, current: ApplicationRow, status: ApplicationStatus, comment: string | null, actor: Actor): Promise<ApplicationRow> {
    const { db, clock, catalog } = this.deps;
    const now = clock.now();
    const { row, event } = await db.transaction(async (tx) => {
      const updated = await repo.compareAndSet(tx, current.id, { status: current.status }, { status, updatedAt: now });
      if (!updated) throw conflict('Статус заявления уже изменён: обновите страницу');
      const feeNote = await settleFee(this.deps.fees, tx, current, status, comment);
      const note = [comment, feeNote].filter(Boolean).join('\n') || null;
      const e = await this.record(tx, updated, { status, actor, actorId: viewer.userId, comment: note, at: now });
      const [service] = await catalog.servicesByIds([updated.serviceId], tx);
      await this.tell(tx, updated, 'application.status', { status: STATUS_WORDS[status], service: service?.title ?? '', comment: note ?? '' });
      // Webhooks (APPLICATIONS_READ): the change without the applicant or the comment (personal data).
      const data = { applicationId: updated.id, number: updated.number, serviceId: updated.serviceId, branchId: updated.branchId, from: current.status, status, actor };
      await recordIntegrationEvent(tx, { type: 'APPLICATION_STATUS_CHANGED', occurredAt: now, branchId: updated.branchId, data });
      return { row: updated, event: e };
    });
    this.publish(row, event);
    return row;
  }

  /**
   * Every timeline entry is written here, in the caller's transaction: the entry and its event in
   * the applicant's account feed (accountUpdates) commit together. The applicant is the account
   * that filed it, for a dependant too (the parent: a dependant has no account of their own).
   */
  async record(tx: Executor, row: Pick<ApplicationRow, 'id' | 'userId'>, values: Omit<Parameters<typeof repo.insertEvent>[1], 'applicationId'>): Promise<ApplicationEventRow> {
    const e = await repo.insertEvent(tx, { ...values, applicationId: row.id });
    await this.deps.feed?.append(tx, row.userId, 'APPLICATION_EVENT', e.id);
    return e;
  }

  /** A message to the applicant about their application (channels from their preferences). */
  async tell<N extends ApplicationTemplate>(tx: Executor, row: ApplicationRow, template: N, vars: Omit<TemplateVars<N>, 'number'>): Promise<void> {
    await this.deps.notifications.notify(tx, {
      userId: row.userId,
      template,
      vars: { number: row.number ?? 'черновик', ...vars },
      subjectType: 'Application',
      subjectId: row.id,
    } as NotifyInput);
  }

  /** Announces a timeline entry to the applicant and the branch's staff (after the commit). */
  publish(row: ApplicationRow, e: ApplicationEventRow): void {
    const payload: ApplicationTopicEvent = {
      applicationId: row.id,
      userId: row.userId,
      branchId: row.branchId,
      event: { id: e.id, status: e.status, actor: e.actor, comment: e.comment, at: e.at.toISOString() },
    };
    try {
      this.deps.pubsub.publish(applicationTopic, payload);
    } catch (err) {
      this.deps.log.warn({ err }, 'could not publish an application event');
    }
  }
}
