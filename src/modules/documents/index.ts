/** The front door of the documents module: the only file other code imports from it. */
// Tests import job contracts from this door before anything else: the decorators of the types need the metadata polyfill first.
import 'reflect-metadata';
export { createDocumentsModule, type DocumentsModule, type DocumentsModuleDeps } from './documents.module.js';
export { DocumentsService, type DependantOwnership, type DocumentInput as DocumentValues } from './documents.service.js';
export type { FamilyDocuments } from './family-documents.service.js';
export { DocumentInput } from './documents.inputs.js';
export { VerificationStatus } from './documents.types.js';
export { DOCUMENT_TITLES } from './documents.rules.js';
export { documentsLoaders } from './documents.loaders.js';
export { pruneOrphanAttachments, remindExpiringDocuments } from './documents.jobs.js';
export { toAttachment, toDocumentAt } from './documents.mappers.js';
export { DocumentResolver, UserDocumentsResolver } from './documents.resolver.js';
export { DOCUMENTS_TIMEZONE, isExpired } from './documents.rules.js';
export { notFoundField } from './documents.errors.js';
export { Attachment, PersonalDocument } from './documents.types.js';
export { DiskStorage } from './storage.js';
export type { AttachmentRow, DocumentRow } from './documents.repository.js';
export type { AttachmentsService } from './attachments.service.js';
