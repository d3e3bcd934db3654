/**
 * The application container: builds every long-lived piece once from the Config (database pool,
 * Redis connections, queues, keys, services) and closes them in reverse order. The API server,
 * the workers, the CLI and the tests all start from here, so they share one wiring.
 */
import { Redis } from 'ioredis';
import type { Router } from 'express';
import type { Config } from './config/env.js';
import type { JobContract, ProcessorDefinition, ScheduleDefinition } from './jobs/define.js';
import { allJobs as legacyJobs } from './jobs/registry.js';
import { createDb, type DbHandle } from './db/client.js';
import { createQueues, type Queues } from './jobs/queues.js';
import { createAccountsModule, type AccountsServices } from './modules/accounts/index.js';
import { createIdentityModule, type IdentityServices } from './modules/identity/index.js';
import { AccountDocuments, createAccountsDirectory, UserNotificationPreferencesResolver } from './modules/accounts/index.js';
import { createNotificationsModule, type DeliveryService, type NotificationsService } from './modules/notifications/index.js';
import { BranchesService } from './modules/branches/index.js';
import { createBranchesDirectory } from './modules/branches/index.js';
import { createCatalogModule, type CatalogService } from './modules/catalog/index.js';
import { toBranch } from './modules/branches/index.js';
import { LoadService } from './modules/queue/index.js';
import { BookingsService } from './modules/bookings/index.js';
import { createDocumentsModule, type DocumentsService } from './modules/documents/index.js';
import { DiskStorage } from './modules/documents/index.js';
import { createApplicationsModule, type ApplicationsService } from './modules/applications/index.js';
import { createChatModule, type ChatService } from './modules/chat/index.js';
import { createFeedbackModule, type FeedbackService } from './modules/feedback/index.js';
import { createBookingsDirectory } from './modules/bookings/index.js';
import type { ApplicationSubjects } from './shared/application-subjects.js';
import { toTicket } from './modules/queue/index.js';
import { LoadAlertsService, QueueService } from './modules/queue/index.js';
import { createAppPubSub, type AppPubSub } from './shared/pubsub.js';
import { createSystemModule, type SigningKeyStore } from './modules/system/index.js';
import { TokenService } from './shared/auth/tokens.js';
import { systemClock, type Clock } from './shared/clock.js';
import { NodeRegistry, NodeResolver } from './server/nodes.js';
import { nodeType } from './shared/graphql/relay.js';
import { createLogger, type Logger } from './shared/logger.js';
import { RateLimiter } from './shared/rate-limit.js';

export interface Services {
  accounts: AccountsServices;
  /** External ways to log in: SSO providers, passkeys, electronic signatures. */
  identity: IdentityServices;
  notifications: NotificationsService;
  delivery: DeliveryService;
  catalog: CatalogService;
  branches: BranchesService;
  load: LoadService;
  queue: QueueService;
  loadAlerts: LoadAlertsService;
  bookings: BookingsService;
  documents: DocumentsService;
  applications: ApplicationsService;
  chat: ChatService;
  feedback: FeedbackService;
  keys: SigningKeyStore;
  pubsub: AppPubSub;
  nodes: NodeRegistry;
}

export interface App {
  /** Resolver instances the modules constructed with their services (for the schema's container). */
  resolvers: object[];
  /** The modules' job contracts, processors and schedules, and their REST routes. */
  jobs: ReadonlyArray<JobContract<unknown>>;
  processors: ProcessorDefinition[];
  schedules: ScheduleDefinition[];
  routers: Router[];
  config: Config;
  log: Logger;
  clock: Clock;
  db: DbHandle;
  redis: { main: Redis; publisher: Redis; subscriber: Redis; events: { publisher: Redis; subscriber: Redis } };
  queues: Queues;
  keys: SigningKeyStore;
  tokens: TokenService;
  services: Services;
  /** Checks PostgreSQL and Redis answer (for /readyz). */
  ready(): Promise<{ postgres: boolean; redis: boolean }>;
  close(): Promise<void>;
}

export interface AppOptions {
  clock?: Clock;
  log?: Logger;
}


