/** What other modules may read of the catalog, through the front door: services by id, and which branch offers which. */
import type { Database, Executor } from '../../db/client.js';
import * as repo from './catalog.repository.js';
import type { ServiceRow } from './catalog.repository.js';

export interface CatalogDirectory {
  servicesByIds(ids: readonly string[], tx?: Executor): Promise<ServiceRow[]>;
  branchOffersService(branchId: string, serviceId: string, tx?: Executor): Promise<boolean>;
}

export function createCatalogDirectory(db: Database): CatalogDirectory {
  return {
    servicesByIds: (ids, tx = db) => repo.findServicesByIds(tx, ids),
    branchOffersService: (branchId, serviceId, tx = db) => repo.branchOffersService(tx, branchId, serviceId),
  };
}
