/**
 * Dependants: a citizen's children under 18 and wards, each with the document that proves the
 * relation (a dependant's personal document, kept by the documents module). The parent adds,
 * corrects and removes them; operators of a branch where the parent has business (and admins)
 * review the document. Another citizen's dependant is NOT_FOUND everywhere, never FORBIDDEN.
 */
import { badField, badInput, notFound } from '../../shared/errors.js';
import { isStaff, type Viewer } from '../../shared/auth/viewer.js';
import { localDay } from '../../shared/days.js';
import { isUuid } from '../../shared/ids.js';
import { DOCUMENTS_TIMEZONE, type DocumentRow, type DocumentValues } from '../documents/index.js';
import type { Executor, FamilyDeps } from './family.deps.js';
import type { DependantRow } from './family.repository.js';
import { PROOF_KIND, PROOF_KINDS, checkDependant, checkVerdict, fullName, type Relation } from './family.rules.js';

export interface DependantEntry {
  lastName: string;
  firstName: string;
  middleName?: string | null;
  birthDate: string;
  relation: Relation;
  snils?: string | null;
  document: DocumentValues;
}

const DEPENDANT = 'Член семьи';

export class DependantsService {
  constructor(private readonly deps: FamilyDeps) {}

  private today(): string {
    return localDay(this.deps.clock.now(), DOCUMENTS_TIMEZONE);
  }

  // ---------------------------------------------------------------- reading

  myDependants(viewer: Viewer): Promise<DependantRow[]> {
    return this.deps.repo.activeOfParents(this.deps.db, [viewer.userId]);
  }

  /** A user's dependants as the viewer may see them: their own, or a citizen's the privacy rule lets staff see. */
  async dependantsOf(viewer: Viewer, userId: string): Promise<DependantRow[]> {
    if (viewer.userId === userId) return this.myDependants(viewer);
    if (!isStaff(viewer) || !(await this.deps.staffAccess.canSeeCitizen(viewer, userId))) return [];
    const rows = await this.deps.repo.activeOfParents(this.deps.db, [userId]);
    await this.deps.staffAccess.record(viewer, rows.map((r) => ({ citizenId: r.parentId, action: 'VIEW_DEPENDANT', subject: 'член семьи' })));
    return rows;
  }

  /** node(id) and relation fields: the parent's own (history included), or one staff may see; null otherwise. */
  async dependant(viewer: Viewer, id: string): Promise<DependantRow | null> {
    const row = isUuid(id) ? await this.deps.repo.findById(this.deps.db, id) : undefined;
    if (!row) return null;
    if (row.parentId === viewer.userId) return row;
    if (!isStaff(viewer) || !(await this.deps.staffAccess.canSeeCitizen(viewer, row.parentId))) return null;
    await this.deps.staffAccess.record(viewer, [{ citizenId: row.parentId, action: 'VIEW_DEPENDANT', subject: 'член семьи' }]);
    return row;
  }

  /** The dependants' documents in force, for rows the caller already scoped. */
  documentsOf(dependantIds: readonly string[]): Promise<DocumentRow[]> {
    return this.deps.documents.ofDependants(dependantIds, this.deps.db);
  }

  /** Staff: dependants whose document waits for review, oldest first (operators: of parents with business at their branch). */
  async toReview(viewer: Viewer, first: number): Promise<DependantRow[]> {
    if (!isStaff(viewer)) return [];
    const scope = await this.deps.staffAccess.scope(viewer);
    if (!scope.all && scope.citizenIds.length === 0) return [];
    return this.deps.repo.pendingReview(this.deps.db, Math.min(Math.max(first, 1), 200), scope.all ? undefined : scope.citizenIds);
  }

  // ---------------------------------------------------------------- for other modules (ports)

  /** The parent's dependant still in the account, or null (another citizen's looks the same). */
  async ownActive(parentId: string, dependantId: string, tx: Executor = this.deps.db): Promise<DependantRow | null> {
    if (!isUuid(dependantId)) return null;
    return (await this.deps.repo.findOwnActive(tx, dependantId, parentId)) ?? null;
  }

