/** The front door of the queue module: the only file other code imports from it. */
export { LoadService } from './load.service.js';
export { createQueueLoaders } from './queue.loaders.js';
export { toTicket } from './queue.mappers.js';
export { BranchLoadResolver, LoadAlertResolver, QueueResolver } from './queue.resolver.js';
export { LoadAlertsService, QueueService, ticketNumber } from './queue.service.js';
export { QueueTicket } from './queue.types.js';
