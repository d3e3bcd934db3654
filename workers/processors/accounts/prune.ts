/** accounts.prune: removes one-time-code and login-ceremony challenges a day past their expiry. */
import { UnrecoverableError, type Job } from 'bullmq';
import { pruneAccounts } from '../../../src/jobs/registry.js';
import { deleteStaleChallenges } from '../../../src/modules/accounts/accounts.repository.js';
import { deleteStaleLoginChallenges } from '../../../src/modules/identity/identity.repository.js';
import type { ProcessorDeps } from '../types.js';

export async function pruneProcessor(job: Job, deps: ProcessorDeps): Promise<number> {
  if (!pruneAccounts.schema.safeParse(job.data).success) throw new UnrecoverableError('bad payload');
  const before = new Date(deps.clock.now().getTime() - 86_400_000);
  return (await deleteStaleChallenges(deps.db.db, before)) + (await deleteStaleLoginChallenges(deps.db.db, before));
}
