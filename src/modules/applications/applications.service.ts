/**
 * Applications for services: drafts (prefilled from the profile or copied from an earlier
 * application), validation against the service's form and required documents, submission (number,
 * due date, version 1, SUBMITTED then ACCEPTED), cancellation, amendments (a new version each),
 * comments, and the operators' moves along the status graph (applications.rules.ts).
 *
 * Access: a citizen sees only their own applications, staff those of their branch (admins all);
 * anything else is NOT_FOUND, so ids cannot be probed. Every status change is one compare-and-set
 * UPDATE, its timeline event and its notification in one transaction; the event is published to
 * `applicationStatusChanged` after the commit.
 */
import type { Config } from '../../config/env.js';
import type { Database, Executor } from '../../db/client.js';
import { AppError, ErrorCode, badField, badInput, conflict, notFound, preconditionFailed, type FieldProblem } from '../../shared/errors.js';
import { addDays, addWorkingDays, localDay } from '../../shared/days.js';
import { hasRole, isStaff, type Viewer } from '../../shared/auth/viewer.js';
import type { Clock } from '../../shared/clock.js';
import { isUuid } from '../../shared/ids.js';
import type { Logger } from '../../shared/logger.js';
import { decodeCursor, encodeCursor, type Page } from '../../shared/pagination.js';
import type { AppPubSub } from '../../shared/pubsub.js';
import { applicationTopic, type ApplicationTopicEvent } from './applications.events.js';
import type { RateLimiter } from '../../shared/rate-limit.js';
import { findUserById, type UserRow } from '../accounts/accounts.repository.js';
import { exceptionsOf, findBranchesByIds } from '../branches/branches.repository.js';
import { branchOffersService, findServicesByIds, type ServiceRow } from '../catalog/catalog.repository.js';
import { documentsOfUsers } from '../documents/documents.repository.js';
import { DOCUMENTS_TIMEZONE, notFoundField, type DocumentsService } from '../documents/index.js';
import { isExpired } from '../documents/index.js';
import type { NotificationsService, NotifyInput } from '../notifications/index.js';
import type { TemplateVars } from '../notifications/index.js';
import { prefill, validateForm, type PrefillSource } from './forms.js';
import * as repo from './applications.repository.js';
import type { ApplicationEventRow, ApplicationRow, ApplicationStatus } from './applications.repository.js';
import { AMENDABLE, COMMENT_REQUIRED, STATUS_WORDS, applicationNumber, canMove, type Actor } from './applications.rules.js';

type JsonObject = Record<string, unknown>;
type ApplicationTemplate = 'application.status' | 'application.amended' | 'application.comment' | 'application.result';

const TRUST_ORDER = { SIMPLIFIED: 0, STANDARD: 1, CONFIRMED: 2 } as const;
const TRUST_WORDS = { SIMPLIFIED: 'упрощённая', STANDARD: 'стандартная', CONFIRMED: 'подтверждённая' } as const;

export interface DraftInput {
  serviceId: string;
  data?: JsonObject | null;
  branchId?: string | null;
  attachmentIds?: string[] | null;
  fromApplicationId?: string | null;
}

export interface ChangeInput {
  data?: JsonObject | null;
  branchId?: string | null;
  attachmentIds?: string[] | null;
}

export interface RequiredDocumentView {
  kind: string | null;
  title: string;
  description: string | null;
  optional: boolean;
}

export interface Validation {
  valid: boolean;
  issues: FieldProblem[];
  missingDocuments: RequiredDocumentView[];
}

export interface ListFilterInput {
  status?: ApplicationStatus[] | null;
  serviceId?: string | null;
  search?: string | null;
}

const actorOf = (viewer: Viewer): Actor => (hasRole(viewer, 'ADMIN') ? 'ADMIN' : hasRole(viewer, 'OPERATOR') ? 'OPERATOR' : 'CITIZEN');

export class ApplicationsService {
  constructor(
    private readonly deps: {
      config: Config;
      db: Database;
      clock: Clock;
      log: Logger;
      pubsub: AppPubSub;
      notifications: NotificationsService;
      documents: DocumentsService;
      rateLimiter: RateLimiter;
    },
  ) {}

  // ---------------------------------------------------------------- reading

