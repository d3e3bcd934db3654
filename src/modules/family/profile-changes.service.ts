/**
 * Profile changes by request: a citizen asks to change their name, birth date or passport with
 * scans; one request may be open at a time (a partial unique index decides races). Operators of a
 * branch where the citizen has business (and admins) list and review them; approval applies the
 * whole change in one transaction (names and birth date written by accounts, the passport replaced
 * with the old kept as history by documents, the trust level recomputed, the journal written, the
 * citizen told). Rejection needs a reason. Another citizen's request is NOT_FOUND.
 */
import { badField, badInput, conflict, notFound } from '../../shared/errors.js';
import { isStaff, type Viewer } from '../../shared/auth/viewer.js';
import { localDay } from '../../shared/days.js';
import { isUuid } from '../../shared/ids.js';
import { decodeCursor, encodeCursor } from '../../shared/pagination.js';
import { DOCUMENTS_TIMEZONE, type DocumentRow, type DocumentValues } from '../documents/index.js';
import type { Executor, FamilyDeps } from './family.deps.js';
import type { ChangeRequestRow } from './family.repository.js';
import { changeRequestSigningText, checkProfileChange, checkVerdict } from './family.rules.js';

export interface ProfileChangeEntry {
  lastName?: string | null;
  firstName?: string | null;
  middleName?: string | null;
  birthDate?: string | null;
  passport?: DocumentValues | null;
  attachmentIds: string[];
  comment?: string | null;
}

export interface ChangeRequestPage {
  nodes: ChangeRequestRow[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: () => Promise<number>;
}

const REQUEST = 'Запрос на изменение данных';
const OPEN_EXISTS = 'У вас уже есть запрос на изменение данных на рассмотрении: дождитесь ответа оператора';

export class ProfileChangesService {
  constructor(private readonly deps: FamilyDeps) {}

  async request(viewer: Viewer, input: ProfileChangeEntry): Promise<ChangeRequestRow> {
    const { db, clock, repo } = this.deps;
    const today = localDay(clock.now(), DOCUMENTS_TIMEZONE);
    const { value, problems } = checkProfileChange({ ...input, hasPassport: !!input.passport }, today);
    if (input.passport) {
      if (input.passport.kind !== 'PASSPORT_RF') problems.push({ field: 'input.passport.kind', message: 'Изменить можно паспорт гражданина РФ (PASSPORT_RF)' });
      problems.push(...this.deps.documents.check(input.passport, 'input.passport').problems);
    }
    if (problems.length > 0) throw badInput(problems);
    if (await repo.openRequestOf(db, viewer.userId)) throw conflict(OPEN_EXISTS, 'input');
    const created = await db.transaction(async (tx) => {
      const files = await this.deps.attachments.ownAttachments(tx, viewer.userId, input.attachmentIds, 'input.attachmentIds');
      const ids = files.map((f) => f.id);
      const passport = input.passport ? await this.deps.documents.proposePassport(tx, viewer.userId, input.passport, ids, 'input.passport') : null;
      const row = await repo.insertChangeRequest(tx, { userId: viewer.userId, ...value, passportDocumentId: passport?.id ?? null, attachmentIds: ids, createdAt: clock.now() });
      // The open request another tab made at the same moment wins; this transaction (and its proposed passport) rolls back.
      if (row === 'OPEN_EXISTS') throw conflict(OPEN_EXISTS, 'input');
      return row;
    });
    return created;
  }

  myRequests(viewer: Viewer): Promise<ChangeRequestRow[]> {
    return this.deps.repo.requestsOf(this.deps.db, viewer.userId);
  }

  /** node(id): the citizen's own request, or one staff may see; null otherwise. */
  async find(viewer: Viewer, id: string): Promise<ChangeRequestRow | null> {
    const row = isUuid(id) ? await this.deps.repo.findRequest(this.deps.db, id) : undefined;
    if (!row) return null;
    if (row.userId === viewer.userId) return row;
    return isStaff(viewer) && (await this.deps.staffAccess.canSeeCitizen(viewer, row.userId)) ? row : null;
  }

