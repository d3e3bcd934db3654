/**
 * Submitting a draft: the account level first (a form cannot fix it), then every check; then in
 * one transaction the number, the due date, version 1, SUBMITTED by the citizen and ACCEPTED by the
 * system, the state fee of a service with one, and one message to the citizen. Both timeline entries are published after the commit.
 */
import { badInput, conflict, notFound, preconditionFailed } from '../../shared/errors.js';
import { addDays, addWorkingDays, localDay } from '../../shared/days.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import type { Executor } from '../../db/client.js';
import { DOCUMENTS_TIMEZONE } from '../documents/index.js';
import type { ServiceRow } from '../catalog/index.js';
import type { ApplicationAccess } from './applications.access.js';
import type { ApplicationChecks } from './applications.checks.js';
import type { ApplicationsDeps } from './applications.deps.js';
import * as repo from './applications.repository.js';
import type { ApplicationEventRow, ApplicationRow } from './applications.repository.js';
import type { ApplicationTimeline } from './applications.timeline.js';
import { STATUS_WORDS, TRUST_WORDS, applicationNumber, dueHorizonDays, meetsTrust, ruDate } from './applications.rules.js';

export class ApplicationSubmission {
  constructor(
    private readonly deps: Pick<ApplicationsDeps, 'db' | 'clock' | 'catalog' | 'branches' | 'fees'>,
    private readonly access: ApplicationAccess,
    private readonly checks: ApplicationChecks,
    private readonly timeline: ApplicationTimeline,
  ) {}

  async submit(viewer: Viewer, id: string): Promise<ApplicationRow> {
    const { db, clock } = this.deps;
    const current = await this.access.requireOwn(viewer, id);
    if (current.status !== 'DRAFT') throw preconditionFailed('Заявление уже подано', { rule: 'NOT_DRAFT' });
    // The dependant's document must still be verified when the parent submits.
    if (current.forDependantId) await this.checks.verifiedDependant(viewer.userId, current.forDependantId, 'forDependantId');
    const [service] = await this.deps.catalog.servicesByIds([current.serviceId]);
    const user = await this.access.requireUser(viewer);
    if (!service) throw notFound('Услуга');
    if (!meetsTrust(user.trustLevel, service.minTrustLevel)) {
      throw preconditionFailed(`Для этой услуги нужна ${TRUST_WORDS[service.minTrustLevel]} учётная запись: добавьте паспорт и СНИЛС или подтвердите личность в МФЦ`, {
        rule: 'TRUST_LEVEL',
        requiredLevel: service.minTrustLevel,
        currentLevel: user.trustLevel,
      });
    }
    const result = await this.checks.check(current, current);
    if (!result.valid) throw badInput(result.issues, 'Заявление заполнено не полностью: исправьте отмеченные поля');
    const now = clock.now();
    const day = localDay(now, DOCUMENTS_TIMEZONE);
    const dueDate = await this.dueDate(current.branchId as string, day, service.processingDays);
    const { row, events } = await db.transaction((tx) => this.record(tx, viewer, current, service, { now, day, dueDate }));
    for (const e of events) this.timeline.publish(row, e);
    return row;
  }

  /** The submission's writes, in the caller's transaction: number, SUBMITTED, version 1, ACCEPTED, the message. */
  private async record(tx: Executor, viewer: Viewer, current: ApplicationRow, service: ServiceRow, at: { now: Date; day: string; dueDate: string }): Promise<{ row: ApplicationRow; events: ApplicationEventRow[] }> {
    const { now, day, dueDate } = at;
    const year = Number(day.slice(0, 4));
    const number = applicationNumber(year, await repo.nextNumber(tx, year));
    const submitted = await repo.compareAndSet(tx, current.id, { status: 'DRAFT' }, { status: 'SUBMITTED', number, submittedAt: now, dueDate, updatedAt: now });
    if (!submitted) throw conflict('Заявление уже подано');
    const branchId = current.branchId as string;
    await repo.insertVersion(tx, { applicationId: current.id, version: 1, data: submitted.data, attachmentIds: submitted.attachmentIds, branchId, createdBy: viewer.userId, createdAt: now });
    const first = await this.timeline.record(tx, submitted, { status: 'SUBMITTED', actor: 'CITIZEN', actorId: viewer.userId, at: now });
    const accepted = await repo.compareAndSet(tx, current.id, { status: 'SUBMITTED' }, { status: 'ACCEPTED', updatedAt: now });
    if (!accepted) throw conflict('Заявление изменилось: обновите страницу');
    const comment = `Заявлению присвоен номер ${number}. Срок — до ${ruDate(dueDate)}`;
    const second = await this.timeline.record(tx, accepted, { status: 'ACCEPTED', actor: 'SYSTEM', at: new Date(now.getTime() + 1), comment });
    // A service with a fee: its state fee is issued now, at the online price (the payments module).
    await this.deps.fees.issueFee(tx, { id: accepted.id, userId: accepted.userId, serviceId: accepted.serviceId, number: accepted.number });
    await this.timeline.tell(tx, accepted, 'application.status', { status: `${STATUS_WORDS.ACCEPTED}, срок до ${ruDate(dueDate)}`, service: service.title, comment: '' });
    return { row: accepted, events: [first, second] };
  }

  /** The due date: `days` working days after the submission day, skipping weekends and the branch's closed days. */
  private async dueDate(branchId: string, day: string, days: number): Promise<string> {
    const horizon = addDays(day, dueHorizonDays(days));
    const closed = (await this.deps.branches.exceptionsOf([branchId], day, horizon)).filter((e) => e.closed).map((e) => e.date);
    return addWorkingDays(day, days, new Set(closed));
  }
}
