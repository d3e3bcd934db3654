/**
 * The only drizzle importer of the documents module (private to it): attachments and personal
 * documents, scoped to their owner where the caller is a citizen, with explicit columns. A second
 * passport, SNILS or INN comes back as 'DUPLICATE' (PostgreSQL's unique index decides races).
 * A document's series and number are sealed at rest (createPersonalDocumentsRepository seals on
 * write and opens on read); no query compares them, so they need no keyed hash.
 */
import { and, asc, desc, eq, gte, inArray, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import { resealColumns, type ResealCount } from '../../db/reseal.js';
import type { FieldCipher } from '../../shared/crypto/field-cipher.js';
import { isUniqueViolation } from '../../db/errors.js';
import { applications, applicationVersions, attachments, documentAttachments, personalDocuments, profileChangeRequests } from '../../db/schema/index.js';

export type AttachmentRow = typeof attachments.$inferSelect;
export type DocumentRow = typeof personalDocuments.$inferSelect;
export type DocumentKind = DocumentRow['kind'];
export type VerificationStatus = DocumentRow['verificationStatus'];

const attachmentColumns = {
  id: attachments.id,
  ownerId: attachments.ownerId,
  fileName: attachments.fileName,
  contentType: attachments.contentType,
  size: attachments.size,
  sha256: attachments.sha256,
  storageKey: attachments.storageKey,
  createdAt: attachments.createdAt,
};

/** Documents in force (not a proposal of a change request, not replaced history). */
export const inForce = eq(personalDocuments.standing, 'CURRENT');
/** The user's own documents, not their dependants'. */
export const ownNotDependants = sql`${personalDocuments.dependantId} IS NULL`;

/** A dependant's birth certificate or guardianship decision is reviewed with the dependant (reviewDependant), not on its own. */
export const notDependantProof = sql`NOT (${personalDocuments.dependantId} IS NOT NULL AND ${personalDocuments.kind} IN ('BIRTH_CERTIFICATE', 'GUARDIANSHIP_DECISION'))`;

export const documentColumns = {
  id: personalDocuments.id,
  userId: personalDocuments.userId,
  kind: personalDocuments.kind,
  series: personalDocuments.series,
  number: personalDocuments.number,
  issuedBy: personalDocuments.issuedBy,
  issuedAt: personalDocuments.issuedAt,
  expiresAt: personalDocuments.expiresAt,
  verificationStatus: personalDocuments.verificationStatus,
  rejectionReason: personalDocuments.rejectionReason,
  reviewedBy: personalDocuments.reviewedBy,
  reviewedAt: personalDocuments.reviewedAt,
  expiryRemindedFor: personalDocuments.expiryRemindedFor,
  dependantId: personalDocuments.dependantId,
  standing: personalDocuments.standing,
  createdAt: personalDocuments.createdAt,
  updatedAt: personalDocuments.updatedAt,
};

// ---------------------------------------------------------------- attachments

export async function insertAttachment(db: Executor, values: typeof attachments.$inferInsert): Promise<AttachmentRow> {
  const [row] = await db.insert(attachments).values(values).returning(attachmentColumns);
  if (!row) throw new Error('insert attachments returned nothing');
  return row;
}

export async function findAttachmentsByIds(db: Executor, ids: readonly string[]): Promise<AttachmentRow[]> {
  if (ids.length === 0) return [];
  return db.select(attachmentColumns).from(attachments).where(inArray(attachments.id, [...ids]));
}

/** Those of `ids` that `ownerId` uploaded. */
export async function attachmentsOwnedBy(db: Executor, ownerId: string, ids: readonly string[]): Promise<AttachmentRow[]> {
  if (ids.length === 0) return [];
  return db.select(attachmentColumns).from(attachments).where(and(eq(attachments.ownerId, ownerId), inArray(attachments.id, [...ids])));
}

export async function bytesUploadedBy(db: Executor, ownerId: string): Promise<number> {
  const [row] = await db.select({ n: sql<string>`coalesce(sum(${attachments.size}), 0)::text` }).from(attachments).where(eq(attachments.ownerId, ownerId));
  return Number(row?.n ?? 0);
}

/** The attachment if `userId` uploaded it or it is the result document of one of their applications. */
export async function findAttachmentVisibleTo(db: Executor, id: string, userId: string): Promise<AttachmentRow | undefined> {
  const resultOfTheirs = sql`EXISTS (SELECT 1 FROM ${applications} WHERE ${applications.resultAttachmentId} = ${attachments.id} AND ${applications.userId} = ${userId})`;
  const [row] = await db
    .select(attachmentColumns)
    .from(attachments)
    .where(and(eq(attachments.id, id), or(eq(attachments.ownerId, userId), resultOfTheirs)));
  return row;
}

/**
 * Deletes up to `limit` attachments uploaded before `before` that nothing refers to (no document,
 * no application or version, no result) and returns them; locked rows are skipped, so two runs
 * never delete the same row.
 */
export async function deleteOrphans(db: Executor, p: { before: Date; limit: number }): Promise<AttachmentRow[]> {
  const orphans = db
    .select({ id: attachments.id })
    .from(attachments)
    .where(
      and(
        lt(attachments.createdAt, p.before),
        sql`NOT EXISTS (SELECT 1 FROM ${documentAttachments} WHERE ${documentAttachments.attachmentId} = ${attachments.id})`,
        sql`NOT EXISTS (SELECT 1 FROM ${applications} WHERE ${attachments.id} = ANY(${applications.attachmentIds}) OR ${applications.resultAttachmentId} = ${attachments.id})`,
        sql`NOT EXISTS (SELECT 1 FROM ${applicationVersions} WHERE ${attachments.id} = ANY(${applicationVersions.attachmentIds}))`,
        sql`NOT EXISTS (SELECT 1 FROM ${profileChangeRequests} WHERE ${attachments.id} = ANY(${profileChangeRequests.attachmentIds}))`,
      ),
    )
    .limit(p.limit)
    .for('update', { skipLocked: true });
  return db.delete(attachments).where(inArray(attachments.id, orphans)).returning(attachmentColumns);
}

/** Whether any attachment row still names this stored file (the same content uploaded twice is kept once). */
export async function storageKeyInUse(db: Executor, key: string): Promise<boolean> {
  const rows = await db.select({ id: attachments.id }).from(attachments).where(eq(attachments.storageKey, key)).limit(1);
  return rows.length > 0;
}

// ---------------------------------------------------------------- personal documents

/** A new document, or 'DUPLICATE' when the owner already holds an active one of a single-instance kind. */
async function insertDocument(db: Executor, values: typeof personalDocuments.$inferInsert): Promise<DocumentRow | 'DUPLICATE'> {
  try {
    const [row] = await db.insert(personalDocuments).values(values).returning(documentColumns);
    if (!row) throw new Error('insert personal_documents returned nothing');
    return row;
  } catch (err) {
    if (isUniqueViolation(err)) return 'DUPLICATE';
    throw err;
  }
}

async function findDocument(db: Executor, id: string): Promise<DocumentRow | undefined> {
  const [row] = await db.select(documentColumns).from(personalDocuments).where(eq(personalDocuments.id, id));
  return row;
}

/** The owner's document, or undefined (another person's looks the same as a missing one); `lock`: FOR UPDATE, inside a transaction. */
async function findOwnDocument(db: Executor, id: string, userId: string, lock = false): Promise<DocumentRow | undefined> {
  const query = db.select(documentColumns).from(personalDocuments).where(and(eq(personalDocuments.id, id), eq(personalDocuments.userId, userId)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

async function documentsOfUsers(db: Executor, userIds: readonly string[]): Promise<DocumentRow[]> {
  if (userIds.length === 0) return [];
  return db
    .select(documentColumns)
    .from(personalDocuments)
    .where(and(inArray(personalDocuments.userId, [...userIds]), ownNotDependants, inForce))
    .orderBy(asc(personalDocuments.kind), desc(personalDocuments.createdAt));
}

/** Documents waiting for review, oldest first; of these owners only, when given. */
async function pendingReview(db: Executor, limit: number, ownerIds?: readonly string[]): Promise<DocumentRow[]> {
  const owners = ownerIds ? inArray(personalDocuments.userId, [...ownerIds]) : undefined;
  return db
    .select(documentColumns)
    .from(personalDocuments)
    .where(and(eq(personalDocuments.verificationStatus, 'PENDING'), owners, inForce, notDependantProof))
    .orderBy(asc(personalDocuments.updatedAt))
    .limit(limit);
}

/** A document of a single-instance kind the user (or their dependant) already holds (rejected ones do not count). */
async function activeOfKind(db: Executor, userId: string, kind: DocumentKind, dependantId: string | null = null): Promise<DocumentRow | undefined> {
  const whose = dependantId ? eq(personalDocuments.dependantId, dependantId) : ownNotDependants;
  const [row] = await db
    .select(documentColumns)
    .from(personalDocuments)
    .where(and(eq(personalDocuments.userId, userId), whose, inForce, eq(personalDocuments.kind, kind), ne(personalDocuments.verificationStatus, 'REJECTED')))
    .limit(1);
  return row;
}

async function updateDocument(db: Executor, id: string, values: Partial<typeof personalDocuments.$inferInsert>): Promise<DocumentRow> {
  const [row] = await db.update(personalDocuments).set(values).where(eq(personalDocuments.id, id)).returning(documentColumns);
  if (!row) throw new Error('update personal_documents returned nothing');
  return row;
}

export async function deleteOwnDocument(db: Executor, id: string, userId: string): Promise<boolean> {
  const rows = await db.delete(personalDocuments).where(and(eq(personalDocuments.id, id), eq(personalDocuments.userId, userId), inForce)).returning({ id: personalDocuments.id });
  return rows.length === 1;
}

export async function setDocumentAttachments(db: Executor, documentId: string, attachmentIds: readonly string[]): Promise<void> {
  await db.delete(documentAttachments).where(eq(documentAttachments.documentId, documentId));
  if (attachmentIds.length === 0) return;
  await db.insert(documentAttachments).values(attachmentIds.map((attachmentId, position) => ({ documentId, attachmentId, position })));
}

export async function attachmentsOfDocuments(db: Executor, documentIds: readonly string[]): Promise<Array<AttachmentRow & { documentId: string }>> {
  if (documentIds.length === 0) return [];
  const rows = await db
    .select({ ...attachmentColumns, documentId: documentAttachments.documentId })
    .from(documentAttachments)
    .innerJoin(attachments, eq(attachments.id, documentAttachments.attachmentId))
    .where(inArray(documentAttachments.documentId, [...documentIds]))
    .orderBy(asc(documentAttachments.position));
  return rows;
}

/** The user's documents that count for the STANDARD level: a passport RF not rejected and not expired. */
export async function hasValidPassport(db: Executor, userId: string, today: string): Promise<boolean> {
  const rows = await db
    .select({ id: personalDocuments.id })
    .from(personalDocuments)
    .where(
      and(
        eq(personalDocuments.userId, userId),
        ownNotDependants,
        inForce,
        eq(personalDocuments.kind, 'PASSPORT_RF'),
        ne(personalDocuments.verificationStatus, 'REJECTED'),
        sql`(${personalDocuments.expiresAt} IS NULL OR ${personalDocuments.expiresAt} >= ${today})`,
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/**
 * Claims the documents expiring between `from` and `to` whose owner has not been reminded of that
 * expiry date yet: one UPDATE marks them, so two workers (or two runs) never remind twice.
 */
async function claimExpiring(db: Executor, p: { from: string; to: string; limit: number }): Promise<DocumentRow[]> {
  const batch = db
    .select({ id: personalDocuments.id })
    .from(personalDocuments)
    .where(
      and(
        gte(personalDocuments.expiresAt, p.from),
        lte(personalDocuments.expiresAt, p.to),
        ne(personalDocuments.verificationStatus, 'REJECTED'),
        inForce,
        sql`${personalDocuments.expiryRemindedFor} IS DISTINCT FROM ${personalDocuments.expiresAt}`,
      ),
    )
    .limit(p.limit)
    .for('update', { skipLocked: true });
  return db
    .update(personalDocuments)
    .set({ expiryRemindedFor: sql`${personalDocuments.expiresAt}` })
    .where(inArray(personalDocuments.id, batch))
    .returning(documentColumns);
}

type DocumentValues = Partial<typeof personalDocuments.$inferInsert>;

export function sealDocument<T extends DocumentValues>(cipher: FieldCipher, v: T): T {
  return { ...v, ...(v.series != null && { series: cipher.seal(v.series) }), ...(v.number != null && { number: cipher.seal(v.number) }) };
}

export function openDocument(cipher: FieldCipher, row: DocumentRow): DocumentRow {
  return { ...row, series: cipher.open(row.series), number: cipher.open(row.number) };
}

/** Personal documents with the series and number sealed on write and opened on read. */
export function createPersonalDocumentsRepository(cipher: FieldCipher) {
  const open = (row: DocumentRow | undefined) => row && openDocument(cipher, row);
  const openAll = (rows: DocumentRow[]) => rows.map((r) => openDocument(cipher, r));
  return {
    insertDocument: async (db: Executor, values: typeof personalDocuments.$inferInsert) => {
      const row = await insertDocument(db, sealDocument(cipher, values));
      return row === 'DUPLICATE' ? row : openDocument(cipher, row);
    },
    findDocument: async (db: Executor, id: string) => open(await findDocument(db, id)),
    findOwnDocument: async (db: Executor, id: string, userId: string, lock = false) => open(await findOwnDocument(db, id, userId, lock)),
    documentsOfUsers: async (db: Executor, userIds: readonly string[]) => openAll(await documentsOfUsers(db, userIds)),
    pendingReview: async (db: Executor, limit: number, ownerIds?: readonly string[]) => openAll(await pendingReview(db, limit, ownerIds)),
    activeOfKind: async (db: Executor, userId: string, kind: DocumentKind, dependantId: string | null = null) => open(await activeOfKind(db, userId, kind, dependantId)),
    updateDocument: async (db: Executor, id: string, values: DocumentValues) => openDocument(cipher, await updateDocument(db, id, sealDocument(cipher, values))),
    claimExpiring: async (db: Executor, p: { from: string; to: string; limit: number }) => openAll(await claimExpiring(db, p)),
    /** Re-seals series and numbers not sealed with the current key (rotate-data-key). */
    reseal: (db: Database, batchSize: number): Promise<ResealCount> =>
      resealColumns(db, { name: 'personal_documents', table: personalDocuments, id: personalDocuments.id, columns: { series: personalDocuments.series, number: personalDocuments.number }, cipher, batchSize }),
  };
}

export type PersonalDocumentsRepository = ReturnType<typeof createPersonalDocumentsRepository>;
