/**
 * Per-request loaders of applications' versions, timelines and comments, and of the branches
 * applications are handled at (read through the branches door's directory).
 */
import DataLoader from 'dataloader';
import { byKeys, groupByKeys } from '../../shared/ids.js';
import type { Database } from '../../db/client.js';
import { perRequest } from '../../shared/graphql/context.js';
import type { BranchesDirectory, BranchRow } from '../branches/index.js';
import * as repo from './applications.repository.js';

function grouped<R extends { applicationId: string }>(load: (ids: readonly string[]) => Promise<R[]>) {
  return new DataLoader<string, R[]>(async (ids) => {
    const rows = await load(ids);
    return groupByKeys(ids, rows, (r) => r.applicationId);
  });
}

export function createApplicationLoaders(db: Database, branches: BranchesDirectory) {
  return {
    versions: grouped((ids) => repo.versionsOf(db, ids)),
    timeline: grouped((ids) => repo.eventsOf(db, ids)),
    comments: grouped((ids) => repo.commentsOf(db, ids)),
    branchById: new DataLoader<string, BranchRow | null>(async (ids) => byKeys(ids, await branches.branchesByIds(ids), (r) => r.id)),
  };
}

/** This operation's applications loaders: `applicationsLoaders(ctx, db, branches)`. */
export const applicationsLoaders = perRequest((db: Database, branches: BranchesDirectory) => createApplicationLoaders(db, branches));
