/** The only drizzle importer of the notifications module. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { deliveries, notifications } from '../../db/schema/index.js';

export type NotificationRow = typeof notifications.$inferSelect;
export type DeliveryRow = typeof deliveries.$inferSelect;

export async function insertNotification(db: Executor, values: typeof notifications.$inferInsert): Promise<NotificationRow> {
  const [row] = await db.insert(notifications).values(values).returning();
  if (!row) throw new Error('insert notifications returned nothing');
  return row;
}

export async function insertDeliveries(db: Executor, values: Array<typeof deliveries.$inferInsert>): Promise<DeliveryRow[]> {
  if (values.length === 0) return [];
  return db.insert(deliveries).values(values).returning();
}

export async function findDelivery(db: Executor, id: string): Promise<DeliveryRow | undefined> {
  const [row] = await db.select().from(deliveries).where(eq(deliveries.id, id));
  return row;
}

/** Counts an attempt, only while the delivery is still to be sent; undefined when it is settled. */
export async function startAttempt(db: Executor, id: string, now: Date): Promise<DeliveryRow | undefined> {
  const [row] = await db
    .update(deliveries)
    .set({ attempts: sql`${deliveries.attempts} + 1`, updatedAt: now })
    .where(and(eq(deliveries.id, id), eq(deliveries.status, 'QUEUED')))
    .returning();
  return row;
}

export async function markSent(db: Executor, id: string, p: { now: Date; providerRef: string | null }): Promise<void> {
  await db
    .update(deliveries)
    .set({ status: 'SENT', sentAt: p.now, providerRef: p.providerRef, lastError: null, updatedAt: p.now })
    .where(and(eq(deliveries.id, id), eq(deliveries.status, 'QUEUED')));
}

export async function recordFailure(db: Executor, id: string, p: { now: Date; error: string; final: boolean }): Promise<void> {
  await db
    .update(deliveries)
    .set({ lastError: p.error.slice(0, 500), updatedAt: p.now, ...(p.final ? { status: 'FAILED' as const } : {}) })
    .where(and(eq(deliveries.id, id), inArray(deliveries.status, ['QUEUED'])));
}
