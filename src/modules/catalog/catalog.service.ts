/**
 * The services catalog: search (Russian morphology through PostgreSQL's full-text search, plain
 * prefixes for short inputs), filters, and the administrators' edits. Reads are public.
 */
import { formSchemaProblem } from '../applications/index.js';
import type { Config } from '../../config/env.js';
import type { Database } from '../../db/client.js';
import { isForeignKeyViolation, isUniqueViolation } from '../../db/errors.js';
import { badInput, conflict, forbidden, notFound, type FieldProblem } from '../../shared/errors.js';
import { hasRole, type Viewer } from '../../shared/auth/viewer.js';
import { decodeOffset, offsetPage, type OffsetPage } from '../../shared/pagination.js';
import * as repo from './catalog.repository.js';
import type { CategoryRow, NewServiceRow, ServiceRow } from './catalog.repository.js';
import { isUuid } from '../../shared/ids.js';

export interface ServiceFilterInput {
  search?: string | null;
  categoryId?: string | null;
  kind?: ServiceRow['kind'] | null;
  availableOnline?: boolean | null;
  branchId?: string | null;
}

export interface ServiceInputData {
  code: string;
  title: string;
  description: string;
  categoryId: string;
  kind: ServiceRow['kind'];
  requiredDocuments: Array<{ kind?: ServiceRow['requiredDocuments'][number]['kind'] | null; title: string; description?: string | null; optional: boolean }>;
  processingDays: number;
  feeAmount?: string | null;
  availableOnline: boolean;
  requiresAppointment: boolean;
  minTrustLevel: ServiceRow['minTrustLevel'];
  appointmentMinutes: number;
  applicationForm?: Record<string, unknown> | null;
}

/** Inputs this short are matched as title prefixes too ("па" → "Паспорт ..."). */
const SHORT_QUERY = 3;

/**
 * Words → a to_tsquery expression: every word must match (Russian stemming), the last one as a
 * prefix so results follow the user while typing. Only letters and digits reach the parser.
 */
export function toTsQuery(input: string): string | null {
  const words = input.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' & ');
}

export class CatalogService {
  constructor(private readonly deps: { config: Config; db: Database }) {}

  categories(): Promise<CategoryRow[]> {
    return repo.listCategories(this.deps.db);
  }

  async services(filter: ServiceFilterInput | null | undefined, first: number | null | undefined, after: string | null | undefined): Promise<OffsetPage<ServiceRow>> {
    const limit = Math.min(Math.max(first ?? 20, 1), 100);
    const offset = after ? decodeOffset(after) : 0;
    const search = filter?.search?.trim() ?? '';
    // An id that cannot exist matches nothing (rather than failing the whole list).
    if ([filter?.categoryId, filter?.branchId].some((id) => id && !isUuid(id))) return offsetPage([], 0, offset);
    const { rows, total } = await repo.searchServices(this.deps.db, {
      tsquery: search ? toTsQuery(search) : null,
      titlePrefix: search && search.length <= SHORT_QUERY ? search : null,
      categoryId: filter?.categoryId,
      kind: filter?.kind,
      availableOnline: filter?.availableOnline,
      branchId: filter?.branchId,
      limit,
      offset,
    });
    return offsetPage(rows, total, offset);
  }

  async service(args: { id?: string | null; code?: string | null }): Promise<ServiceRow | null> {
    if (args.id) return isUuid(args.id) ? ((await repo.findServicesByIds(this.deps.db, [args.id]))[0] ?? null) : null;
    if (args.code) return (await repo.findServiceByCode(this.deps.db, args.code)) ?? null;
    throw badInput([{ field: 'id', message: 'Укажите id или code услуги' }]);
  }

  /** The fee and its online price (ONLINE_FEE_DISCOUNT_PERCENT off, 30% by default), in kopecks-exact decimals. */
  fee(feeAmount: string | null): { amount: string; onlineAmount: string } | null {
    if (feeAmount === null) return null;
    const kopecks = toKopecks(feeAmount);
    const online = (kopecks * BigInt(100 - this.deps.config.ONLINE_FEE_DISCOUNT_PERCENT) + 50n) / 100n;
    return { amount: fromKopecks(kopecks), onlineAmount: fromKopecks(online) };
  }

  // ---------------------------------------------------------------- administration

