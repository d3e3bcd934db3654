/**
 * The only drizzle importer of the family module: dependants (the SNILS sealed at rest) and
 * profile change requests, each query scoped to its owner where a citizen asks. The "one open
 * request" rule and "never claimed twice" are decided by PostgreSQL (a partial unique index, a
 * conditional UPDATE).
 */
import { and, asc, count, desc, eq, gt, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import { resealColumns, type ResealCount } from '../../db/reseal.js';
import { isUniqueViolation } from '../../db/errors.js';
import { dependants, profileChangeRequests } from '../../db/schema/index.js';
import type { FieldCipher } from '../../shared/crypto/field-cipher.js';
import type { KeysetCursor } from '../../shared/pagination.js';

export type DependantRow = typeof dependants.$inferSelect;
export type ChangeRequestRow = typeof profileChangeRequests.$inferSelect;
type DependantValues = Partial<typeof dependants.$inferInsert>;

const active = isNull(dependants.leftAt);

async function insertDependant(db: Executor, values: typeof dependants.$inferInsert): Promise<DependantRow> {
  const [row] = await db.insert(dependants).values(values).returning();
  if (!row) throw new Error('insert dependants returned nothing');
  return row;
}

async function updateDependant(db: Executor, id: string, values: DependantValues): Promise<DependantRow> {
  const [row] = await db.update(dependants).set(values).where(eq(dependants.id, id)).returning();
  if (!row) throw new Error('update dependants returned nothing');
  return row;
}

/** The parent's dependant still in the account (another citizen's looks like a missing one). */
async function findOwnActive(db: Executor, id: string, parentId: string): Promise<DependantRow | undefined> {
  const [row] = await db.select().from(dependants).where(and(eq(dependants.id, id), eq(dependants.parentId, parentId), active));
  return row;
}

async function findById(db: Executor, id: string): Promise<DependantRow | undefined> {
  const [row] = await db.select().from(dependants).where(eq(dependants.id, id));
  return row;
}

async function findByIds(db: Executor, ids: readonly string[]): Promise<DependantRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(dependants).where(inArray(dependants.id, [...ids]));
}

async function activeOfParents(db: Executor, parentIds: readonly string[]): Promise<DependantRow[]> {
  if (parentIds.length === 0) return [];
  return db.select().from(dependants).where(and(inArray(dependants.parentId, [...parentIds]), active)).orderBy(asc(dependants.birthDate), asc(dependants.id));
}

/** Dependants waiting for an operator's check, oldest first; of these parents only, when given. */
async function pendingReview(db: Executor, limit: number, parentIds?: readonly string[]): Promise<DependantRow[]> {
  const parents = parentIds ? inArray(dependants.parentId, [...parentIds]) : undefined;
  return db.select().from(dependants).where(and(eq(dependants.verification, 'PENDING'), active, parents)).orderBy(asc(dependants.updatedAt)).limit(limit);
}

/** Marks the dependant as left (removed by the parent); false when it was not the parent's or already left. */
async function markRemoved(db: Executor, id: string, parentId: string, at: Date): Promise<boolean> {
  const rows = await db.update(dependants).set({ leftAt: at, leftReason: 'REMOVED', updatedAt: at }).where(and(eq(dependants.id, id), eq(dependants.parentId, parentId), active)).returning({ id: dependants.id });
  return rows.length === 1;
}

/**
 * Claims up to `limit` children born on or before `bornBy` still in an account: one UPDATE marks
 * them CAME_OF_AGE, so two runs (or two workers) never tell anyone twice.
 */
async function claimComeOfAge(db: Executor, p: { bornBy: string; at: Date; limit: number }): Promise<DependantRow[]> {
  const batch = db
    .select({ id: dependants.id })
    .from(dependants)
    .where(and(active, eq(dependants.relation, 'CHILD'), lte(dependants.birthDate, p.bornBy)))
    .limit(p.limit)
    .for('update', { skipLocked: true });
  return db.update(dependants).set({ leftAt: p.at, leftReason: 'CAME_OF_AGE', updatedAt: p.at }).where(inArray(dependants.id, batch)).returning();
}

// ---------------------------------------------------------------- profile change requests

/** A new request, or 'OPEN_EXISTS' when the citizen already has one waiting (the partial unique index decides races). */
async function insertChangeRequest(db: Executor, values: typeof profileChangeRequests.$inferInsert): Promise<ChangeRequestRow | 'OPEN_EXISTS'> {
  try {
    const [row] = await db.insert(profileChangeRequests).values(values).returning();
    if (!row) throw new Error('insert profile_change_requests returned nothing');
    return row;
  } catch (err) {
    if (isUniqueViolation(err)) return 'OPEN_EXISTS';
    throw err;
  }
}

