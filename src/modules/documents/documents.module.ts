/**
 * Builds the documents module: the attachments (files) and personal documents services, their
 * resolvers, nodes (PersonalDocument, Attachment), the daily jobs and the file routes. Profile and
 * trust-level writes go to accounts through its door (AccountDocuments), never its repository.
 */
import type { Router } from 'express';
import type { Config } from '../../config/env.js';
import type { Database } from '../../db/client.js';
import type { ResealCount } from '../../db/reseal.js';
import type { FieldCipher } from '../../shared/crypto/field-cipher.js';
import type { Clock } from '../../shared/clock.js';
import { nodeType } from '../../shared/graphql/relay.js';
import type { Logger } from '../../shared/logger.js';
import type { ModuleParts } from '../../shared/module.js';
import type { RateLimiter } from '../../shared/rate-limit.js';
import type { AccountDocuments, AccountsDirectory, VerifiedIdentifiers } from '../accounts/index.js';
import type { NotificationsService } from '../notifications/index.js';
import { AttachmentsService } from './attachments.service.js';
import { documentFilesRouter, type BearerSessions } from './documents.http.js';
import { documentsJobs } from './documents.jobs.js';
import { toAttachment, toDocumentAt } from './documents.mappers.js';
import { DocumentResolver, UserDocumentsResolver, type UserProfiles } from './documents.resolver.js';
import { DocumentsService, type DependantOwnership } from './documents.service.js';
import { FamilyDocuments } from './family-documents.service.js';
import { createFamilyDocumentsRepository } from './family-documents.repository.js';
import { createPersonalDocumentsRepository } from './documents.repository.js';
import type { FileStorage } from './storage.js';
import type { StaffAccess } from '../../shared/staff-access.js';
import type { SignedLinks } from '../../shared/signed-links.js';

export interface DocumentsModuleDeps {
  config: Config;
  log: Logger;
  clock: Clock;
  db: Database;
  storage: FileStorage;
  rateLimiter: RateLimiter;
  notifications: NotificationsService;
  accounts: AccountsDirectory;
  accountDocuments: AccountDocuments;
  identifiers: VerifiedIdentifiers;
  /** Users as a viewer may see them (PersonalDocument.owner). */
  profiles: UserProfiles;
  /** Bearer tokens to viewers, for the file routes. */
  sessions: BearerSessions;
  /** Seals document series and numbers at rest (the system module's data cipher). */
  cipher: FieldCipher;
  /** The privacy rule: which citizens staff may see (src/app.ts fills it). */
  staffAccess: StaffAccess;
  /** Whose dependants are whose (the family module; src/app.ts fills it). */
  dependants: DependantOwnership;
  /** Signed file links (Attachment.url). */
  links: SignedLinks;
}

export interface DocumentsModule extends ModuleParts {
  documents: DocumentsService;
  attachments: AttachmentsService;
  /** Dependants' documents and the passport of a profile change (for the family module). */
  family: FamilyDocuments;
  routers: Router[];
  /** Re-seals series and numbers not sealed with the current data key (rotate-data-key). */
  reseal(batchSize: number): Promise<ResealCount>;
}

export function createDocumentsModule(deps: DocumentsModuleDeps): DocumentsModule {
  const { config, log, clock, db } = deps;
  const attachments = new AttachmentsService({ config, db, clock, log, storage: deps.storage, rateLimiter: deps.rateLimiter, staffAccess: deps.staffAccess, links: deps.links });
  const personalDocuments = createPersonalDocumentsRepository(deps.cipher);
  const documents = new DocumentsService({
    personalDocuments,
    config,
    db,
    clock,
    notifications: deps.notifications,
    attachments,
    accounts: deps.accounts,
    accountDocuments: deps.accountDocuments,
    identifiers: deps.identifiers,
    staffAccess: deps.staffAccess,
    dependants: deps.dependants,
  });
  const family = new FamilyDocuments({ clock, attachments, personalDocuments, familyDocuments: createFamilyDocumentsRepository(deps.cipher), documents });
  return {
    family,
    reseal: (batchSize) => personalDocuments.reseal(db, batchSize),
    documents,
    attachments,
    resolvers: [new DocumentResolver(documents, attachments, deps.profiles, db), new UserDocumentsResolver(documents)],
    nodes: [
      nodeType('PersonalDocument', (viewer, id) => documents.document(viewer, id), (row) => toDocumentAt(row, clock.now(), config.DOCUMENT_EXPIRY_REMINDER_DAYS)),
      nodeType(
        'Attachment',
        async (viewer, id) => {
          const row = await attachments.attachment(viewer, id);
          return row && { row, viewer };
        },
        ({ row, viewer }) => toAttachment(row, attachments.fileUrl(viewer, row.id)),
      ),
    ],
    ...documentsJobs({ config, documents, attachments }),
    routers: [documentFilesRouter({ config, log, attachments, sessions: deps.sessions })],
  };
}
