/** accounts.prune: removes one-time-code challenges a day past their expiry. */
import { UnrecoverableError, type Job } from 'bullmq';
import { pruneAccounts } from '../../../src/jobs/registry.js';
import { deleteStaleChallenges } from '../../../src/modules/accounts/accounts.repository.js';
import type { ProcessorDeps } from '../types.js';

export async function pruneProcessor(job: Job, deps: ProcessorDeps): Promise<number> {
  if (!pruneAccounts.schema.safeParse(job.data).success) throw new UnrecoverableError('bad payload');
  return deleteStaleChallenges(deps.db.db, new Date(deps.clock.now().getTime() - 86_400_000));
}
