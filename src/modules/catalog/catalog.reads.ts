/**
 * The catalog's public reads through the shared public cache (src/shared/public-cache.ts): every
 * service by id, and which branch offers which, held whole (the catalog is small: a few thousand
 * rows at national scale), so a page of branches with their services costs no SQL. Invalidated by
 * every admin change of the catalog or of a branch's services (namespace PUBLIC_NS).
 */
import type { Database } from '../../db/client.js';
import { publicCacheOf, PUBLIC_READS, reviveDates, type PublicCache } from '../../shared/public-cache.js';
import * as repo from './catalog.repository.js';
import type { CategoryRow, ServiceRow } from './catalog.repository.js';

const PUBLIC_NS = PUBLIC_READS;

export interface CatalogSnapshot {
  services: Map<string, ServiceRow>;
  /** The active services each branch offers, by title (Russian collation), by branch id. */
  offered: Map<string, ServiceRow[]>;
}

const byTitle = new Intl.Collator('ru');

const reviveService = reviveDates<ServiceRow>(['archivedAt', 'createdAt', 'updatedAt']);
const reviveCategory = reviveDates<CategoryRow>(['createdAt']);

export class CatalogReads {
  /** The snapshot built from the cache's current copies (rebuilt only when they change). */
  private built: { services: ServiceRow[]; offered: Array<[string, string]>; snapshot: CatalogSnapshot } | null = null;

  constructor(private readonly deps: { db: Database; cache: PublicCache }) {}

  async snapshot(): Promise<CatalogSnapshot> {
    const [services, offered] = await Promise.all([
      this.deps.cache.get(PUBLIC_NS, 'catalog:services', () => repo.allServices(this.deps.db), (rows) => (rows as unknown[]).map(reviveService)),
      this.deps.cache.get(PUBLIC_NS, 'catalog:offered', () => repo.allOfferings(this.deps.db)),
    ]);
    if (this.built?.services === services && this.built.offered === offered) return this.built.snapshot;
    const byId = new Map(services.map((s) => [s.id, s]));
    const byBranch = new Map<string, ServiceRow[]>();
    for (const [branchId, serviceId] of offered) {
      const service = byId.get(serviceId);
      if (!service || service.archivedAt !== null) continue;
      let list = byBranch.get(branchId);
      if (!list) byBranch.set(branchId, (list = []));
      list.push(service);
    }
    for (const list of byBranch.values()) list.sort((a, b) => byTitle.compare(a.title, b.title));
    const snapshot = { services: byId, offered: byBranch };
    this.built = { services, offered, snapshot };
    return snapshot;
  }

  /** A search answer (rows and total) by its arguments, shared while the catalog does not change. */
  search(key: string, read: () => Promise<{ rows: ServiceRow[]; total: number }>): Promise<{ rows: ServiceRow[]; total: number }> {
    return this.deps.cache.get(PUBLIC_NS, `catalog:search:${key}`, read, (p) => {
      const page = p as { rows: unknown[]; total: number };
      return { rows: page.rows.map(reviveService), total: page.total };
    });
  }

  categories(read: () => Promise<CategoryRow[]>): Promise<CategoryRow[]> {
    return this.deps.cache.get(PUBLIC_NS, 'catalog:categories', read, (rows) => (rows as unknown[]).map(reviveCategory));
  }

  invalidate(): Promise<void> {
    return this.deps.cache.invalidate(PUBLIC_NS);
  }
}

/** The catalog reads of the application whose database handle this is (none without a public cache). */
const readsByCache = new WeakMap<PublicCache, CatalogReads>();

export function catalogReadsOf(db: Database): CatalogReads | undefined {
  const cache = publicCacheOf(db);
  if (!cache) return undefined;
  let reads = readsByCache.get(cache);
  if (!reads) readsByCache.set(cache, (reads = new CatalogReads({ db, cache })));
  return reads;
}
