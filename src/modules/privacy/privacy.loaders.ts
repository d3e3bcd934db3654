/** Per-request loaders of the staff and branches named in the log (through the accounts and branches doors). */
import DataLoader from 'dataloader';
import { perRequest } from '../../shared/graphql/context.js';
import { byKeys } from '../../shared/ids.js';
import type { AccountsDirectory, UserRow } from '../accounts/index.js';
import type { BranchesDirectory, BranchRow } from '../branches/index.js';

export const privacyLoaders = perRequest((accounts: AccountsDirectory, branches: BranchesDirectory) => ({
  staffById: new DataLoader<string, UserRow | null>(async (ids) => byKeys(ids, await accounts.usersByIds(ids), (r) => r.id)),
  branchById: new DataLoader<string, BranchRow | null>(async (ids) => byKeys(ids, await branches.branchesByIds(ids), (r) => r.id)),
}));
