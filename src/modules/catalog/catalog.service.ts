/**
 * The services catalog: search (Russian morphology through PostgreSQL's full-text search, plain
 * prefixes for short inputs), filters, and the administrators' edits. Reads are public; every
 * edit starts with the ADMIN check. The rules themselves (search terms, fees, what a valid
 * service is) live in catalog.rules.ts.
 */
import type { Config } from '../../config/env.js';
import type { Database } from '../../db/client.js';
import { badInput, conflict, forbidden, notFound, type AppError } from '../../shared/errors.js';
import { hasRole, type Viewer } from '../../shared/auth/viewer.js';
import { decodeOffset, offsetPage, type OffsetPage } from '../../shared/pagination.js';
import { isUuid } from '../../shared/ids.js';
import * as repo from './catalog.repository.js';
import type { CatalogReads } from './catalog.reads.js';
import type { CategoryRow, ServiceRow, ServiceWriteRefusal } from './catalog.repository.js';
import { checkCategory, feeOf, pageLimit, serviceProblems, serviceValues, type ServiceInputData } from './catalog.rules.js';
import type { CatalogSearch } from './search.service.js';

export type { ServiceInputData } from './catalog.rules.js';

export interface ServiceFilterInput {
  search?: string | null;
  categoryId?: string | null;
  kind?: ServiceRow['kind'] | null;
  availableOnline?: boolean | null;
  branchId?: string | null;
}

export interface CatalogDeps {
  config: Config;
  db: Database;
  /** Public reads through the shared cache; every admin change here invalidates them. */
  reads: CatalogReads;
}

export class CatalogService {
  constructor(
    private readonly deps: CatalogDeps,
    /** The forgiving search, its suggestions and its synonym dictionary. */
    readonly search: CatalogSearch,
  ) {}

  categories(): Promise<CategoryRow[]> {
    return this.deps.reads.categories(() => repo.listCategories(this.deps.db));
  }

  async services(filter: ServiceFilterInput | null | undefined, first: number | null | undefined, after: string | null | undefined): Promise<OffsetPage<ServiceRow>> {
    const limit = pageLimit(first);
    const offset = after ? decodeOffset(after) : 0;
    // An id that cannot exist matches nothing (rather than failing the whole list).
    if ([filter?.categoryId, filter?.branchId].some((id) => id && !isUuid(id))) return offsetPage([], 0, offset);
    const scope = {
      categoryId: filter?.categoryId,
      kind: filter?.kind,
      availableOnline: filter?.availableOnline,
      branchId: filter?.branchId,
      limit,
      offset,
    };
    // The forgiving search (synonyms, typos) behind the shared cache of public answers.
    const { rows, total } = await this.deps.reads.search(JSON.stringify({ text: filter?.search ?? null, ...scope }), () => this.search.search(filter?.search, scope));
    return offsetPage(rows, total, offset);
  }

  async service(args: { id?: string | null; code?: string | null }): Promise<ServiceRow | null> {
    if (args.id) return isUuid(args.id) ? ((await repo.findServicesByIds(this.deps.db, [args.id]))[0] ?? null) : null;
    if (args.code) return (await repo.findServiceByCode(this.deps.db, args.code)) ?? null;
    throw badInput([{ field: 'id', message: 'Укажите id или code услуги' }]);
  }

  /** The fee and its online price (ONLINE_FEE_DISCOUNT_PERCENT off, 30% by default), in kopecks-exact decimals. */
  fee(feeAmount: string | null): { amount: string; onlineAmount: string } | null {
    return feeOf(feeAmount, this.deps.config.ONLINE_FEE_DISCOUNT_PERCENT);
  }

  // ---------------------------------------------------------------- administration

  async createCategory(viewer: Viewer, input: { slug: string; title: string }): Promise<CategoryRow> {
    if (!hasRole(viewer, 'ADMIN')) throw forbidden();
    const { value, problems } = checkCategory(input);
    if (problems.length > 0) throw badInput(problems);
    const row = await repo.insertCategory(this.deps.db, value);
    if (row === 'DUPLICATE') throw conflict('Категория с таким slug уже есть', 'slug');
    await this.deps.reads.invalidate();
    return row;
  }

  async updateCategory(viewer: Viewer, id: string, input: { slug: string; title: string }): Promise<CategoryRow> {
    if (!hasRole(viewer, 'ADMIN')) throw forbidden();
    const { value, problems } = checkCategory(input);
    if (problems.length > 0) throw badInput(problems);
    const row = isUuid(id) ? await repo.updateCategory(this.deps.db, id, value) : undefined;
    if (!row) throw notFound('Категория');
    if (row === 'DUPLICATE') throw conflict('Категория с таким slug уже есть', 'slug');
    return row;
  }

  /** Only a category without services (archived ones count: they keep their category): CONFLICT otherwise. */
  async deleteCategory(viewer: Viewer, id: string): Promise<boolean> {
    if (!hasRole(viewer, 'ADMIN')) throw forbidden();
    const result = isUuid(id) ? await repo.deleteCategory(this.deps.db, id) : 'NOT_FOUND';
    if (result === 'NOT_FOUND') throw notFound('Категория');
    if (result === 'NOT_EMPTY') throw conflict('В категории есть услуги: перенесите их или удалите категорию позже', 'id');
    return true;
  }

  async createService(viewer: Viewer, input: ServiceInputData): Promise<ServiceRow> {
    if (!hasRole(viewer, 'ADMIN')) throw forbidden();
    const row = await repo.insertService(this.deps.db, this.validate(input));
    if (typeof row === 'string') throw refused(row);
    await this.search.rebuildWords();
    await this.deps.reads.invalidate();
    return row;
  }

  async updateService(viewer: Viewer, id: string, input: ServiceInputData): Promise<ServiceRow> {
    if (!hasRole(viewer, 'ADMIN')) throw forbidden();
    const values = this.validate(input);
    const row = isUuid(id) ? await repo.updateService(this.deps.db, id, values) : undefined;
    if (!row) throw notFound('Услуга');
    if (typeof row === 'string') throw refused(row);
    await this.search.rebuildWords();
    await this.deps.reads.invalidate();
    return row;
  }

  async archiveService(viewer: Viewer, id: string): Promise<ServiceRow> {
    if (!hasRole(viewer, 'ADMIN')) throw forbidden();
    const row = isUuid(id) ? await repo.updateService(this.deps.db, id, { archivedAt: new Date() }) : undefined;
    if (!row || typeof row === 'string') throw notFound('Услуга');
    await this.search.rebuildWords();
    await this.deps.reads.invalidate();
    return row;
  }

  private validate(input: ServiceInputData) {
    const problems = serviceProblems(input);
    if (problems.length > 0) throw badInput(problems);
    return serviceValues(input);
  }
}

function refused(why: ServiceWriteRefusal): AppError {
  return why === 'DUPLICATE' ? conflict('Услуга с таким кодом уже есть', 'code') : badInput([{ field: 'categoryId', message: 'Неизвестная категория' }]);
}