  /** The canonical text of a request the viewer may see: what an electronic signature of it covers (version 1). */
  async signable(viewer: Viewer, id: string): Promise<{ ownerId: string; version: number; text: string } | null> {
    const row = await this.find(viewer, id);
    return row ? { ownerId: row.userId, version: 1, text: changeRequestSigningText(row) } : null;
  }

  /** The request's proposed passport, for a row the caller already scoped. */
  passportOf(row: { passportDocumentId: string | null }): Promise<DocumentRow | null> {
    return row.passportDocumentId ? this.deps.documents.byId(row.passportDocumentId, this.deps.db) : Promise.resolve(null);
  }

  /** Staff: open requests oldest first (operators: of citizens with business at their branch). */
  async toReview(viewer: Viewer, first: number, after: string | null | undefined): Promise<ChangeRequestPage> {
    const empty: ChangeRequestPage = { nodes: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: () => Promise.resolve(0) };
    if (!isStaff(viewer)) return empty;
    const scope = await this.deps.staffAccess.scope(viewer);
    if (!scope.all && scope.citizenIds.length === 0) return empty;
    const userIds = scope.all ? undefined : scope.citizenIds;
    const limit = Math.min(Math.max(first, 1), 100);
    const rows = await this.deps.repo.pendingRequests(this.deps.db, { limit: limit + 1, after: after ? decodeCursor(after) : null, userIds });
    const nodes = rows.slice(0, limit);
    const last = nodes.at(-1);
    await this.deps.staffAccess.record(viewer, nodes.map((r) => ({ citizenId: r.userId, action: 'VIEW_PROFILE_CHANGE', subject: 'запрос на изменение данных' })));
    return {
      nodes,
      pageInfo: { hasNextPage: rows.length > limit, endCursor: last ? encodeCursor({ at: last.createdAt, id: last.id }) : null },
      totalCount: () => this.deps.repo.countPending(this.deps.db, userIds),
    };
  }

  /** Operators and admins: approve (the change applied in this one transaction) or reject with a reason. Two at once: one wins, the other CONFLICT. */
  async review(viewer: Viewer, id: string, status: string, reason: string | null | undefined): Promise<ChangeRequestRow> {
    if (!isStaff(viewer)) throw notFound(REQUEST);
    const { verdict, why, problem } = checkVerdict(status, reason);
    if (problem || !verdict) throw badField(problem?.field ?? 'status', problem?.message ?? 'Результат проверки — VERIFIED или REJECTED');
    const current = await this.find(viewer, id);
    if (!current) throw notFound(REQUEST);
    if (current.status !== 'PENDING') throw conflict('Запрос уже рассмотрен', 'id');
    return this.deps.db.transaction(async (tx) => {
      const row = await this.deps.repo.settleRequest(tx, current.id, { status: verdict, reason: why, reviewedBy: viewer.userId, reviewedAt: this.deps.clock.now() });
      if (!row) throw conflict('Запрос уже рассмотрен другим оператором', 'id');
      await this.deps.staffAccess.record(viewer, [{ citizenId: row.userId, action: 'REVIEW_PROFILE_CHANGE', subject: 'запрос на изменение данных' }], tx);
      if (verdict === 'VERIFIED') await this.apply(tx, row, viewer.userId);
      else if (row.passportDocumentId) await this.deps.documents.rejectPassport(tx, row.passportDocumentId, why ?? '', viewer.userId);
      await this.deps.notifications.notify(tx, {
        userId: row.userId,
        template: verdict === 'VERIFIED' ? 'profile.change_approved' : 'profile.change_rejected',
        vars: { reason: why ?? '' },
        subjectType: 'ProfileChangeRequest',
        subjectId: row.id,
      });
      return row;
    });
  }

  /** Approval: names and birth date (accounts, journalled), the passport (documents: old to history), the trust level. */
  private async apply(tx: Executor, row: ChangeRequestRow, reviewerId: string): Promise<void> {
    await this.deps.accountWrites.applyApprovedChange(tx, row.userId, row, { requestId: row.id, reviewerId });
    if (row.passportDocumentId) await this.deps.documents.applyPassport(tx, row.userId, row.passportDocumentId, reviewerId);
    else await this.deps.documents.recomputeTrust(tx, row.userId);
  }
}
