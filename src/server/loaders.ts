/** Every module's per-request loaders, created fresh for each operation (never shared between users). */
import type { App } from '../app.js';
import { createBranchLoaders } from '../modules/branches/index.js';
import { createCatalogLoaders } from '../modules/catalog/index.js';
import { createDocumentLoaders } from '../modules/documents/index.js';
import { createApplicationLoaders } from '../modules/applications/index.js';
import { createNotificationLoaders } from '../modules/notifications/index.js';

export function createLoaders(app: Pick<App, 'db'>, now: Date) {
  return {
    catalog: createCatalogLoaders(app.db.db),
    branches: createBranchLoaders(app.db.db, now),
    documents: createDocumentLoaders(app.db.db),
    applications: createApplicationLoaders(app.db.db),
    notifications: createNotificationLoaders(app.db.db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
