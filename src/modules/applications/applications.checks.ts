/**
 * The checks an application passes: its form data against the service's JSON Schema (shared
 * rule), the branch (it must offer the service), the required documents, the size of the data and
 * of comments; and the service and branch an input names. Used by drafts, submission and
 * amendments alike, so a draft, a submission and a new version are judged the same way.
 */
import type { Executor } from '../../db/client.js';
import { badField, notFound, preconditionFailed, type FieldProblem } from '../../shared/errors.js';
import type { DependantView } from '../../shared/dependants.js';
import { localDay } from '../../shared/days.js';
import { validateForm } from '../../shared/forms/form-schema.js';
import { isUuid } from '../../shared/ids.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import type { UserRow } from '../accounts/index.js';
import type { ServiceRow } from '../catalog/index.js';
import { DOCUMENTS_TIMEZONE, isExpired, notFoundField } from '../documents/index.js';
import type { ApplicationsDeps, ApplicationState, JsonObject } from './applications.deps.js';
import type { ApplicationRow } from './applications.repository.js';
import { missingAsProblems, missingDocuments, prefillSourceOf, prefillSourceOfDependant, type PrefillSource, type RequiredDocumentView } from './applications.rules.js';

export interface Validation {
  valid: boolean;
  issues: FieldProblem[];
  missingDocuments: RequiredDocumentView[];
}

export interface ChangeInput {
  data?: JsonObject | null;
  branchId?: string | null;
  attachmentIds?: string[] | null;
}

export class ApplicationChecks {
  constructor(private readonly deps: ApplicationsDeps) {}

  /** Every problem of the application in `state` at once: the form field by field, the branch, missing documents. */
  async check(row: ApplicationRow, state: ApplicationState): Promise<Validation> {
    const { catalog } = this.deps;
    const [service] = await catalog.servicesByIds([row.serviceId]);
    if (!service) throw notFound('Услуга');
    const issues: FieldProblem[] = [];
    if (service.archivedAt) issues.push({ field: 'serviceId', message: 'Услуга больше не оказывается' });
    issues.push(...validateForm(service.applicationForm, state.data, 'data'));
    if (!state.branchId) issues.push({ field: 'branchId', message: 'Выберите отделение МФЦ, где будет готов результат' });
    else if (!(await catalog.branchOffersService(state.branchId, service.id))) issues.push({ field: 'branchId', message: 'Выбранное отделение не оказывает эту услугу' });
    const missing = await this.missingDocuments(row, service, state.attachmentIds.length);
    issues.push(...missingAsProblems(missing));
    return { valid: issues.length === 0, issues, missingDocuments: missing };
  }

  /** Required documents the applicant (and, acting for a dependant, the dependant) has neither as a valid personal document nor as a scan. */
  private async missingDocuments(row: { userId: string; forDependantId: string | null }, service: ServiceRow, attached: number): Promise<RequiredDocumentView[]> {
    const today = localDay(this.deps.clock.now(), DOCUMENTS_TIMEZONE);
    const own = await this.deps.documents.documentsOfUsers([row.userId]);
    const dependants = row.forDependantId ? await this.deps.dependants.documentsOf(row.forDependantId) : [];
    const docs = [...own, ...dependants].filter((d) => d.verificationStatus !== 'REJECTED' && !isExpired(d.expiresAt, today));
    return missingDocuments(service.requiredDocuments, new Set<string>(docs.map((d) => d.kind)), attached);
  }

  /** The new state of an application from a change: given fields replace the current ones. */
  async changeOf(viewer: Viewer, current: ApplicationRow, input: ChangeInput): Promise<ApplicationState> {
    const data = this.checkData(input.data, 'input.data') ?? current.data;
    this.checkSize(data, 'input.data');
    const branchId = input.branchId != null ? await this.branchFor(input.branchId, current.serviceId, 'input.branchId') : current.branchId;
    const attachmentIds = input.attachmentIds ?? current.attachmentIds;
    // Ownership of the files is checked again inside the write's transaction.
    await this.deps.attachments.ownAttachments(this.deps.db, viewer.userId, attachmentIds, 'input.attachmentIds');
    return { data, branchId, attachmentIds };
  }

