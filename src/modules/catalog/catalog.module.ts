/**
 * Builds the catalog module: its service, the read-only directory other modules use, the
 * resolvers (constructed with what they call) and the `Service` node. The composition root
 * (src/app.ts) only collects what this returns.
 */
import type { Config } from '../../config/env.js';
import type { PublicCache } from '../../shared/public-cache.js';
import { CatalogReads, catalogReadsOf } from './catalog.reads.js';
import type { Database } from '../../db/client.js';
import { nodeType } from '../../shared/graphql/relay.js';
import type { ModuleParts } from '../../shared/module.js';
import { createCatalogDirectory, type CatalogDirectory } from './catalog.directory.js';
import { toService } from './catalog.mappers.js';
import { ServiceCategoryResolver, ServiceResolver } from './catalog.resolver.js';
import { CatalogService } from './catalog.service.js';
import { CatalogSearch } from './search.service.js';
import { SearchResolver } from './search.resolver.js';
import type { Clock } from '../../shared/clock.js';

export interface CatalogModuleDeps {
  config: Config;
  db: Database;
  /** The public reads shared by the instances (src/shared/public-cache.ts). */
  cache: PublicCache;
  clock: Clock;
}

export interface CatalogModule extends ModuleParts {
  /** The door service: search, services by id or code, fees, the administrators' edits. */
  catalog: CatalogService;
  /** Read-only look-ups for other modules (services by id, which branch offers which). */
  directory: CatalogDirectory;
}

export function createCatalogModule(deps: CatalogModuleDeps): CatalogModule {
  const reads = catalogReadsOf(deps.db) ?? new CatalogReads({ db: deps.db, cache: deps.cache });
  const search = new CatalogSearch({ ...deps, changed: () => reads.invalidate() });
  const catalog = new CatalogService({ config: deps.config, db: deps.db, reads }, search);
  return {
    catalog,
    directory: createCatalogDirectory(deps.db),
    resolvers: [new ServiceResolver(catalog, deps.db), new ServiceCategoryResolver(catalog, deps.db), new SearchResolver(search)],
    nodes: [nodeType('Service', (_viewer, id) => catalog.service({ id }), (row) => toService(row))],
  };
}
