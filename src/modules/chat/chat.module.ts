/**
 * Builds chats: live presence over Redis, the chat service, its resolver and `node(id)` for
 * ChatThread. Users and branches are read through the directories of accounts and branches,
 * applications through the ApplicationSubjects port src/app.ts wires to applications.
 */
import type { Redis } from 'ioredis';
import type { Config } from '../../config/env.js';
import type { Database } from '../../db/client.js';
import type { ApplicationSubjects } from '../../shared/application-subjects.js';
import type { Clock } from '../../shared/clock.js';
import { nodeType } from '../../shared/graphql/relay.js';
import type { Logger } from '../../shared/logger.js';
import type { ModuleParts } from '../../shared/module.js';
import type { CitizenBranchLinks } from '../../shared/staff-access.js';
import { createChatBranchLinks } from './chat.links.js';
import type { AppPubSub } from '../../shared/pubsub.js';
import type { RateLimiter } from '../../shared/rate-limit.js';
import type { AccountsDirectory } from '../accounts/index.js';
import type { BranchesDirectory } from '../branches/index.js';
import type { NotificationsService } from '../notifications/index.js';
import { toMessage, toThread } from './chat.mappers.js';
import type { ChatMessage } from './chat.types.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import type { AccountFeed } from '../../shared/account-feed.js';
import { ChatResolver } from './chat.resolver.js';
import { ChatService } from './chat.service.js';
import { ChatPresence } from './presence.js';

export interface ChatModuleDeps {
  config: Config;
  log: Logger;
  clock: Clock;
  db: Database;
  pubsub: AppPubSub;
  /** Commands fail fast while Redis is away: presence then counts nobody as watching. */
  redis: Redis;
  rateLimiter: RateLimiter;
  notifications: NotificationsService;
  applications: ApplicationSubjects;
  accounts: AccountsDirectory;
  branches: BranchesDirectory;
  /** The account feed (accountUpdates): every message reaches the thread's citizen; none when built alone. */
  feed?: AccountFeed;
}

export interface ChatModule extends ModuleParts {
  chat: ChatService;
  /** Whether a citizen has open business at a branch (what lets its operators see them). */
  branchLinks: CitizenBranchLinks;
  /** A message as the viewer may read it now (the account feed's ChatMessage); null when not. */
  findMessage(viewer: Viewer, id: string): Promise<ChatMessage | null>;
}

export function createChatModule(deps: ChatModuleDeps): ChatModule {
  const { config, log, clock, db, pubsub, redis, rateLimiter, notifications, applications, accounts, branches, feed } = deps;
  const presence = new ChatPresence({ redis, prefix: config.REDIS_PREFIX, clock, log });
  const chat = new ChatService({ config, db, clock, log, pubsub, notifications, rateLimiter, presence, applications, accounts, branches, feed });
  return {
    chat,
    branchLinks: createChatBranchLinks(db),
    findMessage: async (viewer, id) => {
      const m = await chat.message(viewer, id);
      return m ? toMessage(m) : null;
    },
    resolvers: [new ChatResolver(chat)],
    nodes: [nodeType('ChatThread', (viewer, id) => chat.thread(viewer, id), (row) => toThread(row))],
  };
}
