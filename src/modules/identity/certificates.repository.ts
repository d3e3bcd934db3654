/**
 * Bound certificates and document signatures (identity's tables for signing beyond login): every
 * query is scoped by its owner or by the document it signs. A certificate's chain and subject carry
 * the holder's SNILS: they are sealed with the data key here, and read opened.
 */
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { resealColumns, type ResealCount } from '../../db/reseal.js';
import type { FieldCipher } from '../../shared/crypto/field-cipher.js';
import { accountCertificates, documentSignatures } from '../../db/schema/index.js';

type StoredCertificate = typeof accountCertificates.$inferSelect;
/** A bound certificate as the services see it: the chain opened into PEMs, the subject opened. */
export type BoundCertificateRow = Omit<StoredCertificate, 'chain'> & { chain: string[] };
type NewCertificate = Omit<typeof accountCertificates.$inferInsert, 'chain'> & { chain: string[] };

const PEM = /-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g;
const opened = (cipher: FieldCipher) => (row: StoredCertificate): BoundCertificateRow => ({ ...row, subject: cipher.open(row.subject), chain: cipher.open(row.chain).match(PEM) ?? [] });
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
export async function insertCertificate(tx: Executor, cipher: FieldCipher, values: NewCertificate): Promise<BoundCertificateRow | 'TAKEN'> {
  try {
    const sealed = { ...values, subject: cipher.seal(values.subject), chain: cipher.seal(values.chain.join('\n')) };
    const [row] = await tx.insert(accountCertificates).values(sealed).returning(certificateColumns);
    if (!row) throw new Error('insert returned nothing');
    return opened(cipher)(row);
  } catch (err) {
    if (isUniqueViolation(err)) return 'TAKEN';
    throw err;
  }
}

/** The bound (not unbound) certificate with this thumbprint, whoever holds it. */
export async function findBoundByThumbprint(db: Executor, cipher: FieldCipher, thumbprint: string): Promise<BoundCertificateRow | undefined> {
  const [row] = await db.select(certificateColumns).from(accountCertificates).where(and(eq(accountCertificates.thumbprint, thumbprint), isNull(accountCertificates.unboundAt))).limit(1);
  return row && opened(cipher)(row);
}

/** A certificate of this owner by id, bound or not. */
export async function findOwnCertificate(db: Executor, cipher: FieldCipher, id: string, userId: string): Promise<BoundCertificateRow | undefined> {
  const [row] = await db.select(certificateColumns).from(accountCertificates).where(and(eq(accountCertificates.id, id), eq(accountCertificates.userId, userId))).limit(1);
  return row && opened(cipher)(row);
}

export async function certificatesByIds(db: Executor, cipher: FieldCipher, ids: readonly string[]): Promise<BoundCertificateRow[]> {
  if (ids.length === 0) return [];
  return (await db.select(certificateColumns).from(accountCertificates).where(inArray(accountCertificates.id, [...new Set(ids)]))).map(opened(cipher));
}

/** The owner's bound certificates, newest first. */
export async function boundCertificatesOf(db: Executor, cipher: FieldCipher, userId: string): Promise<BoundCertificateRow[]> {
  const rows = await db
    .select(certificateColumns)
    .from(accountCertificates)
    .where(and(eq(accountCertificates.userId, userId), isNull(accountCertificates.unboundAt)))
    .orderBy(desc(accountCertificates.boundAt));
  return rows.map(opened(cipher));
}

/** Unbinds the owner's certificate; undefined when it is not theirs or unbound already. */
export async function unbindCertificate(tx: Executor, cipher: FieldCipher, id: string, userId: string, at: Date): Promise<BoundCertificateRow | undefined> {
  const [row] = await tx
    .update(accountCertificates)
    .set({ unboundAt: at })
    .where(and(eq(accountCertificates.id, id), eq(accountCertificates.userId, userId), isNull(accountCertificates.unboundAt)))
    .returning(certificateColumns);
  return row && opened(cipher)(row);
}

/** Re-seals chains and subjects sealed with an older data key (the key rotation job). */
export function resealCertificates(db: Database, cipher: FieldCipher, batchSize: number): Promise<ResealCount> {
  return resealColumns(db, { name: 'account_certificates', table: accountCertificates, id: accountCertificates.id, columns: { chain: accountCertificates.chain, subject: accountCertificates.subject }, cipher, batchSize });
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
