/**
 * Personal documents and their scans. A citizen keeps their own documents (checked on entry by
 * documents.rules.ts); operators review them; a passport RF and a SNILS raise the account to
 * STANDARD. Files are uploaded over HTTP (documents.http.ts) and stored by content hash; they are
 * readable by their uploader, by staff, and by the applicant whose application they are the
 * result of. Another person's document or file is NOT_FOUND, never FORBIDDEN: ids cannot be probed.
 */
import type { Config } from '../../config/env.js';
import type { Database, Executor } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { AppError, ErrorCode, badField, badInput, conflict, notFound, notFoundText } from '../../shared/errors.js';
import { addDays, localDay } from '../../shared/days.js';
import { hasRole, isStaff, type Viewer } from '../../shared/auth/viewer.js';
import type { Clock } from '../../shared/clock.js';
import { isUuid } from '../../shared/ids.js';
import type { Logger } from '../../shared/logger.js';
import { piiHash } from '../../shared/pii.js';
import type { RateLimiter } from '../../shared/rate-limit.js';
import { findUserById, updateUser } from '../accounts/accounts.repository.js';
import type { IdentifierKind, VerifiedIdentifiers } from '../accounts/index.js';
import type { NotificationsService } from '../notifications/index.js';
import { DOCUMENT_TITLES, SINGLE_INSTANCE_KINDS, checkDocument, type DocumentFields } from './documents.rules.js';
import * as repo from './documents.repository.js';
import type { AttachmentRow, DocumentRow } from './documents.repository.js';
import type { ScanType } from './files.rules.js';
import type { FileStorage } from './storage.js';

/** Dates of documents are Moscow calendar days (the federal documents' reference). */
export const DOCUMENTS_TIMEZONE = 'Europe/Moscow';
const REASON_MAX = 500;

export interface DocumentInput extends DocumentFields {
  attachmentIds?: string[] | null;
}

export interface UploadedFile {
  temporaryPath: string;
  fileName: string;
  contentType: ScanType;
  size: number;
  sha256: string;
}

/** A missing (or someone else's) id inside an input list: NOT_FOUND with the field at fault. */
export const notFoundField = (field: string, what: string) =>
  new AppError(ErrorCode.NOT_FOUND, notFoundText(what), { fields: [{ field, message: notFoundText(what) }] });

export class DocumentsService {
  constructor(
    private readonly deps: {
      config: Config;
      db: Database;
      clock: Clock;
      log: Logger;
      storage: FileStorage;
      notifications: NotificationsService;
      rateLimiter: RateLimiter;
      hashKey: string;
      identifiers: VerifiedIdentifiers;
    },
  ) {}

  /** Where uploads are kept (the HTTP layer streams into it). */
  get storage(): FileStorage {
    return this.deps.storage;
  }

  /** Download address of an attachment (the owner's or staff's bearer token is needed). */
  fileUrl(id: string): string {
    return `${this.deps.config.PUBLIC_URL.replace(/\/$/, '')}/attachments/${id}`;
  }

  private today(): string {
    return localDay(this.deps.clock.now(), DOCUMENTS_TIMEZONE);
  }

  // ---------------------------------------------------------------- files

  /** Counts an upload against the user's rate limit (before the body is read). */
  async limitUploads(viewer: Viewer): Promise<void> {
    const { config, rateLimiter } = this.deps;
    await rateLimiter.hit([{ key: `uploads:user:${viewer.userId}`, limit: config.RATE_LIMIT_UPLOADS_PER_USER, windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS }]);
  }

  /** Files a streamed upload under its hash and records it; refuses it past the user's quota. */
  async storeUpload(viewer: Viewer, file: UploadedFile): Promise<AttachmentRow> {
    const { db, storage, config, clock } = this.deps;
    try {
      const used = await repo.bytesUploadedBy(db, viewer.userId);
      if (used + file.size > config.UPLOAD_QUOTA_MB * 1024 * 1024) {
        throw new AppError(ErrorCode.PRECONDITION_FAILED, `Превышен объём хранилища: не больше ${config.UPLOAD_QUOTA_MB} МБ файлов`, { rule: 'UPLOAD_QUOTA' });
      }
      await storage.commit(file.temporaryPath, file.sha256);
    } catch (err) {
      await storage.discard(file.temporaryPath).catch(() => undefined);
      throw err;
    }
    return repo.insertAttachment(db, {
      ownerId: viewer.userId,
      fileName: file.fileName,
      contentType: file.contentType,
      size: file.size,
      sha256: file.sha256,
      storageKey: file.sha256,
      createdAt: clock.now(),
    });
  }

