/**
 * What other modules may read of branches, through the front door: branches, weekly hours, dated
 * exceptions, opening, nearby. Reads outside a transaction come from the public cache when the
 * application has one (every edit of branches invalidates it); inside a transaction they read the
 * transaction's view.
 */
import type { Database, Executor } from '../../db/client.js';
import { PUBLIC_READS, publicCacheOf } from '../../shared/public-cache.js';
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

/**
 * Every branch's hours (the cached list) by branch, built once per copy of the list: a booking
 * reads one branch's week, and filtering the whole country's list for it cost a pass over
 * every branch each time.
 */
const hoursIndex = new WeakMap<readonly HoursRow[], Map<string, HoursRow[]>>();
function hoursByBranch(all: readonly HoursRow[]): Map<string, HoursRow[]> {
  let index = hoursIndex.get(all);
  if (!index) {
    index = new Map();
    for (const h of all) {
      const list = index.get(h.branchId);
      if (list) list.push(h);
      else index.set(h.branchId, [h]);
    }
    hoursIndex.set(all, index);
  }
  return index;
}

export function createBranchesDirectory(db: Database): BranchesDirectory {
  const cached = <T>(key: string, read: () => Promise<T>): Promise<T> => {
    const cache = publicCacheOf(db);
    return cache ? cache.get(PUBLIC_READS, key, read) : read();
  };
  return {
    async branchesByIds(ids, tx) {
      if (tx) return repo.findBranchesByIds(tx, ids);
      const all = await cached('branches:by-id', async () => Object.fromEntries((await repo.findBranchesByIds(db, null)).map((b) => [b.id, b])));
      return ids.flatMap((id) => (all[id] ? [all[id]] : []));
    },
    async hoursOf(ids, tx) {
      if (tx) return repo.hoursOf(tx, ids);
      const byBranch = hoursByBranch(await cached('branches:hours', () => repo.hoursOf(db, null)));
      return [...new Set(ids)].flatMap((id) => byBranch.get(id) ?? []);
    },
    exceptionsOf: (ids, from, to, tx) => (tx ? repo.exceptionsOf(tx, ids, from, to) : cached(`branches:exceptions:${[...ids].sort().join(',')}:${from}:${to}`, () => repo.exceptionsOf(db, ids, from, to))),
    openAt: (ids, at) => repo.openAt(db, ids, at),
    offeringNear: async (serviceId, near, radiusKm, limit) => (await repo.searchBranches(db, { serviceId, near, radiusKm, orderBy: 'DISTANCE', limit, offset: 0 })).rows,
  };
}
