/** Per-request loaders of feedback: the threads of every case in a list with one query. */
import DataLoader from 'dataloader';
import type { Database } from '../../db/client.js';
import { perRequest } from '../../shared/graphql/context.js';
import * as repo from './feedback.repository.js';

export const feedbackLoaders = perRequest((db: Database) => ({
  followUps: new DataLoader<string, repo.FollowUpRow[]>(async (ids) => {
    const rows = await repo.followUpsOf(db, ids);
    return ids.map((id) => rows.filter((r) => r.feedbackId === id));
  }),
}));
