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
import { AuthService } from './modules/accounts/index.js';
import { ChallengeService } from './modules/accounts/index.js';
import { CredentialsService } from './modules/accounts/index.js';
import { ProfileService } from './modules/accounts/index.js';
import { VerifiedIdentifiers } from './modules/accounts/index.js';
import { SessionGuard } from './modules/accounts/index.js';
import { SsoService } from './modules/identity/index.js';
import { PasskeysService } from './modules/identity/index.js';
import { SignatureService } from './modules/identity/index.js';
import * as accountsRepo from './modules/accounts/accounts.repository.js';
import { toUser } from './modules/accounts/index.js';
import { loadVapidKeys, NotificationsService } from './modules/notifications/index.js';
import { DeliveryService } from './modules/notifications/index.js';
import { BranchesService } from './modules/branches/index.js';
import { CatalogService } from './modules/catalog/index.js';
import { toBranch } from './modules/branches/index.js';
import { toService } from './modules/catalog/index.js';
import { LoadService } from './modules/queue/index.js';
import { BookingsService } from './modules/bookings/index.js';
import { DocumentsService } from './modules/documents/index.js';
import { DiskStorage } from './modules/documents/index.js';
import { ApplicationsService } from './modules/applications/index.js';
import { ChatService } from './modules/chat/index.js';
import { ChatPresence } from './modules/chat/index.js';
import { FeedbackService } from './modules/feedback/index.js';
import { toThread } from './modules/chat/index.js';
import { toFeedback } from './modules/feedback/index.js';
import { toNotification } from './modules/notifications/index.js';
import type { ApplicationSubjects } from './shared/application-subjects.js';
import { toTicket } from './modules/queue/index.js';
import { LoadAlertsService, QueueService } from './modules/queue/index.js';
import { createAppPubSub, type AppPubSub } from './shared/pubsub.js';
import { KeyStore } from './shared/auth/keys.js';
import { TokenService } from './shared/auth/tokens.js';
import { systemClock, type Clock } from './shared/clock.js';
import { NodeRegistry, NodeResolver } from './server/nodes.js';
import { nodeType } from './shared/graphql/relay.js';
import { createLogger, type Logger } from './shared/logger.js';
import { RateLimiter } from './shared/rate-limit.js';
import { loadOrCreateSecret } from './shared/secrets.js';
import type { AccountsDeps } from './modules/accounts/index.js';
import { toAttachment, toDocument } from './modules/documents/index.js';
import { DOCUMENTS_TIMEZONE } from './modules/documents/index.js';
import { toApplication } from './modules/applications/index.js';
import { localDay } from './shared/days.js';
import { withTimeout } from './shared/timeout.js';

