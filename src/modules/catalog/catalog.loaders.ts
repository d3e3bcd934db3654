/** Per-request loaders of the catalog: one query per batch, whatever the number of parents. */
import DataLoader from 'dataloader';
import type { Database } from '../../db/client.js';
import * as repo from './catalog.repository.js';
import type { CategoryRow, ServiceRow } from './catalog.repository.js';

export function createCatalogLoaders(db: Database) {
  return {
    serviceById: new DataLoader<string, ServiceRow | null>(async (ids) => {
      const rows = await repo.findServicesByIds(db, ids);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    categoryById: new DataLoader<string, CategoryRow | null>(async (ids) => {
      const rows = await repo.findCategoriesByIds(db, ids);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    servicesByBranch: new DataLoader<string, ServiceRow[]>(async (branchIds) => {
      const rows = await repo.servicesOfBranches(db, branchIds);
      const byBranch = new Map<string, ServiceRow[]>();
      for (const { branchId, ...service } of rows) {
        const list = byBranch.get(branchId) ?? [];
        list.push(service);
        byBranch.set(branchId, list);
      }
      return branchIds.map((id) => byBranch.get(id) ?? []);
    }),
  };
}

export type CatalogLoaders = ReturnType<typeof createCatalogLoaders>;
