/**
 * Per-request loaders of files and documents. Other modules (Application.attachments) reach them
 * through the door's `documentsLoaders`.
 */
import DataLoader from 'dataloader';
import type { Database } from '../../db/client.js';
import { perRequest } from '../../shared/graphql/context.js';
import { byKeys, groupByKeys } from '../../shared/ids.js';
import * as repo from './documents.repository.js';
import type { AttachmentRow } from './documents.repository.js';

export function createDocumentLoaders(db: Database) {
  return {
    attachmentById: new DataLoader<string, AttachmentRow | null>(async (ids) => byKeys(ids, await repo.findAttachmentsByIds(db, ids), (r) => r.id)),
    attachmentsByDocument: new DataLoader<string, AttachmentRow[]>(async (ids) => {
      const rows = await repo.attachmentsOfDocuments(db, ids);
      return groupByKeys(ids, rows, (r) => r.documentId);
    }),
  };
}

/** This operation's documents loaders: `documentsLoaders(ctx, db)`. */
export const documentsLoaders = perRequest((db: Database) => createDocumentLoaders(db));