  /** An attachment as the viewer may see it: their own, any for staff, or the result of their application. */
  async attachment(viewer: Viewer, id: string): Promise<AttachmentRow | null> {
    if (!isUuid(id)) return null;
    const [row] = await repo.findAttachmentsByIds(this.deps.db, [id]);
    if (!row) return null;
    if (row.ownerId === viewer.userId || isStaff(viewer)) return row;
    return (await repo.isResultOfApplicant(this.deps.db, row.id, viewer.userId)) ? row : null;
  }

  openFile(row: AttachmentRow) {
    return this.deps.storage.open(row.storageKey);
  }

  /**
   * The attachments named by an input list, each uploaded by `ownerId`, in the order given.
   * Another person's id is reported like a missing one.
   */
  async ownAttachments(db: Executor, ownerId: string, ids: readonly string[], field: string): Promise<AttachmentRow[]> {
    const unique = [...new Set(ids)];
    if (unique.length > 20) throw badField(field, 'Не больше 20 файлов');
    const bad = unique.findIndex((id) => !isUuid(id));
    if (bad >= 0) throw notFoundField(`${field}.${bad}`, 'Файл');
    const rows = await repo.attachmentsOwnedBy(db, ownerId, unique);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const missing = unique.findIndex((id) => !byId.has(id));
    if (missing >= 0) throw notFoundField(`${field}.${missing}`, 'Файл');
    return unique.map((id) => byId.get(id) as AttachmentRow);
  }



  // ---------------------------------------------------------------- documents

  get reminderDays(): number {
    return this.deps.config.DOCUMENT_EXPIRY_REMINDER_DAYS;
  }

  /** Operators: documents with scans waiting for review, oldest first. */
  async toReview(viewer: Viewer, first: number): Promise<DocumentRow[]> {
    if (!isStaff(viewer)) return [];
    return repo.pendingReview(this.deps.db, Math.min(Math.max(first, 1), 200));
  }

  myDocuments(viewer: Viewer): Promise<DocumentRow[]> {
    return repo.documentsOfUsers(this.deps.db, [viewer.userId]);
  }

  /** Documents of a user as the viewer may see them: their own, or anyone's for staff; none otherwise. */
  async documentsOf(viewer: Viewer, userId: string): Promise<DocumentRow[]> {
    if (viewer.userId !== userId && !isStaff(viewer)) return [];
    return repo.documentsOfUsers(this.deps.db, [userId]);
  }

  async document(viewer: Viewer, id: string): Promise<DocumentRow | null> {
    if (!isUuid(id)) return null;
    const row = await repo.findDocument(this.deps.db, id);
    if (!row || (row.userId !== viewer.userId && !isStaff(viewer))) return null;
    return row;
  }

