/**
 * The composition root: the infrastructure (src/infrastructure.ts), then every module built by its
 * own `create<M>Module(deps)` with the doors it needs, in dependency order, and their parts
 * collected: resolver instances for the schema's container, node(id) types, job contracts,
 * processors, schedules and REST routes. The API server, the workers, the CLI and the tests all
 * start from here, so they share one wiring. Nothing imports this file but the entry points.
 */
import type { Router } from 'express';
import type { Config } from './config/env.js';
import type { ResealCount } from './db/reseal.js';
import type { DbHandle } from './db/client.js';
import type { JobContract, ProcessorDefinition, ScheduleDefinition } from './jobs/define.js';
import type { Queues } from './jobs/queues.js';
import { createInfrastructure, type Infrastructure, type InfrastructureOptions, type ReadyChecks, type RedisConnections } from './infrastructure.js';
import { createAccountsDirectory, createAccountsModule, type AccountsModule } from './modules/accounts/index.js';
import { createApplicationsModule, type ApplicationFees, type ApplicationsModule, type ApplicationsService } from './modules/applications/index.js';
import { createBookingsModule, type BookingsService, type VisitDocuments } from './modules/bookings/index.js';
import { createBookingsDirectory } from './modules/bookings/index.js';
import { createBranchesModule, type BranchesService, type ScheduleChangeListener } from './modules/branches/index.js';
import { createCatalogModule, type CatalogService } from './modules/catalog/index.js';
import { createChatModule, type ChatService } from './modules/chat/index.js';
import { createDocumentsModule, DiskStorage, type DocumentsService } from './modules/documents/index.js';
import { createFamilyModule, type FamilyModule } from './modules/family/index.js';
import { createFeedbackModule, type FeedbackService } from './modules/feedback/index.js';
import { createIdentityModule, type IdentityServices, type SignableDocuments } from './modules/identity/index.js';
import { type ApiClientsService, type IntegrationsModule, type WebhooksService } from './modules/integrations/index.js';
import { createNotificationsModule, type DeliveryService, type NotificationsService } from './modules/notifications/index.js';
import { createPaymentsModule, type PaymentsModule, type PaymentsService } from './modules/payments/index.js';
import { createPrivacyModule, type PrivacyModule } from './modules/privacy/index.js';
import { createQueueModule, type LoadAlertsService, type LoadService, type QueueService, type VisitOutcomes } from './modules/queue/index.js';
import { createSystemModule, type SigningKeyStore } from './modules/system/index.js';
import { NodeRegistry, NodeResolver } from './server/nodes.js';
import { TokenService } from './shared/auth/tokens.js';
import type { Clock } from './shared/clock.js';
import type { Logger } from './shared/logger.js';
import type { ModuleParts } from './shared/module.js';
import type { AppPubSub } from './shared/pubsub.js';
import type { AccountFeed } from './shared/account-feed.js';
import type { StaffAccess } from './shared/staff-access.js';
import { createAccountFeed, createIntegrations, freePlacesOf, lateDependants, lateFees, lateSignables, lateStaffAccess, lateVisitDocuments, type FeedSources } from './app.late.js';
import type { CitizenDependants } from './shared/dependants.js';
import { SignedLinks } from './shared/signed-links.js';

/** The modules' door services, for the transport, the CLI and the tests. */
export interface Services {
  accounts: AccountsModule;
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
  /** Dependants, profile changes by request and the coming-of-age job. */
  family: FamilyModule;
  payments: PaymentsService;
  keys: SigningKeyStore;
  pubsub: AppPubSub;
  nodes: NodeRegistry;
  /** Machine clients (API keys) and webhook endpoints. */
  apiClients: ApiClientsService;
  webhooks: WebhooksService;
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
  redis: RedisConnections;
  queues: Queues;
  keys: SigningKeyStore;
  tokens: TokenService;
  services: Services;
  /** Re-seals every value at rest not sealed with the current data key, table by table (rotate-data-key). */
  resealData(batchSize: number): Promise<ResealCount[]>;
  /** Checks PostgreSQL and Redis answer and the migrations are applied (for /readyz). */
  ready(): Promise<ReadyChecks>;
  close(): Promise<void>;
}