  /** The application as the viewer may see it: the applicant's own, staff of its branch, any for admins. */
  async application(viewer: Viewer, id: string): Promise<ApplicationRow | null> {
    if (!isUuid(id)) return null;
    const row = await repo.findApplication(this.deps.db, id);
    if (!row) return null;
    return (await this.maySee(viewer, row)) ? row : null;
  }

  /** Owner and branch of an application (for chats and feedback about it); null for an unknown id. */
  async subjectOf(id: string): Promise<{ userId: string; branchId: string | null } | null> {
    const row = isUuid(id) ? await repo.findApplication(this.deps.db, id) : undefined;
    return row ? { userId: row.userId, branchId: row.branchId } : null;
  }

  private async maySee(viewer: Viewer, row: ApplicationRow): Promise<boolean> {
    if (row.userId === viewer.userId) return true;
    if (row.status === 'DRAFT') return false;
    if (hasRole(viewer, 'ADMIN')) return true;
    if (!hasRole(viewer, 'OPERATOR')) return false;
    return row.branchId !== null && (await this.staffBranch(viewer)) === row.branchId;
  }

  /** The branch an operator works at (null for anyone else). */
  async staffBranch(viewer: Viewer): Promise<string | null> {
    if (!hasRole(viewer, 'OPERATOR')) return null;
    return (await findUserById(this.deps.db, viewer.userId))?.staffBranchId ?? null;
  }

  async myApplications(viewer: Viewer, filter: ListFilterInput | null, first: number, after: string | null): Promise<Page<ApplicationRow>> {
    const limit = Math.min(Math.max(first, 1), 100);
    const { rows, total } = await repo.listOfUser(this.deps.db, { userId: viewer.userId, filter: this.listFilter(filter), limit, after: after ? decodeCursor(after) : null });
    return this.page(rows, limit, total, (r) => r.createdAt);
  }

  /** Operators: the submitted applications of their branch, oldest first; admins: of every branch. */
  async queue(viewer: Viewer, filter: ListFilterInput | null, first: number, after: string | null): Promise<Page<ApplicationRow>> {
    const limit = Math.min(Math.max(first, 1), 100);
    let branchId: string | null = null;
    if (!hasRole(viewer, 'ADMIN')) {
      branchId = await this.staffBranch(viewer);
      if (!branchId) return { nodes: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: () => Promise.resolve(0) };
    }
    const { rows, total } = await repo.listForStaff(this.deps.db, { branchId, filter: this.listFilter(filter), limit, after: after ? decodeCursor(after) : null });
    return this.page(rows, limit, total, (r) => r.submittedAt ?? r.createdAt);
  }

  private listFilter(f: ListFilterInput | null): repo.ListFilter {
    if (f?.serviceId && !isUuid(f.serviceId)) throw badField('filter.serviceId', 'Услуга не найдена');
    if (f?.search && f.search.length > 200) throw badField('filter.search', 'Не длиннее 200 символов');
    return { statuses: f?.status ?? null, serviceId: f?.serviceId ?? null, search: f?.search ?? null };
  }

  private page(rows: ApplicationRow[], limit: number, total: () => Promise<number>, at: (r: ApplicationRow) => Date): Page<ApplicationRow> {
    const nodes = rows.slice(0, limit);
    const last = nodes.at(-1);
    return { nodes, pageInfo: { hasNextPage: rows.length > limit, endCursor: last ? encodeCursor({ at: at(last), id: last.id }) : null }, totalCount: total };
  }

  // ---------------------------------------------------------------- drafts