export interface Services {
  accounts: {
    auth: AuthService;
    credentials: CredentialsService;
    profile: ProfileService;
    challenges: ChallengeService;
    sessions: SessionGuard;
  };
  /** External ways to log in: SSO providers, passkeys, electronic signatures. */
  identity: {
    sso: SsoService;
    passkeys: PasskeysService;
    signature: SignatureService;
  };
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
  keys: KeyStore;
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
  keys: KeyStore;
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

const REVOKED_CHANNEL = 'sessions:revoked';
const KEY_REFRESH_MS = 10 * 60_000;

export async function createApp(config: Config, opts: AppOptions = {}): Promise<App> {
  const log = opts.log ?? createLogger(config.LOG_LEVEL, { service: 'mfc-account', role: config.ROLE });
  const clock = opts.clock ?? systemClock;
  const db = createDb(config.DATABASE_URL, { max: config.DATABASE_POOL_SIZE, connectTimeoutSeconds: config.DATABASE_CONNECT_TIMEOUT_SECONDS, statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS });

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
  const keys = new KeyStore({ config, db: db.db, clock });
  await keys.refresh();
  const keyTimer = setInterval(() => {
    keys.refresh().catch((err: unknown) => log.error({ err }, 'signing key refresh failed'));
  }, KEY_REFRESH_MS);
  keyTimer.unref();
  const hashKey = await loadOrCreateSecret(db.db, 'data_hash_key', config.DATA_HASH_KEY);
  const tokens = new TokenService({ config, keys, clock });
  const vapid = await loadVapidKeys(db.db, config);
  const notifications = new NotificationsService({ config, log, clock, db: db.db, vapid });
  const delivery = new DeliveryService({ config, log, clock, db: db.db, pubsub, vapid, notifications });
  const rateLimiter = new RateLimiter({ redis: main, prefix: config.REDIS_PREFIX, log });

  const revokedChannel = `${config.REDIS_PREFIX}${REVOKED_CHANNEL}`;
  let guard: SessionGuard | null = null;
  const deps: AccountsDeps = {
    config,
    log,
    clock,
    db: db.db,
    tokens,
    notifications,
    rateLimiter,
    hashKey,
    sessionEvents: {
      async revoked(sessionIds) {
        if (sessionIds.length === 0) return;
        guard?.forget(sessionIds);
        try {
          await publisher.publish(revokedChannel, JSON.stringify(sessionIds));
        } catch (err) {
          // Other instances still refuse the session within SESSION_CACHE_SECONDS.
          log.warn({ err }, 'could not broadcast a session revocation');
        }
      },
    },
  };
  guard = new SessionGuard(deps);
  const sessionGuard = guard;
  await subscriber.subscribe(revokedChannel);
  subscriber.on('message', (channel: string, message: string) => {
    if (channel !== revokedChannel) return;
    try {
      const ids: unknown = JSON.parse(message);
      if (Array.isArray(ids)) sessionGuard.forget(ids.filter((x): x is string => typeof x === 'string'));
    } catch {
      log.warn('malformed session revocation message');
    }
  });

  const challenges = new ChallengeService(deps);
  const auth = new AuthService(deps, challenges);
  const credentials = new CredentialsService(deps, challenges, auth);
  const profile = new ProfileService(deps, challenges, auth);
  const identifiers = new VerifiedIdentifiers(deps, auth);

  const catalog = new CatalogService({ config, db: db.db });
  const load = new LoadService({ config, db: db.db, clock, log, pubsub, notifications });
  const queue = new QueueService({ db: db.db, clock, log, pubsub, notifications }, load);
  const loadAlerts = new LoadAlertsService({ db: db.db, clock }, load);
  const branchesService = new BranchesService({ db: db.db, clock });
  const nodes = new NodeRegistry();
  nodes.register(nodeType('User', (viewer, id) => profile.userById(viewer, id), (row) => toUser(row)));
  nodes.register({
    typename: 'Session',
    fetch: async (viewer, id) => {
      const s = await accountsRepo.findSession(db.db, id);
      if (!s || s.userId !== viewer.userId) return null;
      return { id: s.id, userAgent: s.userAgent, ip: s.ip, createdAt: s.createdAt, lastSeenAt: s.lastSeenAt, current: s.id === viewer.sessionId };
    },
  });

  nodes.register(nodeType('Branch', (_viewer, id) => branchesService.branch(id), (row) => toBranch(row)));
  nodes.register(nodeType('Service', (_viewer, id) => catalog.service({ id }), (row) => toService(row)));

  nodes.register(nodeType('QueueTicket', (viewer, id) => queue.ticket(viewer, id), (row) => toTicket(row)));

  const documents = new DocumentsService({ config, db: db.db, clock, log, storage: new DiskStorage(config.STORAGE_DIR), notifications, rateLimiter, hashKey, identifiers });
  const applications = new ApplicationsService({ config, db: db.db, clock, log, pubsub, notifications, documents, rateLimiter });
  nodes.register(nodeType('PersonalDocument', (viewer, id) => documents.document(viewer, id), (row) => toDocument(row, localDay(clock.now(), DOCUMENTS_TIMEZONE), config.DOCUMENT_EXPIRY_REMINDER_DAYS)));
  nodes.register(nodeType('Attachment', (viewer, id) => documents.attachment(viewer, id), (row) => toAttachment(row, documents.fileUrl(row.id))));
  nodes.register(nodeType('Application', (viewer, id) => applications.application(viewer, id), (row) => toApplication(row)));
  const applicationSubjects: ApplicationSubjects = { find: (id) => applications.subjectOf(id) };
  const chat = new ChatService({
    config,
    db: db.db,
    clock,
    log,
    pubsub,
    notifications,
    rateLimiter,
    presence: new ChatPresence({ redis: main, prefix: config.REDIS_PREFIX, clock, log }),
    applications: applicationSubjects,
  });
  const feedback = new FeedbackService({ config, db: db.db, clock, notifications, applications: applicationSubjects });
  nodes.register(nodeType('Notification', (viewer, id) => notifications.notification(viewer, id), (row) => toNotification(row)));
  nodes.register(nodeType('ChatThread', (viewer, id) => chat.thread(viewer, id), (row) => toThread(row)));
  nodes.register(nodeType('Feedback', (viewer, id) => feedback.feedback(viewer, id), (row) => toFeedback(row)));

  const services: Services = {
    accounts: { auth, credentials, profile, challenges, sessions: sessionGuard },
    identity: { sso: new SsoService(deps, auth, identifiers), passkeys: new PasskeysService(deps, auth), signature: new SignatureService(deps, auth, identifiers) },
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
    resolvers: [new NodeResolver(nodes)],
    jobs: [...legacyJobs],
    processors: [],
    schedules: [],
    routers: [],
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
      // Bounded: a check that hangs (PostgreSQL unreachable, connect pending) counts as down.
      const within = (p: Promise<unknown>) => withTimeout(p, config.READINESS_TIMEOUT_MS).then(() => true, () => false);
      const [postgres, redis] = await Promise.all([within(db.sql`select 1`.execute()), within(main.ping())]);
      return { postgres, redis };
    },
    async close() {
      clearInterval(keyTimer);
      await queues.close();
      await Promise.allSettled([main.quit(), publisher.quit(), subscriber.quit(), events.publisher.quit(), events.subscriber.quit()]);
      await delivery.close?.();
      await db.close();
    },
  };
}
