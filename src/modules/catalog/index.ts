/** The front door of the catalog module: the only file other code imports from it. */
export { createCatalogModule, type CatalogModule, type CatalogModuleDeps } from './catalog.module.js';
export { catalogLoaders, createCatalogLoaders } from './catalog.loaders.js';
export { toService } from './catalog.mappers.js';
export { ServiceCategoryResolver, ServiceResolver } from './catalog.resolver.js';
export { SearchResolver } from './search.resolver.js';
export { SEARCH_SYNONYMS } from './search-synonyms.js';
export { CatalogService } from './catalog.service.js';
export { DocumentKind, Money, RequiredDocument, Service, ServiceConnection } from './catalog.types.js';
export { pageLimit as servicePageLimit } from './catalog.rules.js';
export { createCatalogDirectory, type CatalogDirectory } from './catalog.directory.js';
export type { ServiceRow } from './catalog.repository.js';
