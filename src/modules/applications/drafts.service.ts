/**
 * The citizen's drafts: created for a service available online (prefilled from the profile, or
 * copied from an earlier application of the same service), saved as often as wanted, deleted.
 * Only the applicant touches a draft; staff never see one.
 */
import { badField, conflict, preconditionFailed } from '../../shared/errors.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import { isUuid } from '../../shared/ids.js';
import { notFoundField } from '../documents/index.js';
import type { ApplicationAccess } from './applications.access.js';
import type { ApplicationChecks, ChangeInput } from './applications.checks.js';
import type { ApplicationsDeps, ApplicationState, JsonObject } from './applications.deps.js';
import * as repo from './applications.repository.js';
import type { ApplicationRow } from './applications.repository.js';
import { prefill, prefillForDependant } from './applications.rules.js';

export interface DraftInput {
  serviceId: string;
  data?: JsonObject | null;
  branchId?: string | null;
  attachmentIds?: string[] | null;
  fromApplicationId?: string | null;
  /** For the caller's dependant (verified): the applicant's fields from the dependant, the representative's from the caller. */
  forDependantId?: string | null;
}

export class ApplicationDrafts {
  constructor(
    private readonly deps: Pick<ApplicationsDeps, 'db' | 'clock'>,
    private readonly access: ApplicationAccess,
    private readonly checks: ApplicationChecks,
  ) {}

  async createDraft(viewer: Viewer, input: DraftInput): Promise<ApplicationRow> {
    const { db, clock } = this.deps;
    const service = await this.checks.serviceFor(input.serviceId, 'input.serviceId');
    if (!service.availableOnline) throw preconditionFailed('Эту услугу можно получить только при личном визите: запишитесь в МФЦ', { rule: 'NOT_AVAILABLE_ONLINE' });
    const user = await this.access.requireUser(viewer);
    const dependant = input.forDependantId ? await this.checks.verifiedDependant(viewer.userId, input.forDependantId, 'input.forDependantId') : null;
    const base = await this.startingPoint(viewer, input.fromApplicationId, service.id);
    const given = { ...base.data, ...(this.checks.checkData(input.data, 'input.data') ?? {}) };
    const own = await this.checks.prefillSource(user);
    const data = dependant ? prefillForDependant(service.applicationForm, await this.checks.dependantPrefill(dependant), own, given) : prefill(service.applicationForm, own, given);
    this.checks.checkSize(data, 'input.data');
    const branchId = input.branchId !== undefined && input.branchId !== null ? await this.checks.branchFor(input.branchId, service.id, 'input.branchId') : base.branchId;
    const now = clock.now();
    return db.transaction(async (tx) => {
      const attachmentIds = await this.checks.ownFiles(tx, viewer, input.attachmentIds ?? base.attachmentIds, 'input.attachmentIds');
      return repo.insertApplication(tx, { userId: viewer.userId, forDependantId: dependant?.id ?? null, serviceId: service.id, branchId, status: 'DRAFT', data, attachmentIds, createdAt: now, updatedAt: now });
    });
  }

  /** Saves a draft: given fields replace the current ones (data as a whole); absent ones stay. */
  async updateDraft(viewer: Viewer, id: string, input: ChangeInput): Promise<ApplicationRow> {
    const current = await this.access.requireOwn(viewer, id);
    if (current.status !== 'DRAFT') throw preconditionFailed('Поданное заявление меняется через amendApplication', { rule: 'NOT_DRAFT' });
    const change = await this.checks.changeOf(viewer, current, input);
    const row = await this.deps.db.transaction(async (tx) => {
      const attachmentIds = await this.checks.ownFiles(tx, viewer, change.attachmentIds, 'input.attachmentIds');
      return repo.compareAndSet(tx, current.id, { status: 'DRAFT' }, { data: change.data, branchId: change.branchId, attachmentIds, updatedAt: this.deps.clock.now() });
    });
    if (!row) throw conflict('Черновик уже подан или удалён: обновите страницу');
    return row;
  }

  async deleteDraft(viewer: Viewer, id: string): Promise<boolean> {
    const current = await this.access.requireOwn(viewer, id);
    if (current.status !== 'DRAFT') throw preconditionFailed('Удалить можно только черновик; поданное заявление можно отозвать', { rule: 'NOT_DRAFT' });
    if (!(await repo.deleteDraft(this.deps.db, current.id, viewer.userId))) throw conflict('Черновик уже подан или удалён');
    return true;
  }

  /** What a new draft starts from: nothing, or the caller's earlier application of the same service. */
  private async startingPoint(viewer: Viewer, fromApplicationId: string | null | undefined, serviceId: string): Promise<ApplicationState> {
    if (!fromApplicationId) return { data: {}, attachmentIds: [], branchId: null };
    const earlier = isUuid(fromApplicationId) ? await repo.findOwn(this.deps.db, fromApplicationId, viewer.userId) : undefined;
    if (!earlier) throw notFoundField('input.fromApplicationId', 'Заявление');
    if (earlier.serviceId !== serviceId) throw badField('input.fromApplicationId', 'Это заявление на другую услугу');
    return { data: earlier.data, attachmentIds: earlier.attachmentIds, branchId: earlier.branchId };
  }
}