  // ---------------------------------------------------------------- the parent's edits

  async add(viewer: Viewer, input: DependantEntry): Promise<DependantRow> {
    const value = this.checked(input);
    const now = this.deps.clock.now();
    return this.deps.db.transaction(async (tx) => {
      const row = await this.deps.repo.insertDependant(tx, { parentId: viewer.userId, ...value, createdAt: now, updatedAt: now });
      const doc = await this.deps.documents.addForDependant(tx, viewer.userId, row.id, input.document, 'input.document');
      return this.deps.repo.updateDependant(tx, row.id, { verification: doc.verificationStatus });
    });
  }

  /** Corrects a dependant and its document; both go back to review. The relation stays. */
  async update(viewer: Viewer, id: string, input: DependantEntry): Promise<DependantRow> {
    const current = await this.ownActive(viewer.userId, id);
    if (!current) throw notFound(DEPENDANT);
    if (input.relation !== current.relation) throw badField('input.relation', 'Кем приходится член семьи, изменить нельзя: удалите его и добавьте заново');
    const value = this.checked(input);
    return this.deps.db.transaction(async (tx) => {
      const doc = await this.deps.documents.replaceForDependant(tx, viewer.userId, current.id, input.document, 'input.document');
      return this.deps.repo.updateDependant(tx, current.id, { ...value, verification: doc.verificationStatus, rejectionReason: null, reviewedBy: null, reviewedAt: null, updatedAt: this.deps.clock.now() });
    });
  }

  /** The dependant leaves the account; bookings and applications made for them keep it as history. */
  async remove(viewer: Viewer, id: string): Promise<boolean> {
    if (!isUuid(id) || !(await this.deps.repo.markRemoved(this.deps.db, id, viewer.userId, this.deps.clock.now()))) throw notFound(DEPENDANT);
    return true;
  }

  private checked(input: DependantEntry) {
    const today = this.today();
    const { value, problems } = checkDependant({ ...input, document: { kind: input.document.kind, issuedAt: input.document.issuedAt } }, today);
    problems.push(...this.deps.documents.check(input.document, 'input.document').problems);
    if (problems.length > 0) throw badInput(problems);
    return value;
  }

  // ---------------------------------------------------------------- operators

  /** Operators and admins: the result of checking the dependant's document; the parent is told either way. */
  async review(viewer: Viewer, id: string, status: string, reason: string | null | undefined): Promise<DependantRow> {
    if (!isStaff(viewer)) throw notFound(DEPENDANT);
    const { verdict, why, problem } = checkVerdict(status, reason);
    if (problem || !verdict) throw badField(problem?.field ?? 'status', problem?.message ?? 'Результат проверки — VERIFIED или REJECTED');
    const current = await this.dependant(viewer, id);
    if (!current || current.leftAt) throw notFound(DEPENDANT);
    const now = this.deps.clock.now();
    return this.deps.db.transaction(async (tx) => {
      const proof = PROOF_KIND[current.relation];
      await this.deps.staffAccess.record(viewer, [{ citizenId: current.parentId, action: 'REVIEW_DOCUMENT', subject: proof === 'BIRTH_CERTIFICATE' ? 'Свидетельство о рождении' : 'Решение об установлении опеки' }], tx);
      await this.deps.documents.markReviewed(tx, current.id, PROOF_KINDS, { status: verdict, reason: why, reviewerId: viewer.userId });
      const row = await this.deps.repo.updateDependant(tx, current.id, { verification: verdict, rejectionReason: verdict === 'REJECTED' ? why : null, reviewedBy: viewer.userId, reviewedAt: now, updatedAt: now });
      await this.deps.notifications.notify(tx, {
        userId: row.parentId,
        template: verdict === 'VERIFIED' ? 'family.dependant_verified' : 'family.dependant_rejected',
        vars: { name: fullName(row), reason: why ?? '' },
        subjectType: 'Dependant',
        subjectId: row.id,
      });
      return row;
    });
  }
}
