/** The only drizzle importer of the branches module: one function per query, explicit columns. */
import { and, asc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { isForeignKeyViolation } from '../../db/errors.js';
import { branchServices, branches, regions, scheduleExceptions, tickets, workingHours } from '../../db/schema/index.js';

export type BranchRow = typeof branches.$inferSelect;
export type NewBranchRow = typeof branches.$inferInsert;
export type HoursRow = typeof workingHours.$inferSelect;
export type ExceptionRow = typeof scheduleExceptions.$inferSelect;
export type RegionRow = typeof regions.$inferSelect & { localities: string[] };

/** The columns of a branch row, read and returned everywhere a BranchRow is. */
const branchColumns = {
  id: branches.id,
  name: branches.name,
  regionCode: branches.regionCode,
  locality: branches.locality,
  address: branches.address,
  lat: branches.lat,
  lon: branches.lon,
  timezone: branches.timezone,
  phone: branches.phone,
  windows: branches.windows,
  createdAt: branches.createdAt,
  updatedAt: branches.updatedAt,
};

const hoursColumns = {
  branchId: workingHours.branchId,
  weekday: workingHours.weekday,
  opens: workingHours.opens,
  closes: workingHours.closes,
  breakStart: workingHours.breakStart,
  breakEnd: workingHours.breakEnd,
};

const exceptionColumns = {
  branchId: scheduleExceptions.branchId,
  date: scheduleExceptions.date,
  closed: scheduleExceptions.closed,
  opens: scheduleExceptions.opens,
  closes: scheduleExceptions.closes,
  note: scheduleExceptions.note,
};

const EARTH_KM = 6371;
const KM_PER_DEGREE = 111.045;

/** Great-circle distance in km from a point to the branch (haversine). */
function distanceSql(p: { lat: number; lon: number }): SQL<number> {
  return sql<number>`(${EARTH_KM} * 2 * asin(sqrt(power(sin(radians(${branches.lat} - ${p.lat}) / 2), 2) + cos(radians(${p.lat})) * cos(radians(${branches.lat})) * power(sin(radians(${branches.lon} - ${p.lon}) / 2), 2))))`;
}

/** Regions with the localities that have branches; all of them, or those with the given codes. */
export async function listRegions(db: Executor, codes?: readonly string[]): Promise<RegionRow[]> {
  if (codes && codes.length === 0) return [];
  return db
    .select({
      code: regions.code,
      name: regions.name,
      localities: sql<string[]>`coalesce(array_agg(DISTINCT ${branches.locality} ORDER BY ${branches.locality}) FILTER (WHERE ${branches.locality} IS NOT NULL), '{}')`,
    })
    .from(regions)
    .leftJoin(branches, eq(branches.regionCode, regions.code))
    .where(codes ? inArray(regions.code, [...codes]) : undefined)
    .groupBy(regions.code, regions.name)
    .orderBy(asc(regions.name));
}

export async function upsertRegion(db: Executor, code: string, name: string | null): Promise<void> {
  if (name) await db.insert(regions).values({ code, name }).onConflictDoUpdate({ target: regions.code, set: { name } });
  else await db.insert(regions).values({ code, name: code }).onConflictDoNothing();
}

/** These branches (every branch with null). */
export async function findBranchesByIds(db: Executor, ids: readonly string[] | null): Promise<BranchRow[]> {
  if (ids?.length === 0) return [];
  return db
    .select(branchColumns)
    .from(branches)
    .where(ids ? inArray(branches.id, [...ids]) : undefined);
}

export interface BranchSearch {
  regionCode?: string | null;
  locality?: string | null;
  serviceId?: string | null;
  near?: { lat: number; lon: number } | null;
  radiusKm?: number | null;
  openAt?: Date | null;
  search?: string | null;
  orderBy: 'NAME' | 'DISTANCE' | 'LOAD';
  limit: number;
  offset: number;
}

export async function searchBranches(db: Executor, p: BranchSearch): Promise<{ rows: Array<BranchRow & { distanceKm: number | null }>; total: number }> {
  const distance = p.near ? distanceSql(p.near) : null;
  let box: SQL | undefined;
  if (p.near && p.radiusKm != null) {
    const dLat = p.radiusKm / KM_PER_DEGREE;
    const dLon = p.radiusKm / (KM_PER_DEGREE * Math.max(Math.cos((p.near.lat * Math.PI) / 180), 0.01));
    box = and(
      gte(branches.lat, p.near.lat - dLat),
      lte(branches.lat, p.near.lat + dLat),
      gte(branches.lon, p.near.lon - dLon),
      lte(branches.lon, p.near.lon + dLon),
      sql`${distance} <= ${p.radiusKm}`,
    );
  }
  const words = p.search?.trim();
  const where = and(
    p.regionCode ? eq(branches.regionCode, p.regionCode) : undefined,
    p.locality ? sql`lower(${branches.locality}) = lower(${p.locality})` : undefined,
    p.serviceId ? sql`EXISTS (SELECT 1 FROM ${branchServices} WHERE ${branchServices.branchId} = ${branches.id} AND ${branchServices.serviceId} = ${p.serviceId})` : undefined,
    box,
    p.openAt ? sql`branch_open_at(${branches.id}, ${branches.timezone}, ${p.openAt.toISOString()}::timestamptz)` : undefined,
    words ? sql`(${branches.name} || ' ' || ${branches.address} || ' ' || ${branches.locality}) ILIKE ${`%${words.replace(/[\\%_]/g, '\\$&')}%`}` : undefined,
  );
  const order: SQL[] =
    p.orderBy === 'DISTANCE' && distance
      ? [sql`${distance} ASC`]
      : p.orderBy === 'LOAD'
        ? // The emptiest first: people waiting in the branch's live queue (tickets of the queue module).
          [sql`(SELECT count(*) FROM ${tickets} t WHERE t.branch_id = ${branches.id} AND t.status = 'WAITING') ASC`]
        : [];
  const rows = await db
    .select({ branch: branchColumns, distanceKm: distance ?? sql<null>`NULL::float8`, total: sql<number>`count(*) OVER ()::int` })
    .from(branches)
    .where(where)
    .orderBy(...order, asc(branches.name), asc(branches.id))
    .limit(p.limit)
    .offset(p.offset);
  const total = rows[0]?.total ?? (p.offset > 0 ? ((await db.select({ n: sql<number>`count(*)::int` }).from(branches).where(where))[0]?.n ?? 0) : 0);
  return { rows: rows.map((r) => ({ ...r.branch, distanceKm: r.distanceKm === null ? null : Number(r.distanceKm) })), total };
}

/** branch_open_at() for many branches in one statement. */
export async function openAt(db: Executor, branchIds: readonly string[], at: Date): Promise<Map<string, boolean>> {
  if (branchIds.length === 0) return new Map();
  const rows = await db
    .select({ id: branches.id, open: sql<boolean>`branch_open_at(${branches.id}, ${branches.timezone}, ${at.toISOString()}::timestamptz)` })
    .from(branches)
    .where(inArray(branches.id, [...branchIds]));
  return new Map(rows.map((r) => [r.id, r.open]));
}

/** The ids of every branch open at `at` (branch_open_at in each branch's time zone). */
export async function openBranchesAt(db: Executor, at: Date): Promise<string[]> {
  const rows = await db
    .select({ id: branches.id })
    .from(branches)
    .where(sql`branch_open_at(${branches.id}, ${branches.timezone}, ${at.toISOString()}::timestamptz)`);
  return rows.map((r) => r.id);
}

/** Hours of these branches (of every branch with null), by weekday. */
export async function hoursOf(db: Executor, branchIds: readonly string[] | null): Promise<HoursRow[]> {
  if (branchIds?.length === 0) return [];
  return db
    .select(hoursColumns)
    .from(workingHours)
    .where(branchIds ? inArray(workingHours.branchId, [...branchIds]) : undefined)
    .orderBy(asc(workingHours.weekday));
}

export async function exceptionsOf(db: Executor, branchIds: readonly string[], from: string, to: string): Promise<ExceptionRow[]> {
  if (branchIds.length === 0) return [];
  return db
    .select(exceptionColumns)
    .from(scheduleExceptions)
    .where(and(inArray(scheduleExceptions.branchId, [...branchIds]), gte(scheduleExceptions.date, from), lte(scheduleExceptions.date, to)))
    .orderBy(asc(scheduleExceptions.date));
}

export async function insertBranch(db: Executor, values: NewBranchRow): Promise<BranchRow> {
  const [row] = await db.insert(branches).values(values).returning(branchColumns);
  if (!row) throw new Error('insert branches returned nothing');
  return row;
}

export async function updateBranch(db: Executor, id: string, values: Partial<NewBranchRow>): Promise<BranchRow | undefined> {
  const [row] = await db.update(branches).set({ ...values, updatedAt: sql`now()` }).where(eq(branches.id, id)).returning(branchColumns);
  return row;
}

export async function replaceHours(db: Executor, branchId: string, hours: Array<Omit<HoursRow, 'branchId'>>): Promise<void> {
  await db.delete(workingHours).where(eq(workingHours.branchId, branchId));
  if (hours.length > 0) await db.insert(workingHours).values(hours.map((h) => ({ ...h, branchId })));
}

export async function upsertException(db: Executor, row: ExceptionRow): Promise<void> {
  await db
    .insert(scheduleExceptions)
    .values(row)
    .onConflictDoUpdate({ target: [scheduleExceptions.branchId, scheduleExceptions.date], set: { closed: row.closed, opens: row.opens, closes: row.closes, note: row.note } });
}

/** Replaces the services offered, in one transaction; 'UNKNOWN_SERVICE' (nothing changed) when an id is no service. */
export async function replaceServices(db: Executor, branchId: string, serviceIds: readonly string[]): Promise<'UNKNOWN_SERVICE' | undefined> {
  try {
    await db.transaction(async (tx) => {
      await tx.delete(branchServices).where(eq(branchServices.branchId, branchId));
      if (serviceIds.length > 0) await tx.insert(branchServices).values(serviceIds.map((serviceId) => ({ branchId, serviceId })));
    });
    return undefined;
  } catch (err) {
    if (isForeignKeyViolation(err)) return 'UNKNOWN_SERVICE';
    throw err;
  }
}

/** Localities with branches most like the text (pg_trgm similarity above its threshold), best first. */
export async function similarLocalities(db: Executor, p: { text: string; regionCode?: string | null; limit: number }): Promise<string[]> {
  const rows = await db.execute<{ locality: string }>(sql`
    SELECT locality FROM (SELECT DISTINCT locality FROM branches WHERE ${p.regionCode ? sql`region_code = ${p.regionCode}` : sql`TRUE`}) l
    WHERE lower(locality) % lower(${p.text})
    ORDER BY similarity(lower(locality), lower(${p.text})) DESC, locality
    LIMIT ${p.limit}`);
  return [...rows].map((r) => r.locality);
}
