/** Per-request loaders of the queue: figures of many branches and positions of many tickets in one query each. */
import DataLoader from 'dataloader';
import type { Database } from '../../db/client.js';
import { perRequest } from '../../shared/graphql/context.js';
import { byKeys } from '../../shared/ids.js';
import * as repo from './queue.repository.js';
import * as loadRepo from './load.repository.js';
import type { LoadFigures } from './load.repository.js';

export function createQueueLoaders(db: Database, now: Date) {
  return {
    figuresByBranch: new DataLoader<string, LoadFigures | null>(async (ids) => byKeys(ids, await loadRepo.loadFigures(db, ids, now), (f) => f.branchId)),
    positionByTicket: new DataLoader<string, number | null>(async (ids) => {
      const positions = await repo.positions(db, ids);
      return ids.map((id) => positions.get(id) ?? null);
    }),
  };
}

/** The module's loaders for one operation: `queueLoaders(ctx, db, ctx.now)`. */
export const queueLoaders = perRequest((db: Database, now: Date) => createQueueLoaders(db, now));
