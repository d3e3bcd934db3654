/**
 * The accounts module's jobs: accounts.prune deletes one-time-code challenges a day past their
 * expiry, hourly. (identity prunes its own login-ceremony challenges on the same schedule.)
 */
import { z } from 'zod';
import { defineJob, defineProcessor, defineSchedule, type JobContract, type ProcessorDefinition, type ScheduleDefinition } from '../../jobs/define.js';
import type { Clock } from '../../shared/clock.js';
import { STALE_CHALLENGE_AGE_MS } from './accounts.rules.js';
import type { ChallengeService } from './challenges.service.js';

export const pruneAccounts = defineJob({
  name: 'accounts.prune',
  queue: 'maintenance',
  schema: z.object({}),
});

const PRUNE_EVERY_MS = 3_600_000;

export function accountsJobs(deps: { clock: Clock; challenges: ChallengeService }): {
  jobs: ReadonlyArray<JobContract<unknown>>;
  processors: ProcessorDefinition[];
  schedules: ScheduleDefinition[];
} {
  return {
    jobs: [pruneAccounts] as ReadonlyArray<JobContract<unknown>>,
    processors: [defineProcessor(pruneAccounts, () => deps.challenges.pruneStale(new Date(deps.clock.now().getTime() - STALE_CHALLENGE_AGE_MS)))],
    schedules: [defineSchedule(pruneAccounts, { every: PRUNE_EVERY_MS })],
  };
}