  async add(viewer: Viewer, input: DocumentInput): Promise<DocumentRow> {
    const { db, clock } = this.deps;
    const { value, problems } = checkDocument(input, this.today());
    if (problems.length > 0) throw badInput(problems);
    const now = clock.now();
    try {
      return await db.transaction(async (tx) => {
        const files = await this.ownAttachments(tx, viewer.userId, input.attachmentIds ?? [], 'input.attachmentIds');
        if (SINGLE_INSTANCE_KINDS.has(value.kind) && (await repo.activeOfKind(tx, viewer.userId, value.kind))) {
          throw conflict(`${DOCUMENT_TITLES[value.kind]} уже добавлен: измените его или удалите старый`, 'input.kind');
        }
        await this.syncProfile(tx, viewer.userId, value.kind, value.number);
        const row = await repo.insertDocument(tx, {
          userId: viewer.userId,
          ...value,
          verificationStatus: files.length > 0 ? 'PENDING' : 'UNVERIFIED',
          createdAt: now,
          updatedAt: now,
        });
        await repo.setDocumentAttachments(tx, row.id, files.map((f) => f.id));
        await this.recomputeTrust(tx, viewer.userId);
        return row;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict(`${DOCUMENT_TITLES[value.kind]} уже добавлен`, 'input.kind');
      throw err;
    }
  }

  /** Changes a document's data; it goes back to review (PENDING with scans, UNVERIFIED without). */
  async update(viewer: Viewer, id: string, input: DocumentInput): Promise<DocumentRow> {
    const { db, clock } = this.deps;
    const current = isUuid(id) ? await repo.findOwnDocument(db, id, viewer.userId) : undefined;
    if (!current) throw notFound('Документ');
    if (input.kind !== current.kind) throw badField('input.kind', 'Вид документа изменить нельзя: добавьте новый документ');
    const { value, problems } = checkDocument(input, this.today());
    if (problems.length > 0) throw badInput(problems);
    return db.transaction(async (tx) => {
      let fileCount: number;
      if (input.attachmentIds != null) {
        const files = await this.ownAttachments(tx, viewer.userId, input.attachmentIds, 'input.attachmentIds');
        await repo.setDocumentAttachments(tx, current.id, files.map((f) => f.id));
        fileCount = files.length;
      } else {
        fileCount = (await repo.attachmentsOfDocuments(tx, [current.id])).length;
      }
      await this.syncProfile(tx, viewer.userId, value.kind, value.number);
      const row = await repo.updateDocument(tx, current.id, {
        ...value,
        verificationStatus: fileCount > 0 ? 'PENDING' : 'UNVERIFIED',
        rejectionReason: null,
        reviewedBy: null,
        reviewedAt: null,
        updatedAt: clock.now(),
      });
      await this.recomputeTrust(tx, viewer.userId);
      return row;
    });
  }

  async remove(viewer: Viewer, id: string): Promise<boolean> {
    const done = await this.deps.db.transaction(async (tx) => {
      if (!isUuid(id) || !(await repo.deleteOwnDocument(tx, id, viewer.userId))) return false;
      await this.recomputeTrust(tx, viewer.userId);
      return true;
    });
    if (!done) throw notFound('Документ');
    return true;
  }

  /** Operators: the result of checking a document; the owner is told either way. */
  async review(viewer: Viewer, id: string, status: 'UNVERIFIED' | 'PENDING' | 'VERIFIED' | 'REJECTED', reason: string | null | undefined): Promise<DocumentRow> {
    if (!hasRole(viewer, 'OPERATOR', 'ADMIN')) throw notFound('Документ');
    if (status !== 'VERIFIED' && status !== 'REJECTED') throw badField('status', 'Результат проверки — VERIFIED или REJECTED');
    const why = reason?.trim() || null;
    if (status === 'REJECTED' && !why) throw badField('reason', 'Укажите причину отказа');
    if (why && why.length > REASON_MAX) throw badField('reason', `Не длиннее ${REASON_MAX} символов`);
    const { db, clock } = this.deps;
    const current = isUuid(id) ? await repo.findDocument(db, id) : undefined;
    if (!current) throw notFound('Документ');
    return db.transaction(async (tx) => {
      const row = await repo.updateDocument(tx, current.id, {
        verificationStatus: status,
        rejectionReason: status === 'REJECTED' ? why : null,
        reviewedBy: viewer.userId,
        reviewedAt: clock.now(),
        updatedAt: clock.now(),
      });
      const identifier = identifierKind(row.kind, row.number);
      if (status === 'VERIFIED' && identifier) {
        // The operator has seen the document: its SNILS/INN becomes a verified value of the owner,
        // taken from an account that only typed it.
        const result = await this.deps.identifiers.assignVerified(tx, row.userId, identifier, row.number, { by: 'DOCUMENT', documentId: row.id, reviewerId: viewer.userId }, NO_META);
        if (result === 'HELD_BY_VERIFIED') throw conflict(`${DOCUMENT_TITLES[row.kind]} подтверждён в другой учётной записи`, 'id');
      }
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
        const docs = await repo.claimExpiring(tx, { from: today, to, limit: 200 });
        for (const d of docs) {
          if (!d.expiresAt) continue;
          await this.deps.notifications.notify(tx, {
            userId: d.userId,
            template: 'document.expiring',
            vars: { document: DOCUMENT_TITLES[d.kind], date: d.expiresAt.split('-').reverse().join('.') },
            subjectType: 'PersonalDocument',
            subjectId: d.id,
          });
        }
        return docs.length;
      });
      total += sent;
      if (sent < 200) return total;
    }
  }

  /**
   * The daily job: uploads nothing refers to after ATTACHMENT_ORPHAN_HOURS (a scan uploaded and
   * never attached) are deleted, and their files once no other upload has the same content.
   */
  async pruneOrphans(): Promise<number> {
    const { db, clock, config, storage, log } = this.deps;
    const before = new Date(clock.now().getTime() - config.ATTACHMENT_ORPHAN_HOURS * 3_600_000);
    let total = 0;
    for (;;) {
      const removed = await repo.deleteOrphans(db, { before, limit: 200 });
      for (const key of new Set(removed.map((r) => r.storageKey))) {
        if (await repo.storageKeyInUse(db, key)) continue;
        await storage.remove(key).catch((err: unknown) => log.warn({ err, key }, 'could not remove a stored file'));
      }
      total += removed.length;
      if (removed.length < 200) return total;
    }
  }

  /**
   * SNILS and INN documents and the profile agree: an empty profile field takes the document's
   * number; a different one is refused (the profile's SNILS is a login and must stay unique). A
   * number another account holds verified is refused; one another account only typed stays off
   * this profile until an operator verifies the document (then the verified owner wins).
   */
  private async syncProfile(tx: Executor, userId: string, kind: repo.DocumentKind, number: string): Promise<void> {
    const identifier = identifierKind(kind, number);
    if (!identifier) return;
    const user = await findUserById(tx, userId);
    if (!user) throw notFound('Пользователь');
    const field = kind === 'SNILS' ? 'snils' : 'inn';
    const current = user[field];
    if (current === number) return;
    if (current) throw badField('input.number', kind === 'SNILS' ? 'СНИЛС отличается от указанного в профиле' : 'ИНН отличается от указанного в профиле');
    const holder = await this.deps.identifiers.holderOf(tx, userId, identifier, number);
    if (holder === 'HELD_UNVERIFIED') return;
    try {
      await updateUser(tx, userId, kind === 'SNILS' ? { snils: number, snilsHash: piiHash(this.deps.hashKey, 'snils', number) } : { inn: number, innHash: piiHash(this.deps.hashKey, 'inn', number) });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict(kind === 'SNILS' ? 'Этот СНИЛС указан в другой учётной записи' : 'Этот ИНН указан в другой учётной записи', 'input.number');
      throw err;
    }
  }

  /**
   * SIMPLIFIED ↔ STANDARD follows the documents: a passport RF (not rejected, not expired) and a
   * SNILS that passed its checksum. CONFIRMED (in person or by a trusted SSO) is never lowered here.
   */
  private async recomputeTrust(tx: Executor, userId: string): Promise<void> {
    const user = await findUserById(tx, userId);
    if (!user || user.trustLevel === 'CONFIRMED') return;
    const standard = user.snils !== null && (await repo.hasValidPassport(tx, userId, this.today()));
    const level = standard ? 'STANDARD' : 'SIMPLIFIED';
    if (level !== user.trustLevel) await updateUser(tx, userId, { trustLevel: level, updatedAt: this.deps.clock.now() });
  }
}

const NO_META = { ip: null, userAgent: null };

/** SNILS and a person's (12-digit) INN are the documents whose numbers are account identifiers. */
function identifierKind(kind: repo.DocumentKind, number: string): IdentifierKind | null {
  if (kind === 'SNILS') return 'SNILS';
  if (kind === 'INN' && number.length === 12) return 'INN';
  return null;
}
