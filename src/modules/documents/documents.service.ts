/**
 * Personal documents. A citizen keeps their own documents (checked on entry by
 * documents.rules.ts); operators review them; a passport RF and a SNILS raise the account to
 * STANDARD, and a SNILS or INN fills the profile (both writes belong to accounts and go through
 * its door, AccountDocuments). Another person's document is NOT_FOUND, never FORBIDDEN: ids cannot
 * be probed. Files are attachments.service.ts.
 */
import type { Config } from '../../config/env.js';
import type { Database, Executor } from '../../db/client.js';
import { badField, badInput, conflict, notFound } from '../../shared/errors.js';
import { addDays, localDay } from '../../shared/days.js';
import { isStaff, type Viewer } from '../../shared/auth/viewer.js';
import type { Clock } from '../../shared/clock.js';
import { isUuid } from '../../shared/ids.js';
import type { AccountDocuments, AccountsDirectory, VerifiedIdentifiers } from '../accounts/index.js';
import type { NotificationsService } from '../notifications/index.js';
import type { AttachmentsService } from './attachments.service.js';
import * as repo from './documents.repository.js';
import type { DocumentRow, PersonalDocumentsRepository } from './documents.repository.js';
import type { StaffAccess } from '../../shared/staff-access.js';
import { notFoundField } from './documents.errors.js';
import { DOCUMENTS_TIMEZONE, DOCUMENT_TITLES, SINGLE_INSTANCE_KINDS, checkDocument, checkReview, identifierKind, ruDate, statusOnEntry, type DocumentFields } from './documents.rules.js';

export interface DocumentInput extends DocumentFields {
  attachmentIds?: string[] | null;
  /** A dependant's document (the parent enters it). */
  dependantId?: string | null;
}

/** The family module's answer: whether a dependant is the parent's and still in the account (a port; src/app.ts wires it). */
export interface DependantOwnership {
  isOwnActive(parentId: string, dependantId: string, tx: Executor): Promise<boolean>;
}

export interface DocumentsDeps {
  config: Config;
  db: Database;
  clock: Clock;
  notifications: NotificationsService;
  attachments: AttachmentsService;
  /** Users as accounts shows them (the owner's SNILS for the trust level). */
  accounts: AccountsDirectory;
  /** The profile and trust-level writes documents cause, owned by accounts. */
  accountDocuments: AccountDocuments;
  identifiers: VerifiedIdentifiers;
  /** Personal documents, series and numbers sealed at rest. */
  personalDocuments: PersonalDocumentsRepository;
  /** Which citizens a staff member may see, and the record of what they saw. */
  staffAccess: StaffAccess;
  /** Whose dependants are whose (for DocumentInput.dependantId). */
  dependants: DependantOwnership;
}

const NO_META = { ip: null, userAgent: null };
/** A dependant's documents that prove the relation: reviewed with the dependant (the family module), not here. */
const DEPENDANT_PROOF_KINDS: ReadonlySet<string> = new Set(['BIRTH_CERTIFICATE', 'GUARDIANSHIP_DECISION']);
/** Documents claimed and reminded per transaction by the expiry job. */
const REMIND_BATCH = 200;

/**
 * A passport an operator verified is the account's identity: it is replaced only through a profile
 * change request with scans (requestProfileChange), which an operator approves, keeping the old one
 * as history. Editing or deleting it directly would let the profile's passport data change under a
 * confirmed identity.
 */
const VERIFIED_PASSPORT_BY_REQUEST = 'Проверенный паспорт меняют по запросу со сканами (requestProfileChange): оператор проверит его и заменит, прежний останется в истории';
const isVerifiedOwnPassport = (d: { kind: string; dependantId: string | null; verificationStatus: string }) => d.kind === 'PASSPORT_RF' && d.dependantId === null && d.verificationStatus === 'VERIFIED';

export class DocumentsService {
  constructor(private readonly deps: DocumentsDeps) {}

  private today(): string {
    return localDay(this.deps.clock.now(), DOCUMENTS_TIMEZONE);
  }

  get reminderDays(): number {
    return this.deps.config.DOCUMENT_EXPIRY_REMINDER_DAYS;
  }

