/**
 * Builds feedback: its service, resolver, `node(id)` for Feedback, and the overdue-complaints job
 * with its processor and schedule. Users, branches and bookings come in as the directories of
 * their modules, applications through the ApplicationSubjects port.
 */
import type { JobContract } from '../../jobs/define.js';
import { nodeType } from '../../shared/graphql/relay.js';
import type { ModuleParts } from '../../shared/module.js';
import { feedbackProcessors, feedbackSchedules, flagOverdueComplaints } from './feedback.jobs.js';
import { toFeedback } from './feedback.mappers.js';
import { FeedbackResolver } from './feedback.resolver.js';
import { FeedbackService, type FeedbackDeps } from './feedback.service.js';

export type FeedbackModuleDeps = FeedbackDeps;

export interface FeedbackModule extends ModuleParts {
  feedback: FeedbackService;
}

export function createFeedbackModule(deps: FeedbackModuleDeps): FeedbackModule {
  const feedback = new FeedbackService(deps);
  return {
    feedback,
    resolvers: [new FeedbackResolver(feedback, deps.db)],
    nodes: [nodeType('Feedback', (viewer, id) => feedback.feedback(viewer, id), (row) => toFeedback(row))],
    jobs: [flagOverdueComplaints] as ReadonlyArray<JobContract<unknown>>,
    processors: feedbackProcessors(feedback),
    schedules: feedbackSchedules(deps.config),
  };
}
