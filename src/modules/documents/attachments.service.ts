/**
 * Uploaded files (scans and result documents): stored by content hash, recorded per uploader, read
 * by their uploader, by staff, and by the applicant whose application they are the result of.
 * Anyone else gets NOT_FOUND, never FORBIDDEN: ids cannot be probed. The HTTP side (streaming,
 * sniffing the type) is documents.http.ts; other modules check a citizen's files with
 * `ownAttachments` through the door.
 */
import type { Config } from '../../config/env.js';
import type { Database, Executor } from '../../db/client.js';
import { AppError, ErrorCode, badField } from '../../shared/errors.js';
import { isStaff, type Viewer } from '../../shared/auth/viewer.js';
import type { StaffAccess } from '../../shared/staff-access.js';
import type { Clock } from '../../shared/clock.js';
import { isUuid } from '../../shared/ids.js';
import type { Logger } from '../../shared/logger.js';
import type { RateLimiter } from '../../shared/rate-limit.js';
import type { SignedLinks } from '../../shared/signed-links.js';
import { notFoundField } from './documents.errors.js';
import * as repo from './documents.repository.js';
import type { AttachmentRow } from './documents.repository.js';
import { ATTACHMENTS_MAX } from './documents.rules.js';
import type { ScanType } from './files.rules.js';
import type { FileStorage } from './storage.js';

export interface UploadedFile {
  temporaryPath: string;
  fileName: string;
  contentType: ScanType;
  size: number;
  sha256: string;
}

export interface AttachmentsDeps {
  config: Config;
  db: Database;
  clock: Clock;
  log: Logger;
  storage: FileStorage;
  rateLimiter: RateLimiter;
  /** Which citizens a staff member may see, and the record of what they saw. */
  staffAccess: StaffAccess;
  /** Signs Attachment.url for the viewer, so the link opens without a header. */
  links: SignedLinks;
}

/** Rows deleted per statement by the orphan clean-up. */
const PRUNE_BATCH = 200;

export class AttachmentsService {
  constructor(private readonly deps: AttachmentsDeps) {}

  /** Where uploads are kept (the HTTP layer streams into it). */
  get storage(): FileStorage {
    return this.deps.storage;
  }

  /** Download address of an attachment, signed for this viewer (FILE_LINK_TTL_SECONDS; a bearer token opens it too). */
  fileUrl(viewer: Viewer, id: string): string {
    return this.deps.links.url(`/attachments/${id}`, viewer);
  }

  /** The viewer a signed link for this path stands for (null: forged, expired, or its session ended). */
  linkViewer(path: string, sig: unknown): Promise<Viewer | null> {
    return this.deps.links.viewer(path, sig);
  }

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

  /**
   * An attachment as the viewer may see it: their own, or the result of their application; for
   * staff, one uploaded by a citizen the privacy rule lets them see (or by staff), the read recorded.
   */
  async attachment(viewer: Viewer, id: string): Promise<AttachmentRow | null> {
    if (!isUuid(id)) return null;
    if (!isStaff(viewer)) return (await repo.findAttachmentVisibleTo(this.deps.db, id, viewer.userId)) ?? null;
    const row = (await repo.findAttachmentsByIds(this.deps.db, [id]))[0];
    const { staffAccess } = this.deps;
    if (!row || !(await staffAccess.canSeeCitizen(viewer, row.ownerId))) return null;
    await staffAccess.record(viewer, [{ citizenId: row.ownerId, action: 'OPEN_FILE', subject: row.fileName }]);
    return row;
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
    if (unique.length > ATTACHMENTS_MAX) throw badField(field, `Не больше ${ATTACHMENTS_MAX} файлов`);
    const bad = unique.findIndex((id) => !isUuid(id));
    if (bad >= 0) throw notFoundField(`${field}.${bad}`, 'Файл');
    const rows = await repo.attachmentsOwnedBy(db, ownerId, unique);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const missing = unique.findIndex((id) => !byId.has(id));
    if (missing >= 0) throw notFoundField(`${field}.${missing}`, 'Файл');
    return unique.map((id) => byId.get(id) as AttachmentRow);
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
      const removed = await repo.deleteOrphans(db, { before, limit: PRUNE_BATCH });
      for (const key of new Set(removed.map((r) => r.storageKey))) {
        if (await repo.storageKeyInUse(db, key)) continue;
        await storage.remove(key).catch((err: unknown) => log.warn({ err, key }, 'could not remove a stored file'));
      }
      total += removed.length;
      if (removed.length < PRUNE_BATCH) return total;
    }
  }
}
