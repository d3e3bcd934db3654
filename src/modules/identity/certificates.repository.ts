/**
 * Bound certificates and document signatures (identity's tables for signing beyond login): every
 * query is scoped by its owner or by the document it signs.
 */
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { accountCertificates, documentSignatures } from '../../db/schema/index.js';

export type BoundCertificateRow = typeof accountCertificates.$inferSelect;
export type DocumentSignatureRow = typeof documentSignatures.$inferSelect;
export type SignedDocumentKind = DocumentSignatureRow['kind'];

const certificateColumns = {
  id: accountCertificates.id,
  userId: accountCertificates.userId,
  thumbprint: accountCertificates.thumbprint,
  chain: accountCertificates.chain,
  serialNumber: accountCertificates.serialNumber,
  subject: accountCertificates.subject,
  issuer: accountCertificates.issuer,
  notBefore: accountCertificates.notBefore,
  notAfter: accountCertificates.notAfter,
  qualified: accountCertificates.qualified,
  boundAt: accountCertificates.boundAt,
  unboundAt: accountCertificates.unboundAt,
};

const signatureColumns = {
  id: documentSignatures.id,
  userId: documentSignatures.userId,
  certificateId: documentSignatures.certificateId,
  kind: documentSignatures.kind,
  documentId: documentSignatures.documentId,
  version: documentSignatures.version,
  algorithm: documentSignatures.algorithm,
  signature: documentSignatures.signature,
  digest: documentSignatures.digest,
  signedAt: documentSignatures.signedAt,
};

/** A new binding; 'TAKEN' when the certificate is bound (to this or another account) already. */
export async function insertCertificate(tx: Executor, values: typeof accountCertificates.$inferInsert): Promise<BoundCertificateRow | 'TAKEN'> {
  try {
    const [row] = await tx.insert(accountCertificates).values(values).returning(certificateColumns);
    if (!row) throw new Error('insert returned nothing');
    return row;
  } catch (err) {
    if (isUniqueViolation(err)) return 'TAKEN';
    throw err;
  }
}

/** The bound (not unbound) certificate with this thumbprint, whoever holds it. */
export async function findBoundByThumbprint(db: Executor, thumbprint: string): Promise<BoundCertificateRow | undefined> {
  const [row] = await db.select(certificateColumns).from(accountCertificates).where(and(eq(accountCertificates.thumbprint, thumbprint), isNull(accountCertificates.unboundAt))).limit(1);
  return row;
}

/** A certificate of this owner by id, bound or not. */
export async function findOwnCertificate(db: Executor, id: string, userId: string): Promise<BoundCertificateRow | undefined> {
  const [row] = await db.select(certificateColumns).from(accountCertificates).where(and(eq(accountCertificates.id, id), eq(accountCertificates.userId, userId))).limit(1);
  return row;
}

export async function certificatesByIds(db: Executor, ids: readonly string[]): Promise<BoundCertificateRow[]> {
  if (ids.length === 0) return [];
  return db.select(certificateColumns).from(accountCertificates).where(inArray(accountCertificates.id, [...new Set(ids)]));
}

/** The owner's bound certificates, newest first. */
export function boundCertificatesOf(db: Executor, userId: string): Promise<BoundCertificateRow[]> {
  return db
    .select(certificateColumns)
    .from(accountCertificates)
    .where(and(eq(accountCertificates.userId, userId), isNull(accountCertificates.unboundAt)))
    .orderBy(desc(accountCertificates.boundAt));
}

/** Unbinds the owner's certificate; undefined when it is not theirs or unbound already. */
export async function unbindCertificate(tx: Executor, id: string, userId: string, at: Date): Promise<BoundCertificateRow | undefined> {
  const [row] = await tx
    .update(accountCertificates)
    .set({ unboundAt: at })
    .where(and(eq(accountCertificates.id, id), eq(accountCertificates.userId, userId), isNull(accountCertificates.unboundAt)))
    .returning(certificateColumns);
  return row;
}

export async function insertSignature(tx: Executor, values: typeof documentSignatures.$inferInsert): Promise<DocumentSignatureRow> {
  const [row] = await tx.insert(documentSignatures).values(values).returning(signatureColumns);
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** The signatures of one document (of one version, when given), oldest first. */
export function signaturesOf(db: Executor, doc: { kind: SignedDocumentKind; documentId: string; version: number | null }): Promise<DocumentSignatureRow[]> {
  const where = [eq(documentSignatures.kind, doc.kind), eq(documentSignatures.documentId, doc.documentId)];
  if (doc.version !== null) where.push(eq(documentSignatures.version, doc.version));
  return db.select(signatureColumns).from(documentSignatures).where(and(...where)).orderBy(asc(documentSignatures.signedAt), asc(documentSignatures.id));
}
