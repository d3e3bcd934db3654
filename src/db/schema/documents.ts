/**
 * Files and personal documents. An attachment is an uploaded scan (content-addressed on the
 * storage by its SHA-256); a personal document is a passport, SNILS… with its scans.
 */
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { verificationStatusEnum } from './enums.js';
import { dependants } from './family.js';
import { users } from './accounts.js';
import { documentKindEnum } from './catalog.js';
import { ts } from './columns.js';

export { verificationStatusEnum } from './enums.js';

export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Who uploaded it: a citizen's scan, or an operator's result document. */
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Sanitized name as the uploader gave it (shown and used on download). */
    fileName: text('file_name').notNull(),
    /** Detected from the content (magic bytes), never taken from the client. */
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    /** Key on the file storage (see src/modules/documents/storage.ts). */
    storageKey: text('storage_key').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('attachments_owner_idx').on(t.ownerId, t.createdAt),
    check('attachments_size', sql`${t.size} > 0`),
    check('attachments_content_type', sql`${t.contentType} IN ('application/pdf', 'image/jpeg', 'image/png')`),
    check('attachments_sha256', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);

export const personalDocuments = pgTable(
  'personal_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: documentKindEnum('kind').notNull(),
    series: text('series'),
    number: text('number').notNull(),
    issuedBy: text('issued_by'),
    issuedAt: date('issued_at', { mode: 'string' }),
    expiresAt: date('expires_at', { mode: 'string' }),
    verificationStatus: verificationStatusEnum('verification_status').notNull().default('UNVERIFIED'),
    rejectionReason: text('rejection_reason'),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: ts('reviewed_at'),
    /** Set when the document is a dependant's (the user is the dependant's parent or guardian). */
    dependantId: uuid('dependant_id').references(() => dependants.id, { onDelete: 'cascade' }),
    /**
     * CURRENT: in force. PROPOSED: part of a profile change request, not in force until an operator
     * approves it. ARCHIVED: replaced by an approved change, kept as history.
     */
    standing: text('standing').notNull().default('CURRENT'),
    /** The expiry date the owner was last reminded of: one reminder per document and date. */
    expiryRemindedFor: date('expiry_reminded_for', { mode: 'string' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('personal_documents_user_idx').on(t.userId, t.createdAt),
    index('personal_documents_expiry_idx').on(t.expiresAt).where(sql`${t.expiresAt} IS NOT NULL`),
    // One current passport, SNILS and INN per person (the user, or each dependant; a dependant: one birth certificate too): PostgreSQL decides, whatever races.
    uniqueIndex('personal_documents_single_kind_key')
      .on(t.userId, t.kind)
      .where(sql`${t.kind} IN ('PASSPORT_RF', 'SNILS', 'INN') AND ${t.verificationStatus} <> 'REJECTED' AND ${t.dependantId} IS NULL AND ${t.standing} = 'CURRENT'`),
    uniqueIndex('personal_documents_dependant_kind_key')
      .on(t.dependantId, t.kind)
      .where(sql`${t.kind} IN ('PASSPORT_RF', 'SNILS', 'INN', 'BIRTH_CERTIFICATE') AND ${t.verificationStatus} <> 'REJECTED' AND ${t.dependantId} IS NOT NULL AND ${t.standing} = 'CURRENT'`),
    index('personal_documents_dependant_idx').on(t.dependantId).where(sql`${t.dependantId} IS NOT NULL`),
    check('personal_documents_standing', sql`${t.standing} IN ('CURRENT', 'PROPOSED', 'ARCHIVED')`),
    check('personal_documents_dates', sql`${t.expiresAt} IS NULL OR ${t.issuedAt} IS NULL OR ${t.expiresAt} > ${t.issuedAt}`),
  ],
);

export const documentAttachments = pgTable(
  'document_attachments',
  {
    documentId: uuid('document_id')
      .notNull()
      .references(() => personalDocuments.id, { onDelete: 'cascade' }),
    attachmentId: uuid('attachment_id')
      .notNull()
      .references(() => attachments.id, { onDelete: 'restrict' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.attachmentId] }), index('document_attachments_attachment_idx').on(t.attachmentId)],
);
