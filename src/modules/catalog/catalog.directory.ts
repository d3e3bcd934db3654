/** What other modules may read of the catalog, through the front door: services by id, and which branch offers which. */
import type { Database, Executor } from '../../db/client.js';
import * as repo from './catalog.repository.js';
import { catalogReadsOf } from './catalog.reads.js';
import type { ServiceRow } from './catalog.repository.js';

export interface CatalogDirectory {
  servicesByIds(ids: readonly string[], tx?: Executor): Promise<ServiceRow[]>;
  branchOffersService(branchId: string, serviceId: string, tx?: Executor): Promise<boolean>;
}

export function createCatalogDirectory(db: Database): CatalogDirectory {
  return {
    // Outside a transaction, from the public cache when the application has one.
    async servicesByIds(ids, tx) {
      const reads = tx ? undefined : catalogReadsOf(db);
      if (!reads) return repo.findServicesByIds(tx ?? db, ids);
      const { services } = await reads.snapshot();
      return ids.flatMap((id) => {
        const s = services.get(id);
        return s ? [s] : [];
      });
    },
    branchOffersService: (branchId, serviceId, tx = db) => repo.branchOffersService(tx, branchId, serviceId),
  };
}