  async createDraft(viewer: Viewer, input: DraftInput): Promise<ApplicationRow> {
    const { db, clock } = this.deps;
    const service = await this.serviceFor(input.serviceId, 'input.serviceId');
    if (!service.availableOnline) throw preconditionFailed('Эту услугу можно получить только при личном визите: запишитесь в МФЦ', { rule: 'NOT_AVAILABLE_ONLINE' });
    const user = await this.requireUser(viewer);
    let base: { data: JsonObject; attachmentIds: string[]; branchId: string | null } = { data: {}, attachmentIds: [], branchId: null };
    if (input.fromApplicationId) {
      const earlier = isUuid(input.fromApplicationId) ? await repo.findOwn(db, input.fromApplicationId, viewer.userId) : undefined;
      if (!earlier) throw notFoundField('input.fromApplicationId', 'Заявление');
      if (earlier.serviceId !== service.id) throw badField('input.fromApplicationId', 'Это заявление на другую услугу');
      base = { data: earlier.data, attachmentIds: earlier.attachmentIds, branchId: earlier.branchId };
    }
    const given = this.checkData(input.data, 'input.data');
    const data = prefill(service.applicationForm, await this.prefillSource(user), { ...base.data, ...(given ?? {}) });
    this.checkSize(data, 'input.data');
    const branchId = input.branchId !== undefined && input.branchId !== null ? await this.branchFor(input.branchId, service.id, 'input.branchId') : base.branchId;
    const now = clock.now();
    return db.transaction(async (tx) => {
      const files = await this.deps.documents.ownAttachments(tx, viewer.userId, input.attachmentIds ?? base.attachmentIds, 'input.attachmentIds');
      return repo.insertApplication(tx, {
        userId: viewer.userId,
        serviceId: service.id,
        branchId,
        status: 'DRAFT',
        data,
        attachmentIds: files.map((f) => f.id),
        createdAt: now,
        updatedAt: now,
      });
    });
  }

  /** Saves a draft: given fields replace the current ones (data as a whole); absent ones stay. */
  async updateDraft(viewer: Viewer, id: string, input: ChangeInput): Promise<ApplicationRow> {
    const current = await this.requireOwn(viewer, id);
    if (current.status !== 'DRAFT') throw preconditionFailed('Поданное заявление меняется через amendApplication', { rule: 'NOT_DRAFT' });
    const change = await this.changeOf(viewer, current, input);
    const row = await this.deps.db.transaction(async (tx) => {
      const files = await this.deps.documents.ownAttachments(tx, viewer.userId, change.attachmentIds, 'input.attachmentIds');
      return repo.compareAndSet(tx, current.id, { status: 'DRAFT' }, { data: change.data, branchId: change.branchId, attachmentIds: files.map((f) => f.id), updatedAt: this.deps.clock.now() });
    });
    if (!row) throw conflict('Черновик уже подан или удалён: обновите страницу');
    return row;
  }

  async deleteDraft(viewer: Viewer, id: string): Promise<boolean> {
    const current = await this.requireOwn(viewer, id);
    if (current.status !== 'DRAFT') throw preconditionFailed('Удалить можно только черновик; поданное заявление можно отозвать', { rule: 'NOT_DRAFT' });
    if (!(await repo.deleteDraft(this.deps.db, current.id, viewer.userId))) throw conflict('Черновик уже подан или удалён');
    return true;
  }

  // ---------------------------------------------------------------- checks

  /** Every problem of the application at once: the form field by field, the branch, missing documents. */
  async validate(viewer: Viewer, id: string): Promise<Validation> {
    const row = await this.application(viewer, id);
    if (!row) throw notFound('Заявление');
    return this.check(row, { data: row.data, branchId: row.branchId, attachmentIds: row.attachmentIds });
  }

  private async check(row: ApplicationRow, state: { data: JsonObject; branchId: string | null; attachmentIds: string[] }): Promise<Validation> {
    const { db } = this.deps;
    const [service] = await findServicesByIds(db, [row.serviceId]);
    if (!service) throw notFound('Услуга');
    const issues: FieldProblem[] = [];
    if (service.archivedAt) issues.push({ field: 'serviceId', message: 'Услуга больше не оказывается' });
    issues.push(...validateForm(service.applicationForm, state.data, 'data'));
    if (!state.branchId) issues.push({ field: 'branchId', message: 'Выберите отделение МФЦ, где будет готов результат' });
    else if (!(await branchOffersService(db, state.branchId, service.id))) issues.push({ field: 'branchId', message: 'Выбранное отделение не оказывает эту услугу' });
    const missingDocuments = await this.missingDocuments(row.userId, service, state.attachmentIds.length);
    for (const d of missingDocuments) issues.push({ field: d.kind ? `documents.${d.kind}` : 'attachmentIds', message: `Нужен документ: ${d.title}` });
    return { valid: issues.length === 0, issues, missingDocuments };
  }

