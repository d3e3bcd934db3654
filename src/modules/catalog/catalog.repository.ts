/**
 * The only drizzle importer of the catalog module (private to it): explicit columns everywhere,
 * and constraint violations answered as domain results ('DUPLICATE', 'UNKNOWN_CATEGORY').
 */
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { isForeignKeyViolation, isUniqueViolation } from '../../db/errors.js';
import { branchServices, serviceCategories, services } from '../../db/schema/index.js';

export type CategoryRow = typeof serviceCategories.$inferSelect;
export type ServiceRow = Omit<typeof services.$inferSelect, 'search'>;
export type NewServiceRow = typeof services.$inferInsert;

const categoryColumns = {
  id: serviceCategories.id,
  slug: serviceCategories.slug,
  title: serviceCategories.title,
  createdAt: serviceCategories.createdAt,
};

/** Every column but the tsvector, which clients never see. */
const serviceColumns = {
  id: services.id,
  code: services.code,
  title: services.title,
  description: services.description,
  categoryId: services.categoryId,
  kind: services.kind,
  requiredDocuments: services.requiredDocuments,
  processingDays: services.processingDays,
  feeAmount: services.feeAmount,
  availableOnline: services.availableOnline,
  requiresAppointment: services.requiresAppointment,
  minTrustLevel: services.minTrustLevel,
  appointmentMinutes: services.appointmentMinutes,
  applicationForm: services.applicationForm,
  archivedAt: services.archivedAt,
  createdAt: services.createdAt,
  updatedAt: services.updatedAt,
};

export async function listCategories(db: Executor): Promise<CategoryRow[]> {
  return db.select(categoryColumns).from(serviceCategories).orderBy(asc(serviceCategories.title));
}

export async function findCategoriesByIds(db: Executor, ids: readonly string[]): Promise<CategoryRow[]> {
  if (ids.length === 0) return [];
  return db.select(categoryColumns).from(serviceCategories).where(inArray(serviceCategories.id, [...ids]));
}

export async function findServicesByIds(db: Executor, ids: readonly string[]): Promise<ServiceRow[]> {
  if (ids.length === 0) return [];
  return db.select(serviceColumns).from(services).where(inArray(services.id, [...ids]));
}

export async function findServiceByCode(db: Executor, code: string): Promise<ServiceRow | undefined> {
  const [row] = await db.select(serviceColumns).from(services).where(eq(services.code, code));
  return row;
}

export interface ServiceSearch {
  /** to_tsquery expressions, best first (see search.rules.ts): a service matching an earlier one ranks above. */
  variants: readonly string[];
  /** Plain prefix of the title, for short inputs. */
  titlePrefix: string | null;
  /** Typo tolerance: titles whose words are this similar (pg_trgm word_similarity) match too, ranked last. */
  similarTo?: string | null;
  categoryId?: string | null;
  kind?: ServiceRow['kind'] | null;
  availableOnline?: boolean | null;
  branchId?: string | null;
  limit: number;
  offset: number;
}

/** Titles at least this similar (word_similarity) to a mistyped query match it. */
const TITLE_SIMILARITY = 0.45;