export type AppOptions = InfrastructureOptions;

/** Accounts, identity and notifications: who the users are and how they are told. */
async function createPeopleModules(infra: Infrastructure, staffAccess: StaffAccess, feed: AccountFeed, documents: SignableDocuments) {
  const { config, log, clock, db, pubsub, rateLimiter, redis } = infra;
  const system = await createSystemModule({ config, log, clock, db: db.db });
  const hashKey = await system.secret('data_hash_key', config.DATA_HASH_KEY);
  const apiKeyHashKey = await system.secret('api_key_hash_key', config.API_KEY_HASH_KEY);
  const { cipher } = system;
  const tokens = new TokenService({ config, keys: system.keys, clock });
  // Notifications read users through a port of their own; accounts' read-only directory fits it.
  const notifications = await createNotificationsModule({ config, log, clock, db: db.db, pubsub, recipients: createAccountsDirectory(db.db, cipher, hashKey), cipher, feed });
  const accounts = await createAccountsModule({
    config, log, clock, db: db.db, tokens, rateLimiter, hashKey, cipher, staffAccess,
    notifications: notifications.notifications,
    preferences: notifications.preferences,
    redis: { publisher: redis.publisher, subscriber: redis.subscriber },
  });
  const identity = createIdentityModule({ config, log, clock, db: db.db, rateLimiter, hashKey, cipher, accounts: accounts.external, documents });
  // Signed file links (src/shared/signed-links.ts): one key for every instance, checked against live sessions.
  const links = new SignedLinks({ key: await system.secret('file_link_key'), ttlSeconds: config.FILE_LINK_TTL_SECONDS, baseUrl: config.PUBLIC_URL, clock, sessions: accounts.sessions });
  return { system, tokens, notifications, accounts, identity, apiKeyHashKey, links };
}

/** Catalog, branches, the queue and bookings: the branch's day. */
function createBranchModules(infra: Infrastructure, people: Awaited<ReturnType<typeof createPeopleModules>>, late: { documents: VisitDocuments; feed: AccountFeed; dependants: CitizenDependants }) {
  const { config, log, clock, db, pubsub, queues, publicCache } = infra;
  const notifications = people.notifications.notifications;
  const catalog = createCatalogModule({ config, db: db.db, clock, cache: publicCache });
  // A schedule change cancels the bookings it closes, in its own transaction (a port: branches do not import bookings).
  const scheduleListener: ScheduleChangeListener = { scheduleChanged: (tx, change) => bookings.bookings.scheduleChanged(tx, change) };
  const branches = createBranchesModule({ db: db.db, reads: db.reads, clock, cache: publicCache, scheduleListener, suggestionsMax: config.SEARCH_SUGGESTIONS_MAX });
  // The queue tells the owner of bookings when a booked visit ends (a port: the queue does not import bookings).
  const visits: VisitOutcomes = {
    endVisit: (tx, bookingId, status) => bookings.bookings.endVisit(tx, bookingId, status),
    visitEnded: (visit) => bookings.bookings.visitEnded(visit),
  };
  // Free appointment places for the queue's forecast and recommendation (a port, likewise).
  const places = freePlacesOf(() => bookings.bookings);
  const accountsDirectory = people.accounts.directory;
  const queue = createQueueModule({ config, db: db.db, reads: db.reads, clock, log, pubsub, notifications, accounts: accountsDirectory, branches: branches.directory, catalog: catalog.directory, visits, places, feed: late.feed });
  const bookings = createBookingsModule({
    config, db: db.db, clock, log, pubsub, notifications,
    keys: people.system.keys,
    links: people.links,
    accounts: accountsDirectory,
    profile: people.accounts.profile,
    sessions: people.accounts.sessions,
    queue: queue.queue,
    dropJob: (jobId) => queues.get('maintenance').remove(jobId),
    documents: late.documents,
    feed: late.feed,
    dependants: late.dependants,
    branches: { directory: branches.directory, service: branches.branches },
    catalog: { directory: catalog.directory, service: catalog.catalog },
  });
  return { catalog, branches, queue, bookings };
}