async function openRequestOf(db: Executor, userId: string): Promise<ChangeRequestRow | undefined> {
  const [row] = await db.select().from(profileChangeRequests).where(and(eq(profileChangeRequests.userId, userId), eq(profileChangeRequests.status, 'PENDING')));
  return row;
}

async function requestsOf(db: Executor, userId: string): Promise<ChangeRequestRow[]> {
  return db.select().from(profileChangeRequests).where(eq(profileChangeRequests.userId, userId)).orderBy(desc(profileChangeRequests.createdAt), desc(profileChangeRequests.id));
}

async function findRequest(db: Executor, id: string): Promise<ChangeRequestRow | undefined> {
  const [row] = await db.select().from(profileChangeRequests).where(eq(profileChangeRequests.id, id));
  return row;
}

/** Open requests oldest first, after the keyset cursor; of these citizens only, when given. */
async function pendingRequests(db: Executor, p: { limit: number; after: KeysetCursor | null; userIds?: readonly string[] }): Promise<ChangeRequestRow[]> {
  const t = profileChangeRequests;
  const after = p.after ? or(gt(t.createdAt, p.after.at), and(eq(t.createdAt, p.after.at), gt(t.id, p.after.id))) : undefined;
  return db
    .select()
    .from(t)
    .where(and(eq(t.status, 'PENDING'), p.userIds ? inArray(t.userId, [...p.userIds]) : undefined, after))
    .orderBy(asc(t.createdAt), asc(t.id))
    .limit(p.limit);
}

async function countPending(db: Executor, userIds?: readonly string[]): Promise<number> {
  const t = profileChangeRequests;
  const [row] = await db.select({ n: count() }).from(t).where(and(eq(t.status, 'PENDING'), userIds ? inArray(t.userId, [...userIds]) : undefined));
  return row?.n ?? 0;
}

/** Settles an open request (compare-and-set on PENDING): undefined when someone settled it first. */
async function settleRequest(db: Executor, id: string, values: { status: 'VERIFIED' | 'REJECTED'; reason: string | null; reviewedBy: string; reviewedAt: Date }): Promise<ChangeRequestRow | undefined> {
  const [row] = await db.update(profileChangeRequests).set(values).where(and(eq(profileChangeRequests.id, id), eq(profileChangeRequests.status, 'PENDING'))).returning();
  return row;
}

const sealSnils = (cipher: FieldCipher, v: DependantValues): DependantValues => (v.snils != null ? { ...v, snils: cipher.seal(v.snils) } : v);

/** The family tables, the dependants' SNILS sealed on write and opened on read. */
export function createFamilyRepository(cipher: FieldCipher) {
  const open = (row: DependantRow): DependantRow => ({ ...row, snils: cipher.open(row.snils) });
  const openOne = (row: DependantRow | undefined) => row && open(row);
  return {
    insertDependant: async (db: Executor, values: typeof dependants.$inferInsert) => open(await insertDependant(db, sealSnils(cipher, values) as typeof dependants.$inferInsert)),
    updateDependant: async (db: Executor, id: string, values: DependantValues) => open(await updateDependant(db, id, sealSnils(cipher, values))),
    findOwnActive: async (db: Executor, id: string, parentId: string) => openOne(await findOwnActive(db, id, parentId)),
    findById: async (db: Executor, id: string) => openOne(await findById(db, id)),
    findByIds: async (db: Executor, ids: readonly string[]) => (await findByIds(db, ids)).map(open),
    activeOfParents: async (db: Executor, parentIds: readonly string[]) => (await activeOfParents(db, parentIds)).map(open),
    pendingReview: async (db: Executor, limit: number, parentIds?: readonly string[]) => (await pendingReview(db, limit, parentIds)).map(open),
    markRemoved,
    claimComeOfAge: async (db: Executor, p: { bornBy: string; at: Date; limit: number }) => (await claimComeOfAge(db, p)).map(open),
    insertChangeRequest,
    openRequestOf,
    requestsOf,
    findRequest,
    pendingRequests,
    countPending,
    settleRequest,
    /** Re-seals the SNILS not sealed with the current key (rotate-data-key). */
    reseal: (db: Database, batchSize: number): Promise<ResealCount> => resealColumns(db, { name: 'dependants', table: dependants, id: dependants.id, columns: { snils: dependants.snils }, cipher, batchSize }),
  };
}

export type FamilyRepository = ReturnType<typeof createFamilyRepository>;
