/** The single-use challenges of the SSO, passkey and signature ceremonies, as a whole: their upkeep. */
import type { IdentityDeps } from './identity.deps.js';
import * as repo from './identity.repository.js';

export class LoginChallenges {
  constructor(private readonly deps: Pick<IdentityDeps, 'db'>) {}

  /** Deletes challenges that expired before `before` (the identity.prune job); answers how many. */
  pruneStale(before: Date): Promise<number> {
    return repo.deleteStaleLoginChallenges(this.deps.db, before);
  }
}