  /**
   * Required documents not provided. A document with a kind is provided by a personal document of
   * that kind (not rejected, not expired); one without a kind (a receipt, a medical report) by a
   * scan attached to the application: as many scans as such documents.
   */
  private async missingDocuments(userId: string, service: ServiceRow, attached: number): Promise<RequiredDocumentView[]> {
    const today = localDay(this.deps.clock.now(), DOCUMENTS_TIMEZONE);
    const docs = (await documentsOfUsers(this.deps.db, [userId])).filter((d) => d.verificationStatus !== 'REJECTED' && !isExpired(d.expiresAt, today));
    const kinds = new Set<string>(docs.map((d) => d.kind));
    let scans = attached;
    const missing: RequiredDocumentView[] = [];
    for (const r of service.requiredDocuments) {
      if (r.optional) continue;
      if (r.kind) {
        if (!kinds.has(r.kind)) missing.push({ kind: r.kind, title: r.title, description: r.description ?? null, optional: false });
      } else if (scans > 0) scans -= 1;
      else missing.push({ kind: null, title: r.title, description: r.description ?? null, optional: false });
    }
    return missing;
  }

  // ---------------------------------------------------------------- the citizen's moves

  /**
   * Submits a draft: the account level first (a form cannot fix it), then every check; then in one
   * transaction the number, the due date, version 1, SUBMITTED by the citizen and ACCEPTED by the
   * system, and one message to the citizen.
   */
  async submit(viewer: Viewer, id: string): Promise<ApplicationRow> {
    const { db, clock } = this.deps;
    const current = await this.requireOwn(viewer, id);
    if (current.status !== 'DRAFT') throw preconditionFailed('Заявление уже подано', { rule: 'NOT_DRAFT' });
    const [service] = await findServicesByIds(db, [current.serviceId]);
    const user = await this.requireUser(viewer);
    if (!service) throw notFound('Услуга');
    if (TRUST_ORDER[user.trustLevel] < TRUST_ORDER[service.minTrustLevel]) {
      throw preconditionFailed(`Для этой услуги нужна ${TRUST_WORDS[service.minTrustLevel]} учётная запись: добавьте паспорт и СНИЛС или подтвердите личность в МФЦ`, {
        rule: 'TRUST_LEVEL',
        requiredLevel: service.minTrustLevel,
        currentLevel: user.trustLevel,
      });
    }
    const result = await this.check(current, current);
    if (!result.valid) throw badInput(result.issues, 'Заявление заполнено не полностью: исправьте отмеченные поля');
    const now = clock.now();
    const branchId = current.branchId as string;
    const day = localDay(now, DOCUMENTS_TIMEZONE);
    const dueDate = await this.dueDate(branchId, day, service.processingDays);
    const { row, events } = await db.transaction(async (tx) => {
      const number = applicationNumber(Number(day.slice(0, 4)), await repo.nextNumber(tx, Number(day.slice(0, 4))));
      const submitted = await repo.compareAndSet(tx, current.id, { status: 'DRAFT' }, { status: 'SUBMITTED', number, submittedAt: now, dueDate, updatedAt: now });
      if (!submitted) throw conflict('Заявление уже подано');
      await repo.insertVersion(tx, { applicationId: current.id, version: 1, data: submitted.data, attachmentIds: submitted.attachmentIds, branchId, createdBy: viewer.userId, createdAt: now });
      const first = await repo.insertEvent(tx, { applicationId: current.id, status: 'SUBMITTED', actor: 'CITIZEN', actorId: viewer.userId, at: now });
      const accepted = await repo.compareAndSet(tx, current.id, { status: 'SUBMITTED' }, { status: 'ACCEPTED', updatedAt: now });
      if (!accepted) throw conflict('Заявление изменилось: обновите страницу');
      const second = await repo.insertEvent(tx, { applicationId: current.id, status: 'ACCEPTED', actor: 'SYSTEM', at: new Date(now.getTime() + 1), comment: `Заявлению присвоен номер ${number}. Срок — до ${dueDate.split('-').reverse().join('.')}` });
      await this.tell(tx, accepted, 'application.status', { status: `${STATUS_WORDS.ACCEPTED}, срок до ${dueDate.split('-').reverse().join('.')}`, service: service.title, comment: '' });
      return { row: accepted, events: [first, second] };
    });
    for (const e of events) this.publish(row, e);
    return row;
  }

