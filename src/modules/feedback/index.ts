/** The front door of the feedback module: the only file other code imports from it. */
// type-graphql's decorators need the metadata polyfill before any class of the module loads.
import 'reflect-metadata';
export { createFeedbackModule, type FeedbackModuleDeps } from './feedback.module.js';
export { FeedbackService } from './feedback.service.js';
export { FeedbackResolver } from './feedback.resolver.js';
export { flagOverdueComplaints } from './feedback.jobs.js';
