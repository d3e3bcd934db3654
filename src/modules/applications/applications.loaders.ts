/** Per-request loaders of applications' versions, timelines and comments. */
import DataLoader from 'dataloader';
import { groupByKeys } from '../../shared/ids.js';
import type { Database } from '../../db/client.js';
import * as repo from './applications.repository.js';

function grouped<R extends { applicationId: string }>(load: (ids: readonly string[]) => Promise<R[]>) {
  return new DataLoader<string, R[]>(async (ids) => {
    const rows = await load(ids);
    return groupByKeys(ids, rows, (r) => r.applicationId);
  });
}

export function createApplicationLoaders(db: Database) {
  return {
    versions: grouped((ids) => repo.versionsOf(db, ids)),
    timeline: grouped((ids) => repo.eventsOf(db, ids)),
    comments: grouped((ids) => repo.commentsOf(db, ids)),
  };
}
