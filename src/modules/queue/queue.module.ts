/**
 * The queue module, assembled: tickets and windows (QueueService), live load (LoadService), load
 * alerts, their resolvers, the QueueTicket node and the load-sampling job. The end of a booked
 * visit goes to the owner of bookings through the VisitOutcomes port (given by src/app.ts).
 */
import type { Config } from '../../config/env.js';
import type { Database } from '../../db/client.js';
import type { Clock } from '../../shared/clock.js';
import { nodeType } from '../../shared/graphql/relay.js';
import type { Logger } from '../../shared/logger.js';
import type { ModuleParts } from '../../shared/module.js';
import type { CitizenBranchLinks } from '../../shared/staff-access.js';
import { createQueueBranchLinks } from './queue.links.js';
import type { AppPubSub } from '../../shared/pubsub.js';
import type { AccountsDirectory } from '../accounts/index.js';
import type { BranchesDirectory } from '../branches/index.js';
import type { CatalogDirectory } from '../catalog/index.js';
import type { NotificationsService } from '../notifications/index.js';
import { LoadAlertsService } from './load-alerts.service.js';
import { LoadService } from './load.service.js';
import { queueJobs } from './queue.jobs.js';
import { toTicket } from './queue.mappers.js';
import type { VisitOutcomes } from './queue.ports.js';
import { BranchLoadResolver, LoadAlertResolver, QueueResolver } from './queue.resolver.js';
import { QueueService } from './queue.service.js';

export interface QueueModuleDeps {
  config: Config;
  db: Database;
  clock: Clock;
  log: Logger;
  pubsub: AppPubSub;
  notifications: NotificationsService;
  accounts: AccountsDirectory;
  branches: BranchesDirectory;
  catalog: CatalogDirectory;
  /** The owner of bookings, told when a booked visit ends with its ticket. */
  visits: VisitOutcomes;
}

export interface QueueModule extends ModuleParts {
  queue: QueueService;
  load: LoadService;
  loadAlerts: LoadAlertsService;
  /** Whether a citizen has open business at a branch (what lets its operators see them). */
  branchLinks: CitizenBranchLinks;
}

export function createQueueModule(deps: QueueModuleDeps): QueueModule {
  const { config, db, clock, log, pubsub, notifications, accounts, branches, catalog, visits } = deps;
  const load = new LoadService({ config, db, clock, log, pubsub, notifications, accounts, branches });
  const queue = new QueueService({ db, clock, log, pubsub, notifications, accounts, branches, catalog, visits }, load);
  const loadAlerts = new LoadAlertsService({ db, clock, branches }, load);
  return {
    queue,
    load,
    loadAlerts,
    branchLinks: createQueueBranchLinks(db),
    resolvers: [new QueueResolver(queue, loadAlerts, load, pubsub, db), new LoadAlertResolver(db), new BranchLoadResolver(load, db)],
    nodes: [nodeType('QueueTicket', (viewer, id) => queue.ticket(viewer, id), (row) => toTicket(row))],
    ...queueJobs(load, { sampleIntervalMinutes: config.LOAD_SAMPLE_INTERVAL_MINUTES }),
  };
}
