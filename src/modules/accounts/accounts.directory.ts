/**
 * What other modules may read of accounts, through the front door: users by id. Writes to users
 * stay in this module (profile, identifiers, trust level go through its services).
 */
import type { Database, Executor } from '../../db/client.js';
import type { FieldCipher } from '../../shared/crypto/field-cipher.js';
import { createUsersRepository } from './accounts.repository.js';
import type { UserRow } from './accounts.repository.js';

export interface AccountsDirectory {
  /** A user by id, read with `tx` when given (inside the caller's transaction). */
  userById(id: string, tx?: Executor): Promise<UserRow | undefined>;
  usersByIds(ids: readonly string[], tx?: Executor): Promise<UserRow[]>;
  /** Ids of the admins. */
  adminIds(tx?: Executor): Promise<string[]>;
}

export function createAccountsDirectory(db: Database, cipher: FieldCipher): AccountsDirectory {
  const repo = createUsersRepository(cipher);
  return {
    userById: (id, tx = db) => repo.findUserById(tx, id),
    usersByIds: (ids, tx = db) => repo.findUsersByIds(tx, ids),
    adminIds: (tx = db) => repo.findAdminIds(tx),
  };
}
