/** The account feed's retention: events older than ACCOUNT_UPDATES_RETENTION_HOURS are dropped hourly. */
import { z } from 'zod';
import { defineJob, defineProcessor, defineSchedule, type JobContract, type ProcessorDefinition, type ScheduleDefinition } from '../../jobs/define.js';

export const pruneAccountUpdates = defineJob({ name: 'updates.prune', queue: 'maintenance', schema: z.object({}) });

const PRUNE_EVERY_MS = 3_600_000;

export function updatesJobs(feed: { prune(): Promise<number> }): { jobs: ReadonlyArray<JobContract<unknown>>; processors: ProcessorDefinition[]; schedules: ScheduleDefinition[] } {
  return {
    jobs: [pruneAccountUpdates] as ReadonlyArray<JobContract<unknown>>,
    processors: [defineProcessor(pruneAccountUpdates, () => feed.prune())],
    schedules: [defineSchedule(pruneAccountUpdates, { every: PRUNE_EVERY_MS })],
  };
}
