/**
 * What the family module asks of documents through the door: a dependant's documents (entered by
 * the parent, listed, marked by the operator who reviews the dependant) and the passport of a
 * profile change request (PROPOSED until approved; approval moves the old passport to history and
 * puts the new one in force, in the caller's transaction).
 */
import type { Executor } from '../../db/client.js';
import { badInput, conflict } from '../../shared/errors.js';
import { localDay } from '../../shared/days.js';
import type { Clock } from '../../shared/clock.js';
import type { AttachmentsService } from './attachments.service.js';
import * as repo from './documents.repository.js';
import type { DocumentRow, PersonalDocumentsRepository } from './documents.repository.js';
import type { DocumentInput, DocumentsService } from './documents.service.js';
import { DOCUMENTS_TIMEZONE, DOCUMENT_TITLES, checkDocument, statusOnEntry, type DocumentKindName } from './documents.rules.js';
import type { FamilyDocumentsRepository } from './family-documents.repository.js';

export interface FamilyDocumentsDeps {
  clock: Clock;
  attachments: AttachmentsService;
  personalDocuments: PersonalDocumentsRepository;
  familyDocuments: FamilyDocumentsRepository;
  documents: DocumentsService;
}

export class FamilyDocuments {
  constructor(private readonly deps: FamilyDocumentsDeps) {}

  private today(): string {
    return localDay(this.deps.clock.now(), DOCUMENTS_TIMEZONE);
  }

  /** Checks a document as entered (every problem, fields under `prefix`), without writing it. */
  check(input: DocumentInput, prefix: string) {
    return checkDocument(input, this.today(), prefix);
  }

  /** A dependant's document entered by the parent (checked, scans the parent's own uploads). */
  async addForDependant(tx: Executor, parentId: string, dependantId: string, input: DocumentInput, prefix: string): Promise<DocumentRow> {
    const { value, problems } = this.check(input, prefix);
    if (problems.length > 0) throw badInput(problems);
    const files = await this.deps.attachments.ownAttachments(tx, parentId, input.attachmentIds ?? [], `${prefix}.attachmentIds`);
    if (await this.deps.personalDocuments.activeOfKind(tx, parentId, value.kind, dependantId)) throw conflict(`${DOCUMENT_TITLES[value.kind]} уже добавлен`, `${prefix}.kind`);
    const now = this.deps.clock.now();
    const row = await this.deps.personalDocuments.insertDocument(tx, { userId: parentId, dependantId, ...value, verificationStatus: statusOnEntry(files.length), createdAt: now, updatedAt: now });
    if (row === 'DUPLICATE') throw conflict(`${DOCUMENT_TITLES[value.kind]} уже добавлен`, `${prefix}.kind`);
    await repo.setDocumentAttachments(tx, row.id, files.map((f) => f.id));
    return row;
  }

  /** Corrects the dependant's document of that kind (back to review), or adds it when there is none. */
  async replaceForDependant(tx: Executor, parentId: string, dependantId: string, input: DocumentInput, prefix: string): Promise<DocumentRow> {
    const [current] = await this.deps.familyDocuments.dependantDocumentsOfKinds(tx, dependantId, [input.kind]);
    if (!current) return this.addForDependant(tx, parentId, dependantId, input, prefix);
    const { value, problems } = this.check(input, prefix);
    if (problems.length > 0) throw badInput(problems);
    let scans = (await repo.attachmentsOfDocuments(tx, [current.id])).length;
    if (input.attachmentIds != null) {
      const files = await this.deps.attachments.ownAttachments(tx, parentId, input.attachmentIds, `${prefix}.attachmentIds`);
      await repo.setDocumentAttachments(tx, current.id, files.map((f) => f.id));
      scans = files.length;
    }
    const now = this.deps.clock.now();
    return this.deps.personalDocuments.updateDocument(tx, current.id, { ...value, verificationStatus: statusOnEntry(scans), rejectionReason: null, reviewedBy: null, reviewedAt: null, updatedAt: now });
  }

  /** The documents in force of these dependants (no access check: the caller scoped the dependants). */
  ofDependants(dependantIds: readonly string[], tx: Executor): Promise<DocumentRow[]> {
    return this.deps.familyDocuments.documentsOfDependants(tx, dependantIds);
  }

  /** The operator's verdict on a dependant's birth certificate or guardianship decision. */
  async markReviewed(tx: Executor, dependantId: string, kinds: readonly DocumentKindName[], verdict: { status: 'VERIFIED' | 'REJECTED'; reason: string | null; reviewerId: string }): Promise<void> {
    const now = this.deps.clock.now();
    for (const doc of await this.deps.familyDocuments.dependantDocumentsOfKinds(tx, dependantId, kinds)) {
      await this.deps.personalDocuments.updateDocument(tx, doc.id, {
        verificationStatus: verdict.status,
        rejectionReason: verdict.status === 'REJECTED' ? verdict.reason : null,
        reviewedBy: verdict.reviewerId,
        reviewedAt: now,
        updatedAt: now,
      });
    }
  }

  /** A new passport RF proposed by a change request: not in force until approved. */
  async proposePassport(tx: Executor, userId: string, input: DocumentInput, attachmentIds: readonly string[], prefix: string): Promise<DocumentRow> {
    const { value, problems } = this.check({ ...input, kind: 'PASSPORT_RF' }, prefix);
    if (problems.length > 0) throw badInput(problems);
    const now = this.deps.clock.now();
    const row = await this.deps.personalDocuments.insertDocument(tx, { userId, ...value, standing: 'PROPOSED', verificationStatus: 'PENDING', createdAt: now, updatedAt: now });
    if (row === 'DUPLICATE') throw new Error('a proposed passport is never a duplicate');
    await repo.setDocumentAttachments(tx, row.id, attachmentIds);
    return row;
  }

  /** Approval: the old passport goes to history, the proposed one comes into force verified; the trust level is recomputed. */
  async applyPassport(tx: Executor, userId: string, documentId: string, reviewerId: string): Promise<DocumentRow> {
    const now = this.deps.clock.now();
    await this.deps.familyDocuments.archiveCurrentPassports(tx, userId, now);
    const row = await this.deps.personalDocuments.updateDocument(tx, documentId, { standing: 'CURRENT', verificationStatus: 'VERIFIED', rejectionReason: null, reviewedBy: reviewerId, reviewedAt: now, updatedAt: now });
    await this.deps.documents.recomputeTrust(tx, userId);
    return row;
  }

  /** Rejection: the proposed passport stays a proposal, refused with the reason. */
  async rejectPassport(tx: Executor, documentId: string, reason: string, reviewerId: string): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.personalDocuments.updateDocument(tx, documentId, { verificationStatus: 'REJECTED', rejectionReason: reason, reviewedBy: reviewerId, reviewedAt: now, updatedAt: now });
  }

  /** A document by id with no access check (the caller has scoped the request it belongs to). */
  async byId(id: string, tx: Executor): Promise<DocumentRow | null> {
    return (await this.deps.personalDocuments.findDocument(tx, id)) ?? null;
  }

  /** Recomputes the trust level after a change to the profile (a birth date or names do not change it; a passport does). */
  recomputeTrust(tx: Executor, userId: string): Promise<void> {
    return this.deps.documents.recomputeTrust(tx, userId);
  }
}
