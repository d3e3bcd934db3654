/**
 * What other modules may read of accounts, through the front door: users by id. Writes to users
 * stay in this module (profile, identifiers, trust level go through its services).
 */
import type { Database, Executor } from '../../db/client.js';
import type { FieldCipher } from '../../shared/crypto/field-cipher.js';
import { piiHash } from '../../shared/pii.js';
import { createUsersRepository } from './accounts.repository.js';
import { activeStaffIds } from './staff.repository.js';
import type { UserRow } from './accounts.repository.js';

export interface AccountsDirectory {
  /** A user by id, read with `tx` when given (inside the caller's transaction). */
  userById(id: string, tx?: Executor): Promise<UserRow | undefined>;
  usersByIds(ids: readonly string[], tx?: Executor): Promise<UserRow[]>;
  /** The user whose SNILS (11 digits, normalized) is verified; an unverified one never answers (a squatter). */
  userByVerifiedSnils(snils: string, tx?: Executor): Promise<UserRow | undefined>;
  /** Ids of active staff of a role; operators of one branch (null: without a branch; undefined: all). */
  activeStaffIds(p: { role: 'OPERATOR' | 'ADMIN'; branchId?: string | null }, tx?: Executor): Promise<string[]>;
  /** Ids of the admins. */
  adminIds(tx?: Executor): Promise<string[]>;
}

export function createAccountsDirectory(db: Database, cipher: FieldCipher, hashKey: string): AccountsDirectory {
  const repo = createUsersRepository(cipher);
  return {
    userById: (id, tx = db) => repo.findUserById(tx, id),
    usersByIds: (ids, tx = db) => repo.findUsersByIds(tx, ids),
    userByVerifiedSnils: async (snils, tx = db) => {
      const user = await repo.findUserByLogin(tx, { kind: 'snilsHash', value: piiHash(hashKey, 'snils', snils) });
      return user?.snilsVerified ? user : undefined;
    },
    activeStaffIds: (p, tx = db) => activeStaffIds(tx, p),
    adminIds: (tx = db) => repo.findAdminIds(tx),
  };
}
