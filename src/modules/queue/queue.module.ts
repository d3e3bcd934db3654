/**
 * The queue module, assembled: tickets and windows (QueueService), live load (LoadService), load
 * alerts, their resolvers, the QueueTicket node and the load-sampling job. The end of a booked
 * visit goes to the owner of bookings through the VisitOutcomes port (given by src/app.ts).
 */
import type { QueueDeps } from './queue.deps.js';
import { nodeType } from '../../shared/graphql/relay.js';
import type { ModuleParts } from '../../shared/module.js';
import type { CitizenBranchLinks } from '../../shared/staff-access.js';
import { createQueueBranchLinks } from './queue.links.js';
import { LoadAlertsService } from './load-alerts.service.js';
import { LoadService } from './load.service.js';
import { queueJobs } from './queue.jobs.js';
import { toTicket } from './queue.mappers.js';
import { BranchLoadResolver, LoadAlertResolver, QueueResolver } from './queue.resolver.js';
import { QueueService } from './queue.service.js';

export type QueueModuleDeps = QueueDeps;

export interface QueueModule extends ModuleParts {
  queue: QueueService;
  load: LoadService;
  loadAlerts: LoadAlertsService;
  /** Whether a citizen has open business at a branch (what lets its operators see them). */
  branchLinks: CitizenBranchLinks;
}

export function createQueueModule(deps: QueueModuleDeps): QueueModule {
  const { config, db, clock, pubsub, branches } = deps;
  const load = new LoadService(deps);
  const queue = new QueueService(deps, load);
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
