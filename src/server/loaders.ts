/** Every module's per-request loaders, created fresh for each operation (never shared between users). */
import type { App } from '../app.js';
import { createBranchLoaders } from '../modules/branches/index.js';
import { createCatalogLoaders } from '../modules/catalog/index.js';
import { createQueueLoaders } from '../modules/queue/index.js';
import { createBookingLoaders } from '../modules/bookings/index.js';

export function createLoaders(app: Pick<App, 'db'>, now: Date) {
  return {
    catalog: createCatalogLoaders(app.db.db),
    branches: createBranchLoaders(app.db.db, now),
    queue: createQueueLoaders(app.db.db, now),
    bookings: createBookingLoaders(app.db.db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
