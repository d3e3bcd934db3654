/**
 * Per-request loaders of the catalog: one query per batch, whatever the number of parents. Other
 * modules (Branch.services, Booking.service, ...) reach them through the door's `catalogLoaders`.
 */
import DataLoader from 'dataloader';
import type { Database } from '../../db/client.js';
import { perRequest } from '../../shared/graphql/context.js';
import { byKeys } from '../../shared/ids.js';
import * as repo from './catalog.repository.js';
import { catalogReadsOf } from './catalog.reads.js';
import type { CategoryRow, ServiceRow } from './catalog.repository.js';

const byTitle = new Intl.Collator('ru');

export function createCatalogLoaders(db: Database) {
  // Where the application caches public reads, services and offerings come from the cache, not SQL.
  const reads = catalogReadsOf(db);
  if (reads) {
    return {
      serviceById: new DataLoader<string, ServiceRow | null>(async (ids) => {
        const { services } = await reads.snapshot();
        return ids.map((id) => services.get(id) ?? null);
      }),
      categoryById: new DataLoader<string, CategoryRow | null>(async (ids) => byKeys(ids, await repo.findCategoriesByIds(db, ids), (r) => r.id)),
      servicesByBranch: new DataLoader<string, ServiceRow[]>(async (branchIds) => {
        const { offered } = await reads.snapshot();
        return branchIds.map((id) => offered.get(id) ?? []);
      }),
    };
  }
  const loaders = {
    serviceById: new DataLoader<string, ServiceRow | null>(async (ids) => byKeys(ids, await repo.findServicesByIds(db, ids), (r) => r.id)),
    categoryById: new DataLoader<string, CategoryRow | null>(async (ids) => byKeys(ids, await repo.findCategoriesByIds(db, ids), (r) => r.id)),
  };
  const { serviceById, categoryById } = loaders;
  // A page of branches shares most services: fetch the (branch, service) pairs, then each service
  // once, rather than a full service row per pair (20 branches × 42 services = 840 rows).
  const servicesByBranch = new DataLoader<string, ServiceRow[]>(async (branchIds) => {
    const pairs = await repo.serviceIdsOfBranches(db, branchIds);
    const rows = await serviceById.loadMany([...new Set(pairs.map((p) => p.serviceId))]);
    const byId = new Map(rows.filter((r): r is ServiceRow => r !== null && !(r instanceof Error)).map((r) => [r.id, r]));
    return branchIds.map((id) =>
      pairs
        .filter((p) => p.branchId === id)
        .map((p) => byId.get(p.serviceId))
        .filter((r): r is ServiceRow => r !== undefined && r.archivedAt === null)
        .sort((a, b) => byTitle.compare(a.title, b.title)),
    );
  });
  return { serviceById, categoryById, servicesByBranch };
}

export type CatalogLoaders = ReturnType<typeof createCatalogLoaders>;

/** This operation's catalog loaders: `catalogLoaders(ctx, db)`, the same ones for every caller in it. */
export const catalogLoaders = perRequest((db: Database) => createCatalogLoaders(db));
