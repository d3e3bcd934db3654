/**
 * What other modules may read of accounts, through the front door: users by id. Writes to users
 * stay in this module (profile, identifiers, trust level go through its services).
 */
import type { Database, Executor } from '../../db/client.js';
import * as repo from './accounts.repository.js';
import type { UserRow } from './accounts.repository.js';

export interface AccountsDirectory {
  /** A user by id, read with `tx` when given (inside the caller's transaction). */
  userById(id: string, tx?: Executor): Promise<UserRow | undefined>;
  usersByIds(ids: readonly string[], tx?: Executor): Promise<UserRow[]>;
}

export function createAccountsDirectory(db: Database): AccountsDirectory {
  return {
    userById: (id, tx = db) => repo.findUserById(tx, id),
    usersByIds: (ids, tx = db) => repo.findUsersByIds(tx, ids),
  };
}
