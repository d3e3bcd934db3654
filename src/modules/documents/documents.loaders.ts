/** Per-request loaders of files and documents. */
import DataLoader from 'dataloader';
import type { Database } from '../../db/client.js';
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