  // ---------------------------------------------------------------- reading

  /** Staff: documents with scans waiting for review, oldest first (operators: of citizens with business at their branch). */
  async toReview(viewer: Viewer, first: number): Promise<DocumentRow[]> {
    if (!isStaff(viewer)) return [];
    const scope = await this.deps.staffAccess.scope(viewer);
    if (!scope.all && scope.citizenIds.length === 0) return [];
    const rows = await this.deps.personalDocuments.pendingReview(this.deps.db, Math.min(Math.max(first, 1), 200), scope.all ? undefined : scope.citizenIds);
    await this.recordViews(viewer, rows);
    return rows;
  }

  myDocuments(viewer: Viewer): Promise<DocumentRow[]> {
    return this.deps.personalDocuments.documentsOfUsers(this.deps.db, [viewer.userId]);
  }

  /** Documents of a user as the viewer may see them: their own, or a citizen's the privacy rule lets staff see; none otherwise. */
  async documentsOf(viewer: Viewer, userId: string): Promise<DocumentRow[]> {
    if (viewer.userId === userId) return this.deps.personalDocuments.documentsOfUsers(this.deps.db, [userId]);
    if (!isStaff(viewer) || !(await this.deps.staffAccess.canSeeCitizen(viewer, userId))) return [];
    const rows = await this.deps.personalDocuments.documentsOfUsers(this.deps.db, [userId]);
    await this.recordViews(viewer, rows);
    return rows;
  }

  /** For other modules (applications' checks and prefill): the documents of these users, no access check. */
  documentsOfUsers(userIds: readonly string[], tx: Executor = this.deps.db): Promise<DocumentRow[]> {
    return this.deps.personalDocuments.documentsOfUsers(tx, userIds);
  }

  async document(viewer: Viewer, id: string): Promise<DocumentRow | null> {
    if (!isUuid(id)) return null;
    if (!isStaff(viewer)) return (await this.deps.personalDocuments.findOwnDocument(this.deps.db, id, viewer.userId)) ?? null;
    const row = await this.visibleToStaff(viewer, id);
    if (row) await this.recordViews(viewer, [row]);
    return row ?? null;
  }

  /** A document by id if its owner is a citizen the staff member may see (otherwise like an unknown id). */
  private async visibleToStaff(viewer: Viewer, id: string): Promise<DocumentRow | undefined> {
    const row = await this.deps.personalDocuments.findDocument(this.deps.db, id);
    return row && (await this.deps.staffAccess.canSeeCitizen(viewer, row.userId)) ? row : undefined;
  }

  private recordViews(viewer: Viewer, rows: readonly DocumentRow[], tx?: Executor): Promise<void> {
    return this.deps.staffAccess.record(viewer, rows.map((r) => ({ citizenId: r.userId, action: 'VIEW_DOCUMENT', subject: DOCUMENT_TITLES[r.kind] })), tx);
  }

  // ---------------------------------------------------------------- the citizen's edits

  async add(viewer: Viewer, input: DocumentInput): Promise<DocumentRow> {
    const { db, clock } = this.deps;
    const { value, problems } = checkDocument(input, this.today());
    if (problems.length > 0) throw badInput(problems);
    const now = clock.now();
    const dependantId = input.dependantId ?? null;
    return db.transaction(async (tx) => {
      // Another citizen's dependant looks like an unknown one.
      if (dependantId && !(isUuid(dependantId) && (await this.deps.dependants.isOwnActive(viewer.userId, dependantId, tx)))) throw notFoundField('input.dependantId', 'Член семьи');
      const files = await this.deps.attachments.ownAttachments(tx, viewer.userId, input.attachmentIds ?? [], 'input.attachmentIds');
      if (SINGLE_INSTANCE_KINDS.has(value.kind) && (await this.deps.personalDocuments.activeOfKind(tx, viewer.userId, value.kind, dependantId))) {
        throw conflict(`${DOCUMENT_TITLES[value.kind]} уже добавлен: измените его или удалите старый`, 'input.kind');
      }
      if (!dependantId) await this.syncProfile(tx, viewer.userId, value.kind, value.number);
      const row = await this.deps.personalDocuments.insertDocument(tx, { userId: viewer.userId, dependantId, ...value, verificationStatus: statusOnEntry(files.length), createdAt: now, updatedAt: now });
      if (row === 'DUPLICATE') throw conflict(`${DOCUMENT_TITLES[value.kind]} уже добавлен`, 'input.kind');
      await repo.setDocumentAttachments(tx, row.id, files.map((f) => f.id));
      await this.recomputeTrust(tx, viewer.userId);
      return row;
    });
  }

