/** The family module's job: children who turned 18 leave their parents' accounts, daily (FAMILY_COMING_OF_AGE_CRON, Moscow time). */
import { z } from 'zod';
import type { Config } from '../../config/env.js';
import { defineJob, defineProcessor, defineSchedule, type JobContract, type ProcessorDefinition, type ScheduleDefinition } from '../../jobs/define.js';
import { DOCUMENTS_TIMEZONE } from '../documents/index.js';
import type { ComingOfAge } from './coming-of-age.service.js';

export const releaseAdults = defineJob({
  name: 'family.releaseAdults',
  queue: 'maintenance',
  schema: z.object({}),
});

export function familyJobs(deps: { config: Config; comingOfAge: ComingOfAge }): {
  jobs: ReadonlyArray<JobContract<unknown>>;
  processors: ProcessorDefinition[];
  schedules: ScheduleDefinition[];
} {
  return {
    jobs: [releaseAdults] as ReadonlyArray<JobContract<unknown>>,
    processors: [defineProcessor(releaseAdults, () => deps.comingOfAge.run())],
    schedules: [defineSchedule(releaseAdults, { pattern: deps.config.FAMILY_COMING_OF_AGE_CRON, tz: DOCUMENTS_TIMEZONE })],
  };
}
