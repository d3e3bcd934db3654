/**
 * The catalog's per-request loaders as an accessor other modules reach through the catalog door
 * (`catalogLoaders(ctx, db)`): one set per operation, never shared between users. Added by the
 * branches/bookings/queue refactor; the catalog's owner may fold it into catalog.loaders.ts.
 */
import type { Database } from '../../db/client.js';
import { perRequest } from '../../shared/graphql/context.js';
import { createCatalogLoaders } from './catalog.loaders.js';

export const catalogLoaders = perRequest((db: Database) => createCatalogLoaders(db));