  /** Changes a document's data; it goes back to review (PENDING with scans, UNVERIFIED without). */
  async update(viewer: Viewer, id: string, input: DocumentInput): Promise<DocumentRow> {
    const { db, clock } = this.deps;
    const current = isUuid(id) ? await this.deps.personalDocuments.findOwnDocument(db, id, viewer.userId) : undefined;
    if (!current) throw notFound('Документ');
    if (current.standing !== 'CURRENT') throw conflict('Документ из истории или заявки на изменение данных не меняется', 'id');
    if (input.kind !== current.kind) throw badField('input.kind', 'Вид документа изменить нельзя: добавьте новый документ');
    if (input.dependantId != null && input.dependantId !== current.dependantId) throw badField('input.dependantId', 'Документ нельзя передать другому члену семьи: добавьте новый');
    const { value, problems } = checkDocument(input, this.today());
    if (problems.length > 0) throw badInput(problems);
    return db.transaction(async (tx) => {
      // Checked on the locked row: an operator verifying it meanwhile must not be overwritten.
      await this.lockChangeable(tx, viewer, current.id);
      const fileCount = await this.replaceScans(tx, viewer.userId, current.id, input.attachmentIds);
      if (!current.dependantId) await this.syncProfile(tx, viewer.userId, value.kind, value.number);
      const row = await this.deps.personalDocuments.updateDocument(tx, current.id, {
        ...value,
        verificationStatus: statusOnEntry(fileCount),
        rejectionReason: null,
        reviewedBy: null,
        reviewedAt: null,
        updatedAt: clock.now(),
      });
      await this.recomputeTrust(tx, viewer.userId);
      return row;
    });
  }

  /** The caller's document locked for a change, refused when it is a verified passport of theirs. */
  private async lockChangeable(tx: Executor, viewer: Viewer, id: string): Promise<boolean> {
    const row = await this.deps.personalDocuments.findOwnDocument(tx, id, viewer.userId, true);
    if (row && isVerifiedOwnPassport(row)) throw badField('id', VERIFIED_PASSPORT_BY_REQUEST);
    return row !== undefined;
  }

  async remove(viewer: Viewer, id: string): Promise<boolean> {
    const done = await this.deps.db.transaction(async (tx) => {
      if (!isUuid(id) || !(await this.lockChangeable(tx, viewer, id)) || !(await repo.deleteOwnDocument(tx, id, viewer.userId))) return false;
      await this.recomputeTrust(tx, viewer.userId);
      return true;
    });
    if (!done) throw notFound('Документ');
    return true;
  }

  // ---------------------------------------------------------------- operators

  /** Operators: the result of checking a document; the owner is told either way. */
  async review(viewer: Viewer, id: string, status: 'UNVERIFIED' | 'PENDING' | 'VERIFIED' | 'REJECTED', reason: string | null | undefined): Promise<DocumentRow> {
    if (!isStaff(viewer)) throw notFound('Документ');
    const { why, problem } = checkReview(status, reason);
    if (problem) throw badField(problem.field, problem.message);
    const { db, clock } = this.deps;
    const current = isUuid(id) ? await this.visibleToStaff(viewer, id) : undefined;
    if (!current) throw notFound('Документ');
    if (current.dependantId && DEPENDANT_PROOF_KINDS.has(current.kind)) throw badField('id', 'Этот документ проверяется вместе с членом семьи: reviewDependant');
    return db.transaction(async (tx) => {
      await this.deps.staffAccess.record(viewer, [{ citizenId: current.userId, action: 'REVIEW_DOCUMENT', subject: DOCUMENT_TITLES[current.kind] }], tx);
      const row = await this.deps.personalDocuments.updateDocument(tx, current.id, {
        verificationStatus: status,
        rejectionReason: status === 'REJECTED' ? why : null,
        reviewedBy: viewer.userId,
        reviewedAt: clock.now(),
        updatedAt: clock.now(),
      });
      if (status === 'VERIFIED' && !row.dependantId) await this.verifyIdentifier(tx, row, viewer.userId);
      await this.recomputeTrust(tx, row.userId);
      await this.deps.notifications.notify(tx, {
        userId: row.userId,
        template: status === 'VERIFIED' ? 'document.verified' : 'document.rejected',
        vars: { document: DOCUMENT_TITLES[row.kind], reason: why ?? '' },
        subjectType: 'PersonalDocument',
        subjectId: row.id,
      });
      return row;
    });
  }

