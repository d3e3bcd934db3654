/**
 * The queue's jobs: the periodic load sample of every branch (and pruning of old samples), the
 * hourly aggregates the forecast reads, the closing of a branch's day at its local closing time
 * (delayed, one per branch and day) and the sweeper that schedules those and closes missed days.
 */
import { z } from 'zod';
import { defineJob, defineProcessor, defineSchedule, type JobContract, type ProcessorDefinition, type ScheduleDefinition } from '../../jobs/define.js';

/** Periodic: a load sample of every branch, and samples older than LOAD_HISTORY_HOURS dropped. */
export const sampleLoad = defineJob({
  name: 'queue.sampleLoad',
  queue: 'maintenance',
  schema: z.object({}),
});

/** Periodic: hourly aggregates by hour of week from the raw samples; those older than LOAD_AGGREGATE_WEEKS dropped. */
export const aggregateLoad = defineJob({
  name: 'queue.aggregateLoad',
  queue: 'maintenance',
  schema: z.object({}),
});

/** Delayed to a branch's local closing time: closes that day's queue (idempotent). */
export const closeQueueDay = defineJob({
  name: 'queue.closeDay',
  queue: 'maintenance',
  schema: z.object({ branchId: z.uuid(), day: z.iso.date() }),
});

/** Periodic: schedules each branch's closing job for its local today, and closes days a missed job left open. */
export const sweepQueueDays = defineJob({
  name: 'queue.sweepDays',
  queue: 'maintenance',
  schema: z.object({}),
});

/** What the processors call. */
export interface QueueJobsHandlers {
  sampleAll(): Promise<unknown>;
  aggregate(): Promise<unknown>;
  closeDay(branchId: string, day: string): Promise<unknown>;
  sweep(): Promise<unknown>;
}

export function queueJobs(
  h: QueueJobsHandlers,
  opts: { sampleIntervalMinutes: number; aggregateIntervalMinutes: number; sweepMinutes: number },
): {
  jobs: ReadonlyArray<JobContract<unknown>>;
  processors: ProcessorDefinition[];
  schedules: ScheduleDefinition[];
} {
  return {
    jobs: [sampleLoad, aggregateLoad, closeQueueDay, sweepQueueDays] as ReadonlyArray<JobContract<unknown>>,
    processors: [
      defineProcessor(sampleLoad, () => h.sampleAll()),
      defineProcessor(aggregateLoad, () => h.aggregate()),
      defineProcessor(closeQueueDay, ({ branchId, day }) => h.closeDay(branchId, day)),
      defineProcessor(sweepQueueDays, () => h.sweep()),
    ],
    schedules: [
      defineSchedule(sampleLoad, { every: opts.sampleIntervalMinutes * 60_000 }),
      defineSchedule(aggregateLoad, { every: opts.aggregateIntervalMinutes * 60_000 }),
      defineSchedule(sweepQueueDays, { every: opts.sweepMinutes * 60_000 }),
    ],
  };
}
