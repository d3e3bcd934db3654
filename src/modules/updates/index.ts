/** The front door of the updates module (the account feed and accountUpdates): the only file other code imports from it. */
import 'reflect-metadata';
export { createUpdatesModule, type UpdatesModule, type UpdatesModuleDeps } from './updates.module.js';
export { AccountFeedService } from './updates.service.js';
export { AccountUpdatesResolver } from './updates.resolver.js';
export { pruneAccountUpdates } from './updates.jobs.js';
