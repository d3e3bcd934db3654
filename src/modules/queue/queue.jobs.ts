/** The queue's jobs: the periodic load sample of every branch (and pruning of old samples). */
import { z } from 'zod';
import { defineJob, defineProcessor, defineSchedule, type JobContract, type ProcessorDefinition, type ScheduleDefinition } from '../../jobs/define.js';
import type { LoadService } from './load.service.js';

/** Periodic: a load sample of every branch, and samples older than LOAD_HISTORY_HOURS dropped. */
export const sampleLoad = defineJob({
  name: 'queue.sampleLoad',
  queue: 'maintenance',
  schema: z.object({}),
});

export function queueJobs(load: LoadService, opts: { sampleIntervalMinutes: number }): {
  jobs: ReadonlyArray<JobContract<unknown>>;
  processors: ProcessorDefinition[];
  schedules: ScheduleDefinition[];
} {
  return {
    jobs: [sampleLoad] as ReadonlyArray<JobContract<unknown>>,
    processors: [defineProcessor(sampleLoad, () => load.sampleAll())],
    schedules: [defineSchedule(sampleLoad, { every: opts.sampleIntervalMinutes * 60_000 })],
  };
}
