/**
 * The accounts module's jobs: accounts.prune deletes one-time-code challenges a day past their
 * expiry, hourly (identity prunes its own login-ceremony challenges on the same schedule);
 * accounts.pruneJournal keeps the month-partitioned journal's months ahead created and drops the
 * months past ACTIVITY_RETENTION_DAYS, every six hours.
 */
import { z } from 'zod';
import { defineJob, defineProcessor, defineSchedule, type JobContract, type ProcessorDefinition, type ScheduleDefinition } from '../../jobs/define.js';
import type { Executor } from '../../db/client.js';
import type { Clock } from '../../shared/clock.js';
import { STALE_CHALLENGE_AGE_MS } from './accounts.rules.js';
import type { ChallengeService } from './challenges.service.js';
import { pruneActivity } from './activity.repository.js';

export const pruneAccounts = defineJob({
  name: 'accounts.prune',
  queue: 'maintenance',
  schema: z.object({}),
});

/** Periodic: the journal's months ahead created, whole months past ACTIVITY_RETENTION_DAYS dropped. */
export const pruneJournal = defineJob({
  name: 'accounts.pruneJournal',
  queue: 'maintenance',
  schema: z.object({}),
});

const PRUNE_EVERY_MS = 3_600_000;
const JOURNAL_EVERY_MS = 6 * 3_600_000;
const DAY_MS = 86_400_000;

export function accountsJobs(deps: { clock: Clock; challenges: ChallengeService; db: Executor; journalRetentionDays: number }): {
  jobs: ReadonlyArray<JobContract<unknown>>;
  processors: ProcessorDefinition[];
  schedules: ScheduleDefinition[];
} {
  return {
    jobs: [pruneAccounts, pruneJournal] as ReadonlyArray<JobContract<unknown>>,
    processors: [
      defineProcessor(pruneAccounts, () => deps.challenges.pruneStale(new Date(deps.clock.now().getTime() - STALE_CHALLENGE_AGE_MS))),
      defineProcessor(pruneJournal, () => {
        const now = deps.clock.now();
        return pruneActivity(deps.db, new Date(now.getTime() - deps.journalRetentionDays * DAY_MS), now);
      }),
    ],
    schedules: [defineSchedule(pruneAccounts, { every: PRUNE_EVERY_MS }), defineSchedule(pruneJournal, { every: JOURNAL_EVERY_MS })],
  };
}