export async function createApp(config: Config, opts: AppOptions = {}): Promise<App> {
  const log = opts.log ?? createLogger(config.LOG_LEVEL, { service: 'mfc-account', role: config.ROLE });
  const clock = opts.clock ?? systemClock;
  const db = createDb(config.DATABASE_URL, { max: config.DATABASE_POOL_SIZE });

  // Commands fail fast while Redis is away (no offline queue): callers decide what an outage means.
  const main = new Redis(config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true });
  const publisher = new Redis(config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true });
  const subscriber = new Redis(config.REDIS_URL, { lazyConnect: true });
  for (const [name, r] of [['main', main], ['publisher', publisher], ['subscriber', subscriber]] as const) {
    r.on('error', (err: Error) => log.debug({ err: err.message, connection: name }, 'redis connection error'));
  }
  // Realtime events get their own pair: publishes queue up during an outage instead of failing.
  const events = { publisher: new Redis(config.REDIS_URL, { lazyConnect: true }), subscriber: new Redis(config.REDIS_URL, { lazyConnect: true }) };
  for (const r of [events.publisher, events.subscriber]) r.on('error', (err: Error) => log.debug({ err: err.message }, 'redis events connection error'));
  await Promise.all([main.connect(), publisher.connect(), subscriber.connect(), events.publisher.connect(), events.subscriber.connect()]);
  const pubsub = createAppPubSub({ publisher: events.publisher, subscriber: events.subscriber, prefix: config.REDIS_PREFIX });

  const queues = createQueues({ url: config.REDIS_URL, prefix: `${config.REDIS_PREFIX}bull` });
  const system = await createSystemModule({ config, log, clock, db: db.db });
  const keys = system.keys;
  const hashKey = await system.secret('data_hash_key', config.DATA_HASH_KEY);
  const tokens = new TokenService({ config, keys, clock });
  const notificationsModule = await createNotificationsModule({ config, log, clock, db: db.db, pubsub, recipients: createAccountsDirectory(db.db) });
  const { notifications, delivery } = notificationsModule;
  const rateLimiter = new RateLimiter({ redis: main, prefix: config.REDIS_PREFIX, log });

  const accounts = await createAccountsModule({ config, log, clock, db: db.db, tokens, notifications, rateLimiter, hashKey, redis: { publisher, subscriber } });
  const identity = createIdentityModule({ config, log, clock, db: db.db, rateLimiter, hashKey, accounts: accounts.external });
  const { identifiers } = accounts;

  const catalogModule = createCatalogModule({ config, db: db.db });
  const catalog = catalogModule.catalog;
  const load = new LoadService({ config, db: db.db, clock, log, pubsub, notifications });
  const queue = new QueueService({ db: db.db, clock, log, pubsub, notifications }, load);
  const loadAlerts = new LoadAlertsService({ db: db.db, clock }, load);
  const branchesService = new BranchesService({ db: db.db, clock });
  const nodes = new NodeRegistry();
  nodes.register(...(accounts.nodes ?? []));

  nodes.register(nodeType('Branch', (_viewer, id) => branchesService.branch(id), (row) => toBranch(row)));
  nodes.register(...(catalogModule.nodes ?? []));

  nodes.register(nodeType('QueueTicket', (viewer, id) => queue.ticket(viewer, id), (row) => toTicket(row)));

  const documentsModule = createDocumentsModule({ config, log, clock, db: db.db, storage: new DiskStorage(config.STORAGE_DIR), rateLimiter, notifications, identifiers, profiles: accounts.profile, sessions: accounts.sessions,
    accounts: createAccountsDirectory(db.db), accountDocuments: new AccountDocuments({ clock, hashKey, identifiers }) });
  const documents = documentsModule.documents;
  const applicationsModule = createApplicationsModule({ config, db: db.db, clock, log, pubsub, notifications, rateLimiter, profiles: accounts.profile, documents, attachments: documentsModule.attachments, files: documentsModule.attachments,
    accounts: createAccountsDirectory(db.db), branches: createBranchesDirectory(db.db), catalog: catalogModule.directory });
  const applications = applicationsModule.applications;
  nodes.register(...(documentsModule.nodes ?? []));
  nodes.register(...(applicationsModule.nodes ?? []));
  const applicationSubjects: ApplicationSubjects = { find: (id) => applications.subjectOf(id) };
  // What chat and feedback read of other modules: users, branches, bookings (read-only doors).
  const directories = { accounts: createAccountsDirectory(db.db), branches: createBranchesDirectory(db.db), bookings: createBookingsDirectory(db.db) };
  const chatModule = createChatModule({
    config,
    log,
    clock,
    db: db.db,
    pubsub,
    redis: main,
    rateLimiter,
    notifications,
    applications: applicationSubjects,
    accounts: directories.accounts,
    branches: directories.branches,
  });
  const { chat } = chatModule;
  const feedbackModule = createFeedbackModule({ config, db: db.db, clock, notifications, applications: applicationSubjects, ...directories });
  const { feedback } = feedbackModule;
  nodes.register(...(notificationsModule.nodes ?? []));
  nodes.register(...(chatModule.nodes ?? []));
  nodes.register(...(feedbackModule.nodes ?? []));

  const services: Services = {
    accounts,
    identity,
    notifications,
    delivery,
    catalog,
    branches: branchesService,
    load,
    queue,
    loadAlerts,
    bookings: new BookingsService({
      config,
      db: db.db,
      clock,
      log,
      pubsub,
      notifications,
      keys,
      queueChanged: (branchId) => load.changed(branchId),
      dropJob: (jobId) => queues.get('maintenance').remove(jobId),
    }),
    documents,
    applications,
    chat,
    feedback,
    keys,
    pubsub,
    nodes,
  };

  return {
    resolvers: [new NodeResolver(nodes), ...accounts.resolvers, ...identity.resolvers, ...catalogModule.resolvers, ...documentsModule.resolvers, ...applicationsModule.resolvers, ...notificationsModule.resolvers, new UserNotificationPreferencesResolver(notificationsModule.preferences), ...chatModule.resolvers, ...feedbackModule.resolvers],
    jobs: [...legacyJobs, ...(accounts.jobs ?? []), ...(identity.jobs ?? []), ...(documentsModule.jobs ?? []), ...(notificationsModule.jobs ?? []), ...(feedbackModule.jobs ?? [])],
    processors: [...(accounts.processors ?? []), ...(identity.processors ?? []), ...(documentsModule.processors ?? []), ...(notificationsModule.processors ?? []), ...(feedbackModule.processors ?? [])],
    schedules: [...(accounts.schedules ?? []), ...(identity.schedules ?? []), ...(documentsModule.schedules ?? []), ...(feedbackModule.schedules ?? [])],
    routers: [...documentsModule.routers, ...(notificationsModule.routers ?? [])],
    config,
    log,
    clock,
    db,
    redis: { main, publisher, subscriber, events },
    queues,
    keys,
    tokens,
    services,
    async ready() {
      const [postgres, redis] = await Promise.all([
        db.sql`select 1`.then(() => true, () => false),
        main.ping().then(() => true, () => false),
      ]);
      return { postgres, redis };
    },
    async close() {
      await system.close();
      await queues.close();
      await Promise.allSettled([main.quit(), publisher.quit(), subscriber.quit(), events.publisher.quit(), events.subscriber.quit()]);
      await notificationsModule.close();
      await db.close();
    },
  };
}
