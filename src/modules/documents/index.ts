/** The front door of the documents module: the only file other code imports from it. */
export { documentFilesRouter } from './documents.http.js';
export { createDocumentLoaders } from './documents.loaders.js';
export { toAttachment, toDocument } from './documents.mappers.js';
export { DocumentResolver, UserDocumentsResolver } from './documents.resolver.js';
export { isExpired } from './documents.rules.js';
export { DOCUMENTS_TIMEZONE, DocumentsService, notFoundField } from './documents.service.js';
export { Attachment } from './documents.types.js';
export { DiskStorage } from './storage.js';