  async cancel(viewer: Viewer, id: string, reason: string | null | undefined): Promise<ApplicationRow> {
    const current = await this.requireOwn(viewer, id);
    const why = this.comment(reason, 'reason');
    if (!canMove(current.status, 'CANCELLED', 'CITIZEN')) {
      throw preconditionFailed(current.status === 'DRAFT' ? 'Черновик можно просто удалить' : 'Отозвать заявление можно, только пока работа по нему не началась', { rule: 'NOT_CANCELLABLE', status: current.status });
    }
    return this.move(viewer, current, 'CANCELLED', why ?? 'Отозвано заявителем', 'CITIZEN');
  }

  /**
   * A new version of a submitted application (SUBMITTED, ACCEPTED or ACTION_REQUIRED), checked like
   * a submission. From ACTION_REQUIRED it goes back to IN_PROGRESS; otherwise the timeline gets an
   * entry with the same status. Either way the change is announced.
   */
  async amend(viewer: Viewer, id: string, input: ChangeInput): Promise<ApplicationRow> {
    const { db, clock } = this.deps;
    const current = await this.requireOwn(viewer, id);
    if (!AMENDABLE.has(current.status)) throw preconditionFailed('Изменить заявление уже нельзя', { rule: 'NOT_AMENDABLE', status: current.status });
    const change = await this.changeOf(viewer, current, input);
    const result = await this.check(current, change);
    if (!result.valid) throw badInput(result.issues, 'Новая версия заполнена не полностью: исправьте отмеченные поля');
    const now = clock.now();
    const version = current.version + 1;
    const status: ApplicationStatus = current.status === 'ACTION_REQUIRED' ? 'IN_PROGRESS' : current.status;
    const { row, event } = await db.transaction(async (tx) => {
      const files = await this.deps.documents.ownAttachments(tx, viewer.userId, change.attachmentIds, 'input.attachmentIds');
      const updated = await repo.compareAndSet(tx, current.id, { status: current.status, version: current.version }, { status, version, data: change.data, branchId: change.branchId, attachmentIds: files.map((f) => f.id), updatedAt: now });
      if (!updated) throw conflict('Заявление изменилось: обновите страницу и повторите');
      await repo.insertVersion(tx, { applicationId: current.id, version, data: change.data, attachmentIds: files.map((f) => f.id), branchId: change.branchId, createdBy: viewer.userId, createdAt: now });
      const e = await repo.insertEvent(tx, {
        applicationId: current.id,
        status,
        actor: 'CITIZEN',
        actorId: viewer.userId,
        at: now,
        comment: current.status === 'ACTION_REQUIRED' ? `Заявитель внёс исправления: версия ${version}` : `Заявитель изменил заявление: версия ${version}`,
      });
      await this.tell(tx, updated, 'application.amended', { version: String(version) });
      return { row: updated, event: e };
    });
    this.publish(row, event);
    return row;
  }

  async addComment(viewer: Viewer, id: string, text: string): Promise<repo.ApplicationCommentRow> {
    const { db, clock, config } = this.deps;
    const row = await this.application(viewer, id);
    if (!row) throw notFound('Заявление');
    if (row.status === 'DRAFT') throw preconditionFailed('Комментарии — после подачи заявления', { rule: 'NOT_SUBMITTED' });
    const clean = this.comment(text, 'text');
    if (!clean) throw badField('text', 'Напишите комментарий');
    await this.deps.rateLimiter.hit([{ key: `comments:user:${viewer.userId}`, limit: config.RATE_LIMIT_COMMENTS_PER_USER, windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS }]);
    const author = await this.requireUser(viewer);
    const staff = viewer.userId !== row.userId;
    return db.transaction(async (tx) => {
      const comment = await repo.insertComment(tx, {
        applicationId: row.id,
        authorId: viewer.userId,
        authorRole: actorOf(viewer) === 'CITIZEN' ? 'CITIZEN' : actorOf(viewer) === 'ADMIN' ? 'ADMIN' : 'OPERATOR',
        authorName: staff ? `Специалист МФЦ ${author.firstName}` : `${author.lastName} ${author.firstName}`,
        text: clean,
        createdAt: clock.now(),
      });
      if (staff) {
        await this.tell(tx, row, 'application.comment', { text: clean.length > 300 ? `${clean.slice(0, 300)}…` : clean });
      }
      return comment;
    });
  }

