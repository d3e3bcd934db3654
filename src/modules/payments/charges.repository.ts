/**
 * Charges and the ledger: private to the payments module (with payments.repository.ts, its only
 * drizzle importers). Status changes are compare-and-set; a citizen's look-ups are scoped to them.
 */
import { and, asc, count, desc, eq, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { charges, ledgerEntries } from '../../db/schema/index.js';

export type ChargeRow = typeof charges.$inferSelect;
export type NewChargeRow = typeof charges.$inferInsert;
export type ChargeStatus = ChargeRow['status'];
export type ChargeKind = ChargeRow['kind'];
export type LedgerRow = typeof ledgerEntries.$inferSelect;
export type NewLedgerRow = typeof ledgerEntries.$inferInsert;

/** The charge, or 'DUPLICATE' when its УИН (or the application's state fee) exists already. */
export async function insertCharge(tx: Executor, values: NewChargeRow): Promise<ChargeRow | 'DUPLICATE'> {
  try {
    // A savepoint: a duplicate must not abort the caller's transaction.
    return await tx.transaction(async (sp) => {
      const [row] = await sp.insert(charges).values(values).returning();
      if (!row) throw new Error('insert charges returned nothing');
      return row;
    });
  } catch (err) {
    if (isUniqueViolation(err)) return 'DUPLICATE';
    throw err;
  }
}

export async function nextUinSerial(tx: Executor): Promise<bigint> {
  const rows = await tx.execute<{ n: string }>(sql`select nextval('charge_uin_seq')::text as n`);
  return BigInt(rows[0]?.n ?? '0');
}

export async function findCharge(db: Executor, id: string): Promise<ChargeRow | undefined> {
  const [row] = await db.select().from(charges).where(eq(charges.id, id));
  return row;
}

export async function lockCharge(tx: Executor, id: string): Promise<ChargeRow | undefined> {
  const [row] = await tx.select().from(charges).where(eq(charges.id, id)).for('update');
  return row;
}

export async function chargesByIds(db: Executor, ids: readonly string[]): Promise<ChargeRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(charges).where(inArray(charges.id, [...ids]));
}

export interface ChargeFilterValues {
  status?: ChargeStatus[] | null;
  kind?: ChargeKind[] | null;
}

/** A citizen's charges, newest first, with the total. */
export async function chargesOfUser(db: Executor, userId: string, filter: ChargeFilterValues, limit: number, offset: number): Promise<{ rows: ChargeRow[]; total: number }> {
  const where: SQL[] = [eq(charges.userId, userId)];
  if (filter.status?.length) where.push(inArray(charges.status, filter.status));
  if (filter.kind?.length) where.push(inArray(charges.kind, filter.kind));
  const rows = await db.select().from(charges).where(and(...where)).orderBy(desc(charges.issuedAt), desc(charges.id)).limit(limit).offset(offset);
  const [total] = await db.select({ n: count() }).from(charges).where(and(...where));
  return { rows, total: total?.n ?? 0 };
}

export async function chargesOfApplications(db: Executor, applicationIds: readonly string[]): Promise<ChargeRow[]> {
  if (applicationIds.length === 0) return [];
  return db.select().from(charges).where(inArray(charges.applicationId, [...applicationIds])).orderBy(asc(charges.issuedAt));
}

/** Locked: the application's charges, for its owner's moves (rejection, the fee check). */
export async function lockChargesOfApplication(tx: Executor, applicationId: string): Promise<ChargeRow[]> {
  return tx.select().from(charges).where(eq(charges.applicationId, applicationId)).for('update');
}

/** Compare-and-set on the status: null when it changed meanwhile. */
export async function updateCharge(tx: Executor, id: string, from: ChargeStatus, patch: Partial<NewChargeRow>): Promise<ChargeRow | null> {
  const [row] = await tx.update(charges).set(patch).where(and(eq(charges.id, id), eq(charges.status, from))).returning();
  return row ?? null;
}

/** Unpaid charges due on or before `until` whose citizen was not reminded yet. */
export async function chargesDueBy(db: Executor, until: string, limit: number): Promise<ChargeRow[]> {
  return db.select().from(charges).where(and(eq(charges.status, 'UNPAID'), lte(charges.dueDate, until), isNull(charges.dueRemindedAt))).orderBy(asc(charges.dueDate)).limit(limit);
}

/** Marks the reminder sent; false when another worker did it first. */
export async function markReminded(tx: Executor, id: string, at: Date): Promise<boolean> {
  const rows = await tx.update(charges).set({ dueRemindedAt: at }).where(and(eq(charges.id, id), isNull(charges.dueRemindedAt))).returning({ id: charges.id });
  return rows.length > 0;
}

export async function appendLedger(tx: Executor, entry: NewLedgerRow): Promise<void> {
  await tx.insert(ledgerEntries).values(entry);
}

export async function ledgerOfCharge(db: Executor, chargeId: string): Promise<LedgerRow[]> {
  return db.select().from(ledgerEntries).where(eq(ledgerEntries.chargeId, chargeId)).orderBy(asc(ledgerEntries.id));
}
