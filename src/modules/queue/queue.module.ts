/**
 * The queue module, assembled: tickets and windows (QueueService), what follows each change
 * (QueueEffects), ticket actions, the branch's day (QueueDayService), the hall's board
 * (BoardService), live load and its alerts, forecasts and recommendations, their resolvers, the
 * QueueTicket node and the queue's jobs. The owner of bookings comes in through ports (src/app.ts).
 */
import type { QueueDeps } from './queue.deps.js';
import { nodeType } from '../../shared/graphql/relay.js';
import type { ModuleParts } from '../../shared/module.js';
import type { CitizenBranchLinks } from '../../shared/staff-access.js';
import { BoardService } from './board.service.js';
import { ForecastService } from './forecast.service.js';
import { BranchForecastResolver, ForecastResolver } from './forecast.resolver.js';
import { createQueueBranchLinks } from './queue.links.js';
import { LoadAlertsService } from './load-alerts.service.js';
import { LoadService } from './load.service.js';
import { QueueDayService } from './queue-day.service.js';
import { BoardResolver, BranchBoardResolver } from './queue-board.resolver.js';
import { QueueEffects } from './queue.effects.js';
import { queueJobs } from './queue.jobs.js';
import { toTicket } from './queue.mappers.js';
import { BranchLoadResolver, LoadAlertResolver, QueueResolver } from './queue.resolver.js';
import { QueueService } from './queue.service.js';
import { TicketActionsResolver } from './ticket-actions.resolver.js';
import { TicketActionsService } from './ticket-actions.service.js';

export type QueueModuleDeps = QueueDeps;

export interface QueueModule extends ModuleParts {
  queue: QueueService;
  load: LoadService;
  loadAlerts: LoadAlertsService;
  days: QueueDayService;
  forecasts: ForecastService;
  /** Whether a citizen has open business at a branch (what lets its operators see them). */
  branchLinks: CitizenBranchLinks;
}

export function createQueueModule(deps: QueueModuleDeps): QueueModule {
  const { config, db, clock, pubsub, branches } = deps;
  const load = new LoadService(deps);
  const effects = new QueueEffects(deps, load);
  const queue = new QueueService(deps, effects);
  const actions = new TicketActionsService(deps, effects);
  const days = new QueueDayService(deps, effects);
  const board = new BoardService(deps, effects);
  const forecasts = new ForecastService(deps, load);
  const loadAlerts = new LoadAlertsService({ db, clock, branches }, load);
  return {
    queue,
    load,
    loadAlerts,
    days,
    forecasts,
    branchLinks: createQueueBranchLinks(db),
    resolvers: [
      new QueueResolver(queue, loadAlerts, load, pubsub, db),
      new LoadAlertResolver(db),
      new BranchLoadResolver(load, db),
      new TicketActionsResolver(queue, actions),
      new BoardResolver(board),
      new BranchBoardResolver(board),
      new ForecastResolver(forecasts, db),
      new BranchForecastResolver(forecasts, db),
    ],
    nodes: [nodeType('QueueTicket', (viewer, id) => queue.ticket(viewer, id), (row) => toTicket(row))],
    ...queueJobs(
      { sampleAll: () => load.sampleAll(), aggregate: () => forecasts.aggregate(), closeDay: (branchId, day) => days.closeDay(branchId, day), sweep: () => days.sweep() },
      { sampleIntervalMinutes: config.LOAD_SAMPLE_INTERVAL_MINUTES, aggregateIntervalMinutes: config.LOAD_AGGREGATE_INTERVAL_MINUTES, sweepMinutes: config.QUEUE_DAY_SWEEP_MINUTES },
    ),
  };
}
