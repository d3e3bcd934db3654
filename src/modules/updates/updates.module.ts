/**
 * The updates module: the account feed every module appends to (AccountFeed, src/shared/account-feed.ts)
 * and the accountUpdates subscription. A table, not Redis Streams: the event is written in the
 * transaction of the change it reports (never lost between a commit and a second write, and never
 * reported for a change that rolled back), each user's events are numbered in commit order, the
 * replay is an indexed range read, and retention is a plain DELETE by age. Live wake-ups ride on
 * PostgreSQL NOTIFY, which is delivered on commit to every API instance.
 */
import type { ModuleParts } from '../../shared/module.js';
import { AccountUpdatesResolver, type FindNode } from './updates.resolver.js';
import { updatesJobs } from './updates.jobs.js';
import { AccountFeedService, type UpdatesDeps } from './updates.service.js';

export interface UpdatesModuleDeps extends UpdatesDeps {
  /** What an event points at, as the subscriber may see it (the composition root's node fetchers). */
  find: FindNode;
}

export interface UpdatesModule extends ModuleParts {
  feed: AccountFeedService;
}

export function createUpdatesModule(deps: UpdatesModuleDeps): UpdatesModule {
  const feed = new AccountFeedService(deps);
  return {
    feed,
    resolvers: [new AccountUpdatesResolver(feed, deps.find)],
    ...updatesJobs(feed),
    close: () => feed.close(),
  };
}