  /**
   * The daily job: owners of documents expiring within DOCUMENT_EXPIRY_REMINDER_DAYS hear it once
   * per document and expiry date (claimed and notified in one transaction per batch).
   */
  async remindExpiring(): Promise<number> {
    const { db, config } = this.deps;
    const today = this.today();
    const to = addDays(today, config.DOCUMENT_EXPIRY_REMINDER_DAYS);
    let total = 0;
    for (;;) {
      const sent = await db.transaction(async (tx) => {
        const docs = await this.deps.personalDocuments.claimExpiring(tx, { from: today, to, limit: REMIND_BATCH });
        for (const d of docs) {
          if (!d.expiresAt) continue;
          await this.deps.notifications.notify(tx, {
            userId: d.userId,
            template: 'document.expiring',
            vars: { document: DOCUMENT_TITLES[d.kind], date: ruDate(d.expiresAt) },
            subjectType: 'PersonalDocument',
            subjectId: d.id,
          });
        }
        return docs.length;
      });
      total += sent;
      if (sent < REMIND_BATCH) return total;
    }
  }

  /** Transitional: the orphan clean-up lives in AttachmentsService; tests still call it here. */
  pruneOrphans(): Promise<number> {
    return this.deps.attachments.pruneOrphans();
  }

  // ---------------------------------------------------------------- helpers

  /** Replaces the document's scans when a list is given; the number of scans it has afterwards. */
  private async replaceScans(tx: Executor, userId: string, documentId: string, ids: string[] | null | undefined): Promise<number> {
    if (ids == null) return (await repo.attachmentsOfDocuments(tx, [documentId])).length;
    const files = await this.deps.attachments.ownAttachments(tx, userId, ids, 'input.attachmentIds');
    await repo.setDocumentAttachments(tx, documentId, files.map((f) => f.id));
    return files.length;
  }

  /**
   * The operator has seen the document: its SNILS/INN becomes a verified value of the owner, taken
   * from an account that only typed it.
   */
  private async verifyIdentifier(tx: Executor, row: DocumentRow, reviewerId: string): Promise<void> {
    const identifier = identifierKind(row.kind, row.number);
    if (!identifier) return;
    const result = await this.deps.identifiers.assignVerified(tx, row.userId, identifier, row.number, { by: 'DOCUMENT', documentId: row.id, reviewerId }, NO_META);
    if (result === 'HELD_BY_VERIFIED') throw conflict(`${DOCUMENT_TITLES[row.kind]} подтверждён в другой учётной записи`, 'id');
  }

  /** A SNILS or a person's INN fills the owner's empty profile field (accounts decides how). */
  private async syncProfile(tx: Executor, userId: string, kind: repo.DocumentKind, number: string): Promise<void> {
    const identifier = identifierKind(kind, number);
    if (identifier) await this.deps.accountDocuments.fillIdentifierFromDocument(tx, userId, identifier, number);
  }

  /** STANDARD needs a passport RF (not rejected, not expired) and a SNILS that passed its checksum. */
  async recomputeTrust(tx: Executor, userId: string): Promise<void> {
    const user = await this.deps.accounts.userById(userId, tx);
    const standard = !!user && user.snils !== null && (await repo.hasValidPassport(tx, userId, this.today()));
    await this.deps.accountDocuments.setDocumentTrust(tx, userId, standard);
  }
}
