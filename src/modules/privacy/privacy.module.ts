/**
 * Builds the privacy module: the staff access rule (the StaffAccess port other modules are given
 * by src/app.ts), the data access log and `myDataAccessLog`, node(id) for its entries.
 */
import type { Database } from '../../db/client.js';
import type { Clock } from '../../shared/clock.js';
import { nodeType } from '../../shared/graphql/relay.js';
import type { ModuleParts } from '../../shared/module.js';
import type { CitizenBranchLinks } from '../../shared/staff-access.js';
import type { AccountsDirectory } from '../accounts/index.js';
import type { BranchesDirectory } from '../branches/index.js';
import { toDataAccess } from './privacy.mappers.js';
import { DataAccessConnectionResolver, DataAccessResolver } from './privacy.resolver.js';
import { StaffAccessService } from './privacy.service.js';

export interface PrivacyModuleDeps {
  db: Database;
  clock: Clock;
  accounts: AccountsDirectory;
  branches: BranchesDirectory;
  /** The doors of bookings, the queue, applications and chat. */
  links: readonly CitizenBranchLinks[];
}

export interface PrivacyModule extends ModuleParts {
  access: StaffAccessService;
}

export function createPrivacyModule(deps: PrivacyModuleDeps): PrivacyModule {
  const access = new StaffAccessService(deps);
  return {
    access,
    resolvers: [new DataAccessResolver(access, deps.accounts, deps.branches), new DataAccessConnectionResolver()],
    nodes: [nodeType('DataAccessEntry', (viewer, id) => access.entry(viewer, id), (row) => toDataAccess(row))],
  };
}
