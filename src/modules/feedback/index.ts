/** The front door of the feedback module: the only file other code imports from it. */
export { FeedbackResolver, toFeedback } from './feedback.resolver.js';
export { FeedbackService } from './feedback.service.js';