  async createCategory(viewer: Viewer, input: { slug: string; title: string }): Promise<CategoryRow> {
    if (!hasRole(viewer, 'ADMIN')) throw forbidden();
    const problems: FieldProblem[] = [];
    const slug = input.slug.trim().toLowerCase();
    if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(slug)) problems.push({ field: 'slug', message: 'Латинские буквы, цифры и дефис' });
    if (!input.title.trim()) problems.push({ field: 'title', message: 'Поле обязательно' });
    if (problems.length > 0) throw badInput(problems);
    try {
      return await repo.insertCategory(this.deps.db, { slug, title: input.title.trim() });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('Категория с таким slug уже есть', 'slug');
      throw err;
    }
  }

  async createService(viewer: Viewer, input: ServiceInputData): Promise<ServiceRow> {
    if (!hasRole(viewer, 'ADMIN')) throw forbidden();
    const values = this.validate(input);
    try {
      return await repo.insertService(this.deps.db, values);
    } catch (err) {
      throw this.translate(err);
    }
  }

  async updateService(viewer: Viewer, id: string, input: ServiceInputData): Promise<ServiceRow> {
    if (!hasRole(viewer, 'ADMIN')) throw forbidden();
    const values = this.validate(input);
    try {
      const row = isUuid(id) ? await repo.updateService(this.deps.db, id, values) : undefined;
      if (!row) throw notFound('Услуга');
      return row;
    } catch (err) {
      throw this.translate(err);
    }
  }

  async archiveService(viewer: Viewer, id: string): Promise<ServiceRow> {
    if (!hasRole(viewer, 'ADMIN')) throw forbidden();
    const row = isUuid(id) ? await repo.updateService(this.deps.db, id, { archivedAt: new Date() }) : undefined;
    if (!row) throw notFound('Услуга');
    return row;
  }

  private validate(input: ServiceInputData): NewServiceRow {
    const problems: FieldProblem[] = [];
    const code = input.code.trim();
    if (!/^[a-z0-9][a-z0-9-]{1,63}$/.test(code)) problems.push({ field: 'code', message: 'Латинские буквы, цифры и дефис, от 2 символов' });
    for (const field of ['title', 'description'] as const) if (!input[field].trim()) problems.push({ field, message: 'Поле обязательно' });
    if (!isUuid(input.categoryId)) problems.push({ field: 'categoryId', message: 'Неизвестная категория' });
    if (!Number.isInteger(input.processingDays) || input.processingDays < 0 || input.processingDays > 365) problems.push({ field: 'processingDays', message: 'От 0 до 365 рабочих дней' });
    if (input.feeAmount != null && !/^\d{1,10}(\.\d{1,2})?$/.test(input.feeAmount.trim())) problems.push({ field: 'feeAmount', message: 'Сумма в рублях, например 3500.00' });
    if (input.appointmentMinutes % 15 !== 0 || input.appointmentMinutes < 15 || input.appointmentMinutes > 240) problems.push({ field: 'appointmentMinutes', message: 'Кратно 15 минутам, от 15 до 240' });
    input.requiredDocuments.forEach((d, i) => {
      if (!d.title.trim()) problems.push({ field: `requiredDocuments.${i}.title`, message: 'Поле обязательно' });
    });
    const formProblem = input.applicationForm != null ? formSchemaProblem(input.applicationForm) : null;
    if (formProblem) problems.push({ field: 'applicationForm', message: formProblem });
    if (problems.length > 0) throw badInput(problems);
    return {
      code,
      title: input.title.trim(),
      description: input.description.trim(),
      categoryId: input.categoryId,
      kind: input.kind,
      requiredDocuments: input.requiredDocuments.map((d) => ({ kind: d.kind ?? null, title: d.title.trim(), description: d.description?.trim() || null, optional: d.optional })),
      processingDays: input.processingDays,
      feeAmount: input.feeAmount == null ? null : fromKopecks(toKopecks(input.feeAmount.trim())),
      availableOnline: input.availableOnline,
      requiresAppointment: input.requiresAppointment,
      minTrustLevel: input.minTrustLevel,
      appointmentMinutes: input.appointmentMinutes,
      applicationForm: input.applicationForm ?? null,
    };
  }

  private translate(err: unknown): unknown {
    if (isUniqueViolation(err)) return conflict('Услуга с таким кодом уже есть', 'code');
    if (isForeignKeyViolation(err)) return badInput([{ field: 'categoryId', message: 'Неизвестная категория' }]);
    return err;
  }
}

function toKopecks(amount: string): bigint {
  const [rub = '0', kop = ''] = amount.split('.');
  return BigInt(rub) * 100n + BigInt((kop + '00').slice(0, 2));
}

function fromKopecks(k: bigint): string {
  return `${k / 100n}.${String(k % 100n).padStart(2, '0')}`;
}
