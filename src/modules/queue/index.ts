/** The front door of the queue module: the only file other code imports from it. */
// The door defines GraphQL types: the metadata polyfill loads first, whoever imports the door first (a job contract in a test).
import 'reflect-metadata';
export { createQueueModule, type QueueModule, type QueueModuleDeps } from './queue.module.js';
export type { LoadService } from './load.service.js';
export type { LoadAlertsService } from './load-alerts.service.js';
export type { QueueService, TicketIssuer } from './queue.service.js';
export type { QueueDayService } from './queue-day.service.js';
export type { ForecastService } from './forecast.service.js';
export type { FreePlace, FreePlaces, VisitEnd, VisitOutcomes } from './queue.ports.js';
export { aggregateLoad, closeQueueDay, sampleLoad, sweepQueueDays } from './queue.jobs.js';
export { toTicket } from './queue.mappers.js';
export { BranchLoadResolver, LoadAlertResolver, QueueResolver } from './queue.resolver.js';
export { BoardResolver, BranchBoardResolver } from './queue-board.resolver.js';
export { BranchForecastResolver, ForecastResolver } from './forecast.resolver.js';
export { TicketActionsResolver } from './ticket-actions.resolver.js';
export { BranchRecommendation, QueueTicket } from './queue.types.js';
export type { TicketRow } from './queue.repository.js';
