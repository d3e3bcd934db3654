/**
 * The job of feedback: `feedback.flagOverdue`, run every COMPLAINT_SWEEP_SECONDS, flags complaints
 * whose answer deadline passed unanswered (through the feedback service).
 */
import type { RepeatOptions } from 'bullmq';
import { z } from 'zod';
import { defineJob, defineProcessor, defineSchedule, type ProcessorDefinition, type ScheduleDefinition } from '../../jobs/define.js';

/** Periodic: flags complaints whose answer deadline passed unanswered. */
export const flagOverdueComplaints = defineJob({
  name: 'feedback.flagOverdue',
  queue: 'maintenance',
  schema: z.object({}),
});

export function feedbackProcessors(feedback: { flagOverdue(): Promise<number> }): ProcessorDefinition[] {
  return [defineProcessor(flagOverdueComplaints, () => feedback.flagOverdue())];
}

export function feedbackSchedules(config: { COMPLAINT_SWEEP_SECONDS: number }): ScheduleDefinition[] {
  const repeat: RepeatOptions = { every: config.COMPLAINT_SWEEP_SECONDS * 1000 };
  return [defineSchedule(flagOverdueComplaints, repeat)];
}
