/** Rows to GraphQL objects for documents and files. */
import { addDays, localDay } from '../../shared/days.js';
import { DocumentKind } from '../catalog/index.js';
import { DOCUMENTS_TIMEZONE, isExpired } from './documents.rules.js';
import type { AttachmentRow, DocumentRow } from './documents.repository.js';
import { Attachment, PersonalDocument, VerificationStatus } from './documents.types.js';

export function toAttachment(row: AttachmentRow, url: string): Attachment {
  return { id: row.id, fileName: row.fileName, contentType: row.contentType, size: row.size, sha256: row.sha256, url, createdAt: row.createdAt };
}

/** `today` is the Moscow calendar day; `reminderDays` the DOCUMENT_EXPIRY_REMINDER_DAYS window. */
export function toDocument(row: DocumentRow, today: string, reminderDays: number): PersonalDocument {
  const expired = isExpired(row.expiresAt, today);
  return {
    id: row.id,
    userId: row.userId,
    kind: DocumentKind[row.kind],
    series: row.series,
    number: row.number,
    issuedBy: row.issuedBy,
    issuedAt: row.issuedAt,
    expiresAt: row.expiresAt,
    expired,
    expiresSoon: !expired && row.expiresAt !== null && row.expiresAt <= addDays(today, reminderDays),
    verificationStatus: VerificationStatus[row.verificationStatus],
    rejectionReason: row.rejectionReason,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** A document as seen at `now` (expired and expiring-soon flags on the Moscow calendar day). */
export function toDocumentAt(row: DocumentRow, now: Date, reminderDays: number): PersonalDocument {
  return toDocument(row, localDay(now, DOCUMENTS_TIMEZONE), reminderDays);
}