  // ---------------------------------------------------------------- the operators' moves

  /**
   * Staff of the application's branch move it along the graph. `expected` is the status the
   * operator saw (defaults to the one read now): the UPDATE only applies while it still holds, so
   * of two operators moving it at once one wins and the other gets CONFLICT.
   */
  async changeStatus(viewer: Viewer, id: string, status: ApplicationStatus, comment: string | null | undefined, expected?: ApplicationStatus | null): Promise<ApplicationRow> {
    if (!isStaff(viewer)) throw notFound('Заявление');
    const current = await this.application(viewer, id);
    if (!current) throw notFound('Заявление');
    const why = this.comment(comment, 'comment');
    const from = expected ?? current.status;
    if (from !== current.status) throw conflict(`Заявление уже в статусе ${current.status}: обновите страницу`, 'expectedStatus');
    const actor = actorOf(viewer);
    if (!canMove(from, status, actor)) throw preconditionFailed(`Переход ${from} → ${status} не разрешён`, { rule: 'TRANSITION_NOT_ALLOWED', from, to: status });
    if (COMMENT_REQUIRED.has(status) && !why) throw badField('comment', status === 'REJECTED' ? 'Укажите причину отказа' : 'Напишите, что нужно представить или исправить');
    return this.move(viewer, current, status, why, actor);
  }

  /** Staff attach the result document (uploaded by them); the applicant can then download it. */
  async attachResult(viewer: Viewer, id: string, attachmentId: string): Promise<ApplicationRow> {
    if (!isStaff(viewer)) throw notFound('Заявление');
    const current = await this.application(viewer, id);
    if (!current) throw notFound('Заявление');
    if (!['IN_PROGRESS', 'READY_FOR_PICKUP', 'COMPLETED'].includes(current.status)) {
      throw preconditionFailed('Результат прикладывают к заявлению в работе или готовому к выдаче', { rule: 'NOT_IN_PROGRESS', status: current.status });
    }
    const { db, clock } = this.deps;
    return db.transaction(async (tx) => {
      const [file] = await this.deps.documents.ownAttachments(tx, viewer.userId, [attachmentId], 'attachmentId');
      const row = await repo.compareAndSet(tx, current.id, { status: current.status }, { resultAttachmentId: file?.id ?? null, updatedAt: clock.now() });
      if (!row) throw conflict('Заявление изменилось: обновите страницу');
      await this.tell(tx, row, 'application.result', {});
      return row;
    });
  }

  /** One status change: compare-and-set, timeline event and notification in one transaction, then published. */
  private async move(viewer: Viewer, current: ApplicationRow, status: ApplicationStatus, comment: string | null, actor: Actor): Promise<ApplicationRow> {
    const { db, clock } = this.deps;
    const now = clock.now();
    const { row, event } = await db.transaction(async (tx) => {
      const updated = await repo.compareAndSet(tx, current.id, { status: current.status }, { status, updatedAt: now });
      if (!updated) throw conflict('Статус заявления уже изменён: обновите страницу');
      const e = await repo.insertEvent(tx, { applicationId: current.id, status, actor, actorId: viewer.userId, comment, at: now });
      const [service] = await findServicesByIds(tx, [updated.serviceId]);
      await this.tell(tx, updated, 'application.status', { status: STATUS_WORDS[status], service: service?.title ?? '', comment: comment ?? '' });
      return { row: updated, event: e };
    });
    this.publish(row, event);
    return row;
  }

  // ---------------------------------------------------------------- helpers

  /** A message to the applicant about their application (channels from their preferences). */
  private async tell<N extends ApplicationTemplate>(tx: Executor, row: ApplicationRow, template: N, vars: Omit<TemplateVars<N>, 'number'>): Promise<void> {
    await this.deps.notifications.notify(tx, {
      userId: row.userId,
      template,
      vars: { number: row.number ?? 'черновик', ...vars },
      subjectType: 'Application',
      subjectId: row.id,
    } as NotifyInput);
  }

