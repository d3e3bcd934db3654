/**
 * Signing documents with a bound certificate: an application's version, a profile change request.
 * What is signed is the document's canonical text (its owner module serializes it: SignableDocuments),
 * raw or as a CMS detached signature, with any algorithm the verifiers know (GOST R 34.10-2012,
 * RSA, ECDSA). The signature is checked on receipt (chain, dates, revocation, key usage, the
 * signature), kept as received with the digest of the text, and can be checked again later
 * against the document as stored then. A qualified certificate (its SNILS is the account's
 * verified SNILS) confirms the signer's identity: the trust level becomes CONFIRMED, journalled.
 */
import { createHash } from 'node:crypto';
import { badField, notFound } from '../../shared/errors.js';
import { isUuid } from '../../shared/ids.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import type { RequestMeta } from '../../shared/request-meta.js';
import type { IdentityDeps, SignableDocument, SignedDocumentKind } from './identity.deps.js';
import * as repo from './certificates.repository.js';
import type { BoundCertificateRow, DocumentSignatureRow } from './certificates.repository.js';
import { certificateRefused, type CertificateBindings } from './certificates.service.js';
import { CertificateValidator, parseBase64, parseCertificate, parseCertificates, type CertificateFailure } from './signature.chain.js';

export interface DocumentRef {
  kind: SignedDocumentKind;
  id: string;
  version?: number | null;
}

export interface DocumentToSignView {
  kind: SignedDocumentKind;
  id: string;
  version: number;
  dataToSign: string;
  digest: string;
}

export interface SignatureCheck {
  valid: boolean;
  /** Why not: a certificate or signature failure, or DOCUMENT_CHANGED. */
  reason: CertificateFailure | 'DOCUMENT_CHANGED' | null;
  checkedAt: Date;
}

const DOCUMENT = 'Документ';
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export class DocumentSigning {
  constructor(
    private readonly deps: IdentityDeps,
    private readonly validator: CertificateValidator,
    private readonly bindings: CertificateBindings,
  ) {}

  /** The canonical text of the caller's own document, to sign. */
  async toSign(viewer: Viewer, ref: DocumentRef): Promise<DocumentToSignView> {
    const doc = await this.own(viewer, ref);
    return { kind: ref.kind, id: ref.id, version: doc.version, dataToSign: doc.text, digest: sha256(doc.text) };
  }

  async sign(
    viewer: Viewer,
    input: DocumentRef & { certificateId?: string | null; certificate?: string | null; algorithm: string; signature: string },
    meta: RequestMeta,
  ): Promise<DocumentSignatureRow> {
    const doc = await this.own(viewer, input);
    const bound = await this.bindings.boundOf(viewer, input, (pem) => parseCertificate(pem, 'input.certificate'));
    const signature = parseBase64(input.signature);
    if (!signature) throw badField('input.signature', 'Подпись должна быть в base64');
    const now = this.deps.clock.now();
    const [leaf, ...intermediates] = parseCertificates(bound.chain);
    if (!leaf) throw notFound('Сертификат');
    const checked = await this.validator.checkCertificate(leaf, intermediates, now);
    if (checked !== 'OK') throw certificateRefused(checked, 'input.certificateId');
    const signed = await this.validator.checkSignature({ algorithm: input.algorithm, certificate: leaf, data: new TextEncoder().encode(doc.text), signature });
    if (signed !== 'OK') throw certificateRefused(signed, 'input.signature');
    const user = await this.deps.accounts.userById(viewer.userId);
    if (!user) throw notFound('Пользователь');
    // Qualified now: the account's verified SNILS may have come (or gone) since the binding.
    const qualified = await this.bindings.personOf(user, leaf).catch(() => false);
    return this.deps.db.transaction(async (tx) => {
      const row = await repo.insertSignature(tx, {
        userId: user.id, certificateId: bound.id, kind: input.kind, documentId: input.id, version: doc.version,
        algorithm: input.algorithm, signature: Buffer.from(signature).toString('base64'), digest: sha256(doc.text), signedAt: now,
      });
      const details = { signatureId: row.id, kind: row.kind, documentId: row.documentId, version: row.version, certificateId: bound.id };
      await this.deps.accounts.journalEntry(tx, user.id, 'DOCUMENT_SIGNED', meta, details);
      if (qualified) {
        const fresh = (await this.deps.accounts.userById(user.id, tx)) ?? user;
        await this.deps.accounts.confirmIdentity(tx, fresh, { method: 'QUALIFIED_SIGNATURE', ...details, serialNumber: bound.serialNumber, issuer: bound.issuer }, meta);
      }
      return row;
    });
  }

  /** The signatures of a document the caller may see (its owner; staff who may see it). */
  async signatures(viewer: Viewer, ref: DocumentRef): Promise<DocumentSignatureRow[]> {
    const doc = await this.visible(viewer, ref);
    if (!doc) return [];
    return repo.signaturesOf(this.deps.db, { kind: ref.kind, documentId: ref.id, version: ref.version ?? null });
  }

  /** The certificates of signatures (for their fields). */
  certificatesOf(ids: readonly string[]): Promise<BoundCertificateRow[]> {
    return repo.certificatesByIds(this.deps.db, this.deps.cipher, ids);
  }

  /**
   * Checks a kept signature again, now: the document as stored now must be what was signed (its
   * canonical text), the certificate's chain valid at the signing time, not revoked now, and the
   * signature right.
   */
  async verify(viewer: Viewer, row: DocumentSignatureRow, certificate: BoundCertificateRow): Promise<SignatureCheck> {
    const checkedAt = this.deps.clock.now();
    const result = (reason: SignatureCheck['reason']): SignatureCheck => ({ valid: reason === null, reason, checkedAt });
    const doc = await this.deps.documents.find(viewer, row.kind, row.documentId, row.version);
    if (!doc || doc.version !== row.version || sha256(doc.text) !== row.digest) return result('DOCUMENT_CHANGED');
    const [leaf, ...intermediates] = parseCertificates(certificate.chain);
    if (!leaf) return result('CERTIFICATE_UNTRUSTED');
    const chain = await this.validator.checkCertificate(leaf, intermediates, row.signedAt);
    if (chain !== 'OK') return result(chain);
    const signed = await this.validator.checkSignature({ algorithm: row.algorithm, certificate: leaf, data: new TextEncoder().encode(doc.text), signature: Buffer.from(row.signature, 'base64') });
    return result(signed === 'OK' ? null : signed);
  }

  private async visible(viewer: Viewer, ref: DocumentRef): Promise<SignableDocument | null> {
    if (!isUuid(ref.id)) return null;
    return this.deps.documents.find(viewer, ref.kind, ref.id, ref.version ?? null);
  }

  /** The caller's own document (staff see others' documents, but sign only their own). */
  private async own(viewer: Viewer, ref: DocumentRef): Promise<SignableDocument> {
    const doc = await this.visible(viewer, ref);
    if (!doc || doc.ownerId !== viewer.userId) throw notFound(DOCUMENT);
    return doc;
  }
}
