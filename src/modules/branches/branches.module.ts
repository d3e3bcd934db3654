/**
 * The branches module, assembled: its service, the read-only directory other modules read branches
 * through, its resolvers (constructed with what they call) and the Branch node.
 */
import type { PublicCache } from '../../shared/public-cache.js';
import type { Database } from '../../db/client.js';
import type { Clock } from '../../shared/clock.js';
import { nodeType } from '../../shared/graphql/relay.js';
import type { ModuleParts } from '../../shared/module.js';
import { noScheduleListener, type ScheduleChangeListener } from './branches.ports.js';
import { createBranchesDirectory, type BranchesDirectory } from './branches.directory.js';
import { toBranch } from './branches.mappers.js';
import { BranchResolver, ServiceBranchesResolver, StaffBranchResolver } from './branches.resolver.js';
import { BranchesService } from './branches.service.js';

export interface BranchesModuleDeps {
  db: Database;
  /** Reads that tolerate replica lag: the LOAD-ordered branch search and locality suggestions (never cached). */
  reads?: Database;
  clock: Clock;
  /** The public reads shared by the instances (src/shared/public-cache.ts). */
  cache?: PublicCache;
  /** Told of every schedule change inside its transaction (bookings cancel what it closes). */
  scheduleListener?: ScheduleChangeListener;
  /** Most locality suggestions (SEARCH_SUGGESTIONS_MAX). */
  suggestionsMax: number;
}

export interface BranchesModule extends ModuleParts {
  branches: BranchesService;
  directory: BranchesDirectory;
}

export function createBranchesModule(deps: BranchesModuleDeps): BranchesModule {
  const branches = new BranchesService({ db: deps.db, reads: deps.reads ?? deps.db, clock: deps.clock, cache: deps.cache, scheduleListener: deps.scheduleListener ?? noScheduleListener, suggestionsMax: deps.suggestionsMax });
  return {
    branches,
    directory: createBranchesDirectory(deps.db),
    resolvers: [new BranchResolver(branches, deps.db), new ServiceBranchesResolver(branches, deps.db), new StaffBranchResolver(deps.db)],
    nodes: [nodeType('Branch', (_viewer, id) => branches.branch(id), (row) => toBranch(row))],
  };
}
