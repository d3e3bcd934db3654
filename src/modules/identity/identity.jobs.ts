/**
 * The identity module's jobs: identity.prune deletes the SSO, passkey and signature ceremony
 * challenges a day past their expiry, hourly (beside accounts.prune, which does the same for the
 * one-time codes; the two were one job while identity reached into accounts).
 */
import { z } from 'zod';
import { defineJob, defineProcessor, defineSchedule, type JobContract, type ProcessorDefinition, type ScheduleDefinition } from '../../jobs/define.js';
import type { Clock } from '../../shared/clock.js';
import type { LoginChallenges } from './login-challenges.service.js';

export const pruneLoginChallenges = defineJob({
  name: 'identity.prune',
  queue: 'maintenance',
  schema: z.object({}),
});

const PRUNE_EVERY_MS = 3_600_000;
const STALE_AGE_MS = 86_400_000;

export function identityJobs(deps: { clock: Clock; challenges: LoginChallenges }): {
  jobs: ReadonlyArray<JobContract<unknown>>;
  processors: ProcessorDefinition[];
  schedules: ScheduleDefinition[];
} {
  return {
    jobs: [pruneLoginChallenges] as ReadonlyArray<JobContract<unknown>>,
    processors: [defineProcessor(pruneLoginChallenges, () => deps.challenges.pruneStale(new Date(deps.clock.now().getTime() - STALE_AGE_MS)))],
    schedules: [defineSchedule(pruneLoginChallenges, { every: PRUNE_EVERY_MS })],
  };
}