  /** The ids of the caller's own files named by `ids`, checked inside `tx`. */
  async ownFiles(tx: Executor, viewer: Viewer, ids: readonly string[], field: string): Promise<string[]> {
    return (await this.deps.attachments.ownAttachments(tx, viewer.userId, ids, field)).map((f) => f.id);
  }

  checkData(data: unknown, field: string): JsonObject | null {
    if (data === undefined || data === null) return null;
    if (typeof data !== 'object' || Array.isArray(data)) throw badField(field, 'Данные заявления — объект с полями формы');
    return data as JsonObject;
  }

  checkSize(data: JsonObject, field: string): void {
    const max = this.deps.config.APPLICATION_DATA_MAX_BYTES;
    if (Buffer.byteLength(JSON.stringify(data)) > max) throw badField(field, `Данные заявления больше ${Math.floor(max / 1024)} КБ`);
  }

  /** A comment trimmed (null when empty), at most APPLICATION_COMMENT_MAX_LENGTH characters. */
  comment(text: string | null | undefined, field: string): string | null {
    const clean = text?.trim() || null;
    const max = this.deps.config.APPLICATION_COMMENT_MAX_LENGTH;
    if (clean && clean.length > max) throw badField(field, `Не длиннее ${max} символов`);
    return clean;
  }

  /** An active service by id, or NOT_FOUND on `field`. */
  async serviceFor(id: string, field: string): Promise<ServiceRow> {
    const [service] = isUuid(id) ? await this.deps.catalog.servicesByIds([id]) : [];
    if (!service || service.archivedAt) throw notFoundField(field, 'Услуга');
    return service;
  }

  /** A branch by id that offers the service, or the problem on `field`. */
  async branchFor(id: string, serviceId: string, field: string): Promise<string> {
    const [branch] = isUuid(id) ? await this.deps.branches.branchesByIds([id]) : [];
    if (!branch) throw notFoundField(field, 'Отделение');
    if (!(await this.deps.catalog.branchOffersService(branch.id, serviceId))) throw badField(field, 'Выбранное отделение не оказывает эту услугу');
    return branch.id;
  }

  /** The profile and passport values a new draft is prefilled with. */
  async prefillSource(user: UserRow): Promise<PrefillSource> {
    const passport = (await this.deps.documents.documentsOfUsers([user.id])).find((d) => d.kind === 'PASSPORT_RF' && d.verificationStatus !== 'REJECTED');
    return prefillSourceOf(user, passport);
  }

  /** A dependant's values (the applicant's fields of a draft made for them). */
  async dependantPrefill(dependant: DependantView): Promise<PrefillSource> {
    const passport = (await this.deps.dependants.documentsOf(dependant.id)).find((d) => d.kind === 'PASSPORT_RF' && d.verificationStatus !== 'REJECTED');
    return prefillSourceOfDependant(dependant, passport);
  }

  /**
   * The caller's dependant an application is for: NOT_FOUND on `field` for another citizen's (or
   * one who left the account); PRECONDITION_FAILED (rule DEPENDANT_NOT_VERIFIED) until an operator
   * has verified the dependant's document (bookings need no such check).
   */
  async verifiedDependant(parentId: string, dependantId: string, field: string): Promise<DependantView> {
    const dependant = await this.deps.dependants.ownActive(parentId, dependantId);
    if (!dependant) throw notFoundField(field, 'Член семьи');
    if (dependant.verification !== 'VERIFIED') {
      throw preconditionFailed('Заявление за члена семьи можно подать после проверки его документа оператором МФЦ', { rule: 'DEPENDANT_NOT_VERIFIED', field, verification: dependant.verification });
    }
    return dependant;
  }
}