/** Documents, applications, chat and feedback: the citizen's papers and conversations. */
function createCaseModules(infra: Infrastructure, people: Awaited<ReturnType<typeof createPeopleModules>>, branch: ReturnType<typeof createBranchModules>, ports: { staffAccess: StaffAccess; dependants: CitizenDependants; fees: ApplicationFees; feed: AccountFeed }) {
  const { staffAccess, dependants, fees, feed } = ports;
  const { config, log, clock, db, pubsub, rateLimiter, redis } = infra;
  const { accounts } = people;
  const notifications = people.notifications.notifications;
  const documents = createDocumentsModule({
    config, log, clock, db: db.db, rateLimiter, notifications, staffAccess,
    storage: new DiskStorage(config.STORAGE_DIR),
    identifiers: accounts.identifiers,
    profiles: accounts.profile,
    sessions: accounts.sessions,
    accounts: accounts.directory,
    accountDocuments: accounts.documents,
    cipher: people.system.cipher,
    links: people.links,
    dependants: { isOwnActive: async (parentId, dependantId, tx) => (await dependants.ownActive(parentId, dependantId, tx)) !== null },
  });
  const family = createFamilyModule({
    config, db: db.db, clock, notifications, staffAccess,
    cipher: people.system.cipher,
    documents: documents,
    accounts: accounts.directory,
    accountWrites: accounts.documents,
    profiles: accounts.profile,
  });
  const applications = createApplicationsModule({
    config, db: db.db, clock, log, pubsub, notifications, rateLimiter, staffAccess, fees, feed,
    profiles: accounts.profile,
    documents: documents.documents,
    attachments: documents.attachments,
    files: documents.attachments,
    accounts: accounts.directory,
    branches: branch.branches.directory,
    catalog: branch.catalog.directory,
    dependants: family.citizenDependants,
  });
  const subjects = { find: (id: string) => applications.applications.subjectOf(id) };
  const chat = createChatModule({ config, log, clock, db: db.db, pubsub, redis: redis.main, rateLimiter, notifications, applications: subjects, accounts: accounts.directory, branches: branch.branches.directory, feed });
  const integrations = createIntegrations(infra, people, branch.branches);
  const feedback = createFeedbackModule({ config, db: db.db, clock, notifications, applications: subjects, accounts: accounts.directory, branches: branch.branches.directory, bookings: createBookingsDirectory(db.db) });
  // A deactivated staff member's open cases go back to their line (chats are never assigned to a person).
  accounts.staff.whenDeactivated((tx, staffId) => feedback.feedback.releaseCasesOf(tx, staffId));
  return { documents, family, applications, chat, feedback, integrations };
}

const integrationServices = (m: IntegrationsModule) => ({ apiClients: m.apiClients, webhooks: m.webhooks });


/** The privacy rule asks every module that links a citizen to a branch. */
function createPrivacy(infra: Infrastructure, people: Awaited<ReturnType<typeof createPeopleModules>>, branch: ReturnType<typeof createBranchModules>, cases: ReturnType<typeof createCaseModules>) {
  return createPrivacyModule({
    db: infra.db.db,
    clock: infra.clock,
    accounts: people.accounts.directory,
    branches: branch.branches.directory,
    links: [branch.bookings.branchLinks, branch.queue.branchLinks, cases.applications.branchLinks, cases.chat.branchLinks],
  });
}

