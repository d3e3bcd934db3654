/** What other modules may read of branches, through the front door: branches, weekly hours, dated exceptions. */
import type { Database, Executor } from '../../db/client.js';
import * as repo from './branches.repository.js';
import type { BranchRow, ExceptionRow, HoursRow } from './branches.repository.js';

export interface BranchesDirectory {
  branchesByIds(ids: readonly string[], tx?: Executor): Promise<BranchRow[]>;
  hoursOf(branchIds: readonly string[], tx?: Executor): Promise<HoursRow[]>;
  /** Exceptions (holidays, short days) of the branches between two local days, inclusive. */
  exceptionsOf(branchIds: readonly string[], from: string, to: string, tx?: Executor): Promise<ExceptionRow[]>;
}

export function createBranchesDirectory(db: Database): BranchesDirectory {
  return {
    branchesByIds: (ids, tx = db) => repo.findBranchesByIds(tx, ids),
    hoursOf: (ids, tx = db) => repo.hoursOf(tx, ids),
    exceptionsOf: (ids, from, to, tx = db) => repo.exceptionsOf(tx, ids, from, to),
  };
}