/** A page of active services, best matches first when searching, else by title; with the total. One statement. */
export async function searchServices(db: Executor, p: ServiceSearch): Promise<{ rows: ServiceRow[]; total: number }> {
  const tsqs = p.variants.map((v) => sql`to_tsquery('russian', ${v})`);
  const text: SQL[] = tsqs.map((q) => sql`${services.search} @@ ${q}`);
  if (p.titlePrefix) text.push(sql`lower(${services.title}) LIKE ${`${p.titlePrefix.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`}`);
  if (p.similarTo) text.push(sql`word_similarity(${p.similarTo}, lower(${services.title})) >= ${TITLE_SIMILARITY}`);
  const where = and(
    isNull(services.archivedAt),
    text.length > 0 ? sql`(${sql.join(text, sql` OR `)})` : undefined,
    p.categoryId ? eq(services.categoryId, p.categoryId) : undefined,
    p.kind ? eq(services.kind, p.kind) : undefined,
    p.availableOnline != null ? eq(services.availableOnline, p.availableOnline) : undefined,
    p.branchId ? sql`EXISTS (SELECT 1 FROM ${branchServices} WHERE ${branchServices.branchId} = ${p.branchId} AND ${branchServices.serviceId} = ${services.id})` : undefined,
  );
  const rank: SQL[] = [];
  if (tsqs.length > 1) rank.push(sql`CASE ${sql.join(tsqs.map((q, i) => sql`WHEN ${services.search} @@ ${q} THEN ${i}`), sql` `)} ELSE ${tsqs.length} END`);
  if (tsqs.length > 0) rank.push(sql`ts_rank_cd(${services.search}, ${sql.join(tsqs, sql` || `)}) DESC`);
  if (p.similarTo) rank.push(sql`word_similarity(${p.similarTo}, lower(${services.title})) DESC`);
  const rows = await db
    .select({ ...serviceColumns, total: sql<number>`count(*) OVER ()::int` })
    .from(services)
    .where(where)
    .orderBy(...rank, asc(services.title), asc(services.id))
    .limit(p.limit)
    .offset(p.offset);
  const total = rows[0]?.total ?? (p.offset > 0 ? await countServices(db, where) : 0);
  return { rows: rows.map(({ total: _t, ...r }) => r), total };
}

async function countServices(db: Executor, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(services).where(where);
  return row?.n ?? 0;
}

/** Every service, archived ones too (the public cache holds the catalog whole). */
export async function allServices(db: Executor): Promise<ServiceRow[]> {
  return db.select(serviceColumns).from(services);
}

/** Every (branch, service) pair, as [branchId, serviceId]. */
export async function allOfferings(db: Executor): Promise<Array<[string, string]>> {
  const rows = await db.select({ branchId: branchServices.branchId, serviceId: branchServices.serviceId }).from(branchServices);
  return rows.map((r) => [r.branchId, r.serviceId]);
}

/** Which services each branch offers (ids only: the services themselves load once each). */
export async function serviceIdsOfBranches(db: Executor, branchIds: readonly string[]): Promise<Array<{ branchId: string; serviceId: string }>> {
  if (branchIds.length === 0) return [];
  return db
    .select({ branchId: branchServices.branchId, serviceId: branchServices.serviceId })
    .from(branchServices)
    .where(inArray(branchServices.branchId, [...branchIds]));
}

/** Whether the branch offers the (active) service. */
export async function branchOffersService(db: Executor, branchId: string, serviceId: string): Promise<boolean> {
  const rows = await db
    .select({ id: services.id })
    .from(branchServices)
    .innerJoin(services, eq(services.id, branchServices.serviceId))
    .where(and(eq(branchServices.branchId, branchId), eq(branchServices.serviceId, serviceId), isNull(services.archivedAt)));
  return rows.length > 0;
}

/** A new category, or 'DUPLICATE' when its slug is taken. */
export async function insertCategory(db: Executor, values: { slug: string; title: string }): Promise<CategoryRow | 'DUPLICATE'> {
  try {
    const [row] = await db.insert(serviceCategories).values(values).returning(categoryColumns);
    if (!row) throw new Error('insert service_categories returned nothing');
    return row;
  } catch (err) {
    if (isUniqueViolation(err)) return 'DUPLICATE';
    throw err;
  }
}

/** Why a service could not be written: its code is taken, or its category does not exist. */
export type ServiceWriteRefusal = 'DUPLICATE' | 'UNKNOWN_CATEGORY';

function refusal(err: unknown): ServiceWriteRefusal | null {
  if (isUniqueViolation(err)) return 'DUPLICATE';
  if (isForeignKeyViolation(err)) return 'UNKNOWN_CATEGORY';
  return null;
}

export async function insertService(db: Executor, values: NewServiceRow): Promise<ServiceRow | ServiceWriteRefusal> {
  try {
    const [row] = await db.insert(services).values(values).returning(serviceColumns);
    if (!row) throw new Error('insert services returned nothing');
    return row;
  } catch (err) {
    const why = refusal(err);
    if (why) return why;
    throw err;
  }
}

/** The updated service; undefined when there is none with that id. */
export async function updateService(db: Executor, id: string, values: Partial<NewServiceRow>): Promise<ServiceRow | ServiceWriteRefusal | undefined> {
  try {
    const [row] = await db.update(services).set({ ...values, updatedAt: sql`now()` }).where(eq(services.id, id)).returning(serviceColumns);
    return row;
  } catch (err) {
    const why = refusal(err);
    if (why) return why;
    throw err;
  }
}

/** The renamed category; undefined when there is none, 'DUPLICATE' when the slug is taken. */
export async function updateCategory(db: Executor, id: string, values: { slug: string; title: string }): Promise<CategoryRow | 'DUPLICATE' | undefined> {
  try {
    const [row] = await db.update(serviceCategories).set(values).where(eq(serviceCategories.id, id)).returning(categoryColumns);
    return row;
  } catch (err) {
    if (isUniqueViolation(err)) return 'DUPLICATE';
    throw err;
  }
}

/**
 * Deletes a category that holds no service, in one statement (a service added at the same moment
 * either sees the category gone or keeps it: the foreign key decides); 'NOT_EMPTY' otherwise.
 */
export async function deleteCategory(db: Executor, id: string): Promise<'DELETED' | 'NOT_FOUND' | 'NOT_EMPTY'> {
  try {
    const rows = await db
      .delete(serviceCategories)
      .where(and(eq(serviceCategories.id, id), sql`NOT EXISTS (SELECT 1 FROM ${services} WHERE ${services.categoryId} = ${id})`))
      .returning({ id: serviceCategories.id });
    if (rows.length > 0) return 'DELETED';
  } catch (err) {
    if (isForeignKeyViolation(err)) return 'NOT_EMPTY';
    throw err;
  }
  const [exists] = await db.select({ id: serviceCategories.id }).from(serviceCategories).where(eq(serviceCategories.id, id));
  return exists ? 'NOT_EMPTY' : 'NOT_FOUND';
}