/** Charges and payments: they read users, services' fees and applications through their doors. */
function createMoneyModules(infra: Infrastructure, people: Awaited<ReturnType<typeof createPeopleModules>>, branch: ReturnType<typeof createBranchModules>, cases: ReturnType<typeof createCaseModules>, feed: AccountFeed) {
  const { config, log, clock, db, pubsub, redis } = infra;
  const applications = cases.applications.applications;
  return createPaymentsModule({
    config, log, clock, db: db.db, pubsub, feed,
    notifications: people.notifications.notifications,
    accounts: people.accounts.directory,
    catalog: branch.catalog.directory,
    applications: { find: (id) => applications.subjectOf(id), staffBranch: (viewer) => applications.staffBranch(viewer) },
    applicationsDoor: applications,
    sessions: people.accounts.sessions,
    links: people.links,
    redis: redis.main,
  });
}

export async function createApp(config: Config, opts: AppOptions = {}): Promise<App> {
  const infra = await createInfrastructure(config, opts);
  const late: { privacy?: PrivacyModule; documents?: DocumentsService; family?: FamilyModule; payments?: PaymentsModule; applications?: ApplicationsModule } & FeedSources = {};
  const staffAccess = lateStaffAccess(() => late.privacy);
  const dependants = lateDependants(() => late.family);
  const updates = createAccountFeed(infra, late);
  const people = await createPeopleModules(infra, staffAccess, updates.feed, lateSignables(() => late.family, () => late.applications?.applications));
  const branch = createBranchModules(infra, people, { documents: lateVisitDocuments(() => late.documents), feed: updates.feed, dependants });
  const cases = createCaseModules(infra, people, branch, { staffAccess, dependants, fees: lateFees(() => late.payments), feed: updates.feed });
  const payments = createMoneyModules(infra, people, branch, cases, updates.feed);
  const privacy = createPrivacy(infra, people, branch, cases);
  Object.assign(late, { privacy, documents: cases.documents.documents, family: cases.family, payments, applications: cases.applications, chat: cases.chat });
  const modules: ModuleParts[] = [people.accounts, people.identity, people.notifications, ...Object.values(branch), ...Object.values(cases), payments, privacy, updates];
  const nodes = (late.nodes = new NodeRegistry());
  for (const m of modules) nodes.register(...(m.nodes ?? []));
  const services: Services = {
    accounts: people.accounts,
    identity: people.identity,
    notifications: people.notifications.notifications,
    delivery: people.notifications.delivery,
    catalog: branch.catalog.catalog,
    branches: branch.branches.branches,
    load: branch.queue.load,
    queue: branch.queue.queue,
    loadAlerts: branch.queue.loadAlerts,
    bookings: branch.bookings.bookings,
    documents: cases.documents.documents,
    applications: cases.applications.applications,
    chat: cases.chat.chat,
    feedback: cases.feedback.feedback,
    family: cases.family,
    payments: payments.payments,
    keys: people.system.keys,
    pubsub: infra.pubsub,
    nodes,
    ...integrationServices(cases.integrations),
  };
  return {
    resolvers: [new NodeResolver(nodes), ...modules.flatMap((m) => m.resolvers)],
    jobs: modules.flatMap((m) => m.jobs ?? []),
    processors: modules.flatMap((m) => m.processors ?? []),
    schedules: modules.flatMap((m) => m.schedules ?? []),
    routers: modules.flatMap((m) => m.routers ?? []),
    ...infra,
    keys: people.system.keys,
    tokens: people.tokens,
    services,
    async resealData(batchSize) {
      const owners = [people.system, people.notifications, people.accounts, people.identity, cases.documents, cases.family, cases.integrations];
      const counts: ResealCount[] = [];
      for (const owner of owners) counts.push(await owner.reseal(batchSize));
      return counts;
    },
    async close() {
      for (const m of [...modules].reverse()) await m.close?.();
      await people.system.close();
      await infra.close();
    },
  };
}
