/**
 * Payments and refunds: private to the payments module. One PENDING payment per charge is kept by
 * a partial unique index; status changes are compare-and-set, so a notification, the reconciler
 * and a second tab settle a payment once.
 */
import { and, asc, desc, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { payments, refunds } from '../../db/schema/index.js';

export type PaymentRow = typeof payments.$inferSelect;
export type NewPaymentRow = typeof payments.$inferInsert;
export type PaymentStatus = PaymentRow['status'];
export type RefundRow = typeof refunds.$inferSelect;
export type NewRefundRow = typeof refunds.$inferInsert;

/**
 * The new payment; 'DUPLICATE' when the charge has a PENDING one or the idempotency key was used.
 * ON CONFLICT DO NOTHING (any unique index) rather than a savepoint: a duplicate does not abort the
 * caller's transaction, in one round trip instead of three.
 */
export async function insertPayment(tx: Executor, values: NewPaymentRow): Promise<PaymentRow | 'DUPLICATE'> {
  const [row] = await tx.insert(payments).values(values).onConflictDoNothing().returning();
  return row ?? 'DUPLICATE';
}

export async function findPayment(db: Executor, id: string): Promise<PaymentRow | undefined> {
  const [row] = await db.select().from(payments).where(eq(payments.id, id));
  return row;
}

export async function lockPayment(tx: Executor, id: string): Promise<PaymentRow | undefined> {
  const [row] = await tx.select().from(payments).where(eq(payments.id, id)).for('update');
  return row;
}

/** The user's payments still waiting for the provider's answer, oldest first. */
export async function pendingPaymentsOfUser(db: Executor, userId: string): Promise<PaymentRow[]> {
  return db.select().from(payments).where(and(eq(payments.userId, userId), eq(payments.status, 'PENDING'))).orderBy(asc(payments.createdAt));
}

export async function findPaymentByProviderId(db: Executor, providerPaymentId: string): Promise<PaymentRow | undefined> {
  const [row] = await db.select().from(payments).where(eq(payments.providerPaymentId, providerPaymentId));
  return row;
}

export async function pendingPaymentOf(tx: Executor, chargeId: string): Promise<PaymentRow | undefined> {
  const [row] = await tx.select().from(payments).where(and(eq(payments.chargeId, chargeId), eq(payments.status, 'PENDING')));
  return row;
}

export async function paymentByIdempotencyKey(db: Executor, userId: string, key: string): Promise<PaymentRow | undefined> {
  const [row] = await db.select().from(payments).where(and(eq(payments.userId, userId), eq(payments.idempotencyKey, key)));
  return row;
}

export async function paymentsOfCharges(db: Executor, chargeIds: readonly string[]): Promise<PaymentRow[]> {
  if (chargeIds.length === 0) return [];
  return db.select().from(payments).where(inArray(payments.chargeId, [...chargeIds])).orderBy(desc(payments.createdAt));
}

/** Compare-and-set on the status: null when it changed meanwhile. */
export async function updatePayment(tx: Executor, id: string, from: PaymentStatus, patch: Partial<NewPaymentRow>): Promise<PaymentRow | null> {
  const [row] = await tx.update(payments).set(patch).where(and(eq(payments.id, id), eq(payments.status, from))).returning();
  return row ?? null;
}

/** The provider's id and page of a payment just created there (once: a second caller finds it set). */
export async function attachProviderPayment(tx: Executor, id: string, providerPaymentId: string, confirmationUrl: string | null, at: Date): Promise<PaymentRow | null> {
  const [row] = await tx
    .update(payments)
    .set({ providerPaymentId, confirmationUrl, updatedAt: at })
    .where(and(eq(payments.id, id), or(isNull(payments.providerPaymentId), eq(payments.providerPaymentId, providerPaymentId))))
    .returning();
  return row ?? null;
}

/** Payments PENDING since before `before`, oldest first (the reconciler's batch). */
export async function stalePendingPayments(db: Executor, before: Date, limit: number): Promise<PaymentRow[]> {
  return db.select().from(payments).where(and(eq(payments.status, 'PENDING'), lt(payments.createdAt, before))).orderBy(asc(payments.createdAt)).limit(limit);
}

export async function insertRefund(tx: Executor, values: NewRefundRow): Promise<RefundRow> {
  const [row] = await tx.insert(refunds).values(values).returning();
  if (!row) throw new Error('insert refunds returned nothing');
  return row;
}

export async function refundsOf(db: Executor, paymentId: string): Promise<RefundRow[]> {
  return db.select().from(refunds).where(eq(refunds.paymentId, paymentId)).orderBy(asc(refunds.createdAt));
}

export async function findRefund(db: Executor, id: string): Promise<RefundRow | undefined> {
  const [row] = await db.select().from(refunds).where(eq(refunds.id, id));
  return row;
}

export async function lockRefund(tx: Executor, id: string): Promise<RefundRow | undefined> {
  const [row] = await tx.select().from(refunds).where(eq(refunds.id, id)).for('update');
  return row;
}

export async function findRefundByProviderId(db: Executor, providerRefundId: string): Promise<RefundRow | undefined> {
  const [row] = await db.select().from(refunds).where(eq(refunds.providerRefundId, providerRefundId));
  return row;
}

export async function updateRefund(tx: Executor, id: string, patch: Partial<NewRefundRow>): Promise<void> {
  await tx.update(refunds).set(patch).where(eq(refunds.id, id));
}

/** Refunds still PENDING since before `before` (the reconciler asks the provider again). */
export async function stalePendingRefunds(db: Executor, before: Date, limit: number): Promise<RefundRow[]> {
  return db.select().from(refunds).where(and(eq(refunds.status, 'PENDING'), lt(refunds.createdAt, before))).orderBy(asc(refunds.createdAt)).limit(limit);
}