  private publish(row: ApplicationRow, e: ApplicationEventRow): void {
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

  /** The due date: `days` working days after the submission day, skipping weekends and the branch's closed days. */
  private async dueDate(branchId: string, day: string, days: number): Promise<string> {
    const horizon = addDays(day, days * 2 + 60);
    const closed = (await exceptionsOf(this.deps.db, [branchId], day, horizon)).filter((e) => e.closed).map((e) => e.date);
    return addWorkingDays(day, days, new Set(closed));
  }

  private async changeOf(viewer: Viewer, current: ApplicationRow, input: ChangeInput): Promise<{ data: JsonObject; branchId: string | null; attachmentIds: string[] }> {
    const data = this.checkData(input.data, 'input.data') ?? current.data;
    this.checkSize(data, 'input.data');
    const branchId = input.branchId != null ? await this.branchFor(input.branchId, current.serviceId, 'input.branchId') : current.branchId;
    const attachmentIds = input.attachmentIds ?? current.attachmentIds;
    // Ownership of the files is checked again inside the write's transaction.
    await this.deps.documents.ownAttachments(this.deps.db, viewer.userId, attachmentIds, 'input.attachmentIds');
    return { data, branchId, attachmentIds };
  }

  private checkData(data: unknown, field: string): JsonObject | null {
    if (data === undefined || data === null) return null;
    if (typeof data !== 'object' || Array.isArray(data)) throw badField(field, 'Данные заявления — объект с полями формы');
    return data as JsonObject;
  }

  private checkSize(data: JsonObject, field: string): void {
    const max = this.deps.config.APPLICATION_DATA_MAX_BYTES;
    if (Buffer.byteLength(JSON.stringify(data)) > max) throw badField(field, `Данные заявления больше ${Math.floor(max / 1024)} КБ`);
  }

  private comment(text: string | null | undefined, field: string): string | null {
    const clean = text?.trim() || null;
    const max = this.deps.config.APPLICATION_COMMENT_MAX_LENGTH;
    if (clean && clean.length > max) throw badField(field, `Не длиннее ${max} символов`);
    return clean;
  }

  private async serviceFor(id: string, field: string): Promise<ServiceRow> {
    const [service] = isUuid(id) ? await findServicesByIds(this.deps.db, [id]) : [];
    if (!service || service.archivedAt) throw notFoundField(field, 'Услуга');
    return service;
  }

  private async branchFor(id: string, serviceId: string, field: string): Promise<string> {
    const [branch] = isUuid(id) ? await findBranchesByIds(this.deps.db, [id]) : [];
    if (!branch) throw notFoundField(field, 'Отделение');
    if (!(await branchOffersService(this.deps.db, branch.id, serviceId))) throw badField(field, 'Выбранное отделение не оказывает эту услугу');
    return branch.id;
  }

  private async requireOwn(viewer: Viewer, id: string): Promise<ApplicationRow> {
    const row = isUuid(id) ? await repo.findOwn(this.deps.db, id, viewer.userId) : undefined;
    if (!row) throw notFound('Заявление');
    return row;
  }

  private async requireUser(viewer: Viewer): Promise<UserRow> {
    const user = await findUserById(this.deps.db, viewer.userId);
    if (!user) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Учётная запись не найдена');
    return user;
  }

  private async prefillSource(user: UserRow): Promise<PrefillSource> {
    const passport = (await documentsOfUsers(this.deps.db, [user.id])).find((d) => d.kind === 'PASSPORT_RF' && d.verificationStatus !== 'REJECTED');
    return {
      lastName: user.lastName,
      firstName: user.firstName,
      middleName: user.middleName,
      birthDate: user.birthDate,
      snils: user.snils,
      inn: user.inn,
      registrationAddress: user.registrationAddress,
      residentialAddress: user.residentialAddress,
      phone: user.phone,
      email: user.email && user.emailVerified ? user.email : null,
      passportSeries: passport?.series ?? null,
      passportNumber: passport?.number ?? null,
      passportIssuedBy: passport?.issuedBy ?? null,
      passportIssuedAt: passport?.issuedAt ?? null,
    };
  }
}
