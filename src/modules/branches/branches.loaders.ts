/** Per-request loaders of branches: one query per batch of parents. */
import DataLoader from 'dataloader';
import type { Database } from '../../db/client.js';
import { perRequest } from '../../shared/graphql/context.js';
import { PUBLIC_READS, publicCacheOf } from '../../shared/public-cache.js';
import { byKeys, groupByKeys } from '../../shared/ids.js';
import * as repo from './branches.repository.js';
import type { BranchRow, ExceptionRow, HoursRow, RegionRow } from './branches.repository.js';

export function createBranchLoaders(db: Database, now: Date) {
  const cache = publicCacheOf(db);
  return {
    branchById: new DataLoader<string, BranchRow | null>(async (ids) => byKeys(ids, await repo.findBranchesByIds(db, ids), (r) => r.id)),
    regionByCode: new DataLoader<string, RegionRow | null>(async (codes) =>
      byKeys(codes, cache ? await cache.get(PUBLIC_READS, 'branches:regions', () => repo.listRegions(db)) : await repo.listRegions(db, codes), (r) => r.code),
    ),
    hoursByBranch: new DataLoader<string, HoursRow[]>(async (ids) => {
      const rows = cache ? await cache.get(PUBLIC_READS, 'branches:hours', () => repo.hoursOf(db, null)) : await repo.hoursOf(db, ids);
      return groupByKeys(ids, rows, (r) => r.branchId);
    }),
    /** Open at the moment the request started, so every branch of a page is judged at one instant. */
    openNowByBranch: new DataLoader<string, boolean>(async (ids) => {
      if (!cache) {
        const open = await repo.openAt(db, ids, now);
        return ids.map((id) => open.get(id) ?? false);
      }
      // Every branch's opening for the minute (hours are whole minutes), shared by the instances.
      const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
      const open = new Set(await cache.get(PUBLIC_READS, `branches:open:${minute.toISOString()}`, () => repo.openBranchesAt(db, minute)));
      return ids.map((id) => open.has(id));
    }),
    /** Keyed by `branchId|from|to`; one query per distinct date range. */
    exceptionsByBranch: new DataLoader<string, ExceptionRow[]>(async (keys) => {
      const byRange = new Map<string, string[]>();
      for (const k of keys) {
        const [id = '', from = '', to = ''] = k.split('|');
        const range = `${from}|${to}`;
        byRange.set(range, [...(byRange.get(range) ?? []), id]);
      }
      const found = new Map<string, ExceptionRow[]>();
      for (const [range, ids] of byRange) {
        const [from = '', to = ''] = range.split('|');
        for (const row of await repo.exceptionsOf(db, ids, from, to)) {
          const key = `${row.branchId}|${range}`;
          found.set(key, [...(found.get(key) ?? []), row]);
        }
      }
      return keys.map((k) => found.get(k) ?? []);
    }),
  };
}

export type BranchLoaders = ReturnType<typeof createBranchLoaders>;

/** The module's loaders for one operation: `branchesLoaders(ctx, db, ctx.now)`. */
export const branchesLoaders = perRequest((db: Database, now: Date) => createBranchLoaders(db, now));
