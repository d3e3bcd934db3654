/** What other modules may read of branches, through the front door: branches, weekly hours, dated exceptions, opening, nearby. */
import type { Database, Executor } from '../../db/client.js';
import * as repo from './branches.repository.js';
import type { BranchRow, ExceptionRow, HoursRow } from './branches.repository.js';

export interface BranchesDirectory {
  branchesByIds(ids: readonly string[], tx?: Executor): Promise<BranchRow[]>;
  hoursOf(branchIds: readonly string[], tx?: Executor): Promise<HoursRow[]>;
  /** Exceptions (holidays, short days) of the branches between two local days, inclusive. */
  exceptionsOf(branchIds: readonly string[], from: string, to: string, tx?: Executor): Promise<ExceptionRow[]>;
  /** Whether each branch is open at an instant (hours, breaks, exceptions in its own time zone). */
  openAt(branchIds: readonly string[], at: Date): Promise<Map<string, boolean>>;
  /** Branches offering a service within a radius of a point, nearest first, with their distance. */
  offeringNear(serviceId: string, near: { lat: number; lon: number }, radiusKm: number, limit: number): Promise<Array<BranchRow & { distanceKm: number | null }>>;
}

export function createBranchesDirectory(db: Database): BranchesDirectory {
  return {
    branchesByIds: (ids, tx = db) => repo.findBranchesByIds(tx, ids),
    hoursOf: (ids, tx = db) => repo.hoursOf(tx, ids),
    exceptionsOf: (ids, from, to, tx = db) => repo.exceptionsOf(tx, ids, from, to),
    openAt: (ids, at) => repo.openAt(db, ids, at),
    offeringNear: async (serviceId, near, radiusKm, limit) => (await repo.searchBranches(db, { serviceId, near, radiusKm, orderBy: 'DISTANCE', limit, offset: 0 })).rows,
  };
}
