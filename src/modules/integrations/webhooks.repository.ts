/** The only drizzle importer for webhooks: endpoints, events and the delivery log. */
import { and, arrayContains, count, desc, eq, gte, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import { resealColumns, type ResealCount } from '../../db/reseal.js';
import type { FieldCipher } from '../../shared/crypto/field-cipher.js';
import { apiClients, webhookDeliveries, webhookEndpoints, webhookEvents } from '../../db/schema/index.js';

export type EndpointRow = typeof webhookEndpoints.$inferSelect;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect & { type: string; payload: { occurredAt: Date; data: Record<string, unknown> } };
export type EventRow = typeof webhookEvents.$inferSelect;

const live = isNull(webhookEndpoints.deletedAt);
/** An endpoint as its manager sees it: admins (clientId undefined) all, a client its own. */
const owned = (clientId: string | undefined): SQL | undefined => (clientId === undefined ? undefined : eq(webhookEndpoints.clientId, clientId));

export async function insertEndpoint(db: Executor, values: typeof webhookEndpoints.$inferInsert): Promise<EndpointRow> {
  const [row] = await db.insert(webhookEndpoints).values(values).returning();
  if (!row) throw new Error('endpoint not inserted');
  return row;
}

export async function findEndpoint(db: Executor, id: string, clientId?: string): Promise<EndpointRow | undefined> {
  const [row] = await db.select().from(webhookEndpoints).where(and(eq(webhookEndpoints.id, id), live, owned(clientId)));
  return row;
}

export async function listEndpoints(db: Executor, clientId?: string): Promise<EndpointRow[]> {
  return db.select().from(webhookEndpoints).where(and(live, owned(clientId))).orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id));
}

export async function updateEndpoint(db: Executor, id: string, values: Partial<typeof webhookEndpoints.$inferInsert>): Promise<EndpointRow | undefined> {
  const [row] = await db.update(webhookEndpoints).set(values).where(and(eq(webhookEndpoints.id, id), live)).returning();
  return row;
}

/** Active endpoints that take this event: subscribed to its type, of its branch (or all), and whose client is not revoked. */
export async function endpointsFor(db: Executor, type: string, branchId: string | null): Promise<Array<EndpointRow & { clientScopes: string[] | null; clientBranchIds: string[] | null }>> {
  const branchMatch = branchId === null ? sql`cardinality(${webhookEndpoints.branchIds}) = 0` : sql`(cardinality(${webhookEndpoints.branchIds}) = 0 OR ${branchId}::uuid = ANY(${webhookEndpoints.branchIds}))`;
  const rows = await db
    .select({ endpoint: webhookEndpoints, clientScopes: apiClients.scopes, clientBranchIds: apiClients.branchIds, revokedAt: apiClients.revokedAt })
    .from(webhookEndpoints)
    .leftJoin(apiClients, eq(apiClients.id, webhookEndpoints.clientId))
    .where(and(live, eq(webhookEndpoints.active, true), arrayContains(webhookEndpoints.events, [type]), branchMatch));
  return rows.filter((r) => r.revokedAt === null).map((r) => ({ ...r.endpoint, clientScopes: r.clientScopes, clientBranchIds: r.clientBranchIds }));
}

export async function insertEvent(db: Executor, values: typeof webhookEvents.$inferInsert): Promise<void> {
  await db.insert(webhookEvents).values(values).onConflictDoNothing();
}

export async function findEvent(db: Executor, id: string): Promise<EventRow | undefined> {
  const [row] = await db.select().from(webhookEvents).where(eq(webhookEvents.id, id));
  return row;
}

/** Creates the deliveries not made yet (a fan-out run twice makes none twice). */
export async function insertDeliveries(db: Executor, eventId: string, endpointIds: readonly string[], at: Date): Promise<void> {
  if (endpointIds.length === 0) return;
  await db
    .insert(webhookDeliveries)
    .values(endpointIds.map((endpointId) => ({ endpointId, eventId, createdAt: at, roundStartedAt: at, nextAttemptAt: at })))
    .onConflictDoNothing();
}

/** Deliveries of an event never attempted (to enqueue; enqueuing is idempotent by job id). */
export async function unattemptedOf(db: Executor, eventId: string): Promise<Array<{ id: string }>> {
  return db.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(and(eq(webhookDeliveries.eventId, eventId), eq(webhookDeliveries.attempts, 0), eq(webhookDeliveries.status, 'PENDING')));
}

const deliveryColumns = {
  delivery: webhookDeliveries,
  type: webhookEvents.type,
  occurredAt: webhookEvents.occurredAt,
  data: webhookEvents.data,
};
type Joined = { delivery: typeof webhookDeliveries.$inferSelect; type: string; occurredAt: Date; data: Record<string, unknown> };
const toDelivery = (r: Joined): DeliveryRow => ({ ...r.delivery, type: r.type, payload: { occurredAt: r.occurredAt, data: r.data } });

export async function findDelivery(db: Executor, id: string): Promise<DeliveryRow | undefined> {
  const [row] = await db.select(deliveryColumns).from(webhookDeliveries).innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId)).where(eq(webhookDeliveries.id, id));
  return row ? toDelivery(row) : undefined;
}

/** A delivery with its endpoint (null when deleted) in one statement: what one attempt reads. */
export async function findDeliveryWithEndpoint(db: Executor, id: string): Promise<{ delivery: DeliveryRow; endpoint: EndpointRow | null } | undefined> {
  const [row] = await db
    .select({ ...deliveryColumns, endpoint: webhookEndpoints })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .leftJoin(webhookEndpoints, and(eq(webhookEndpoints.id, webhookDeliveries.endpointId), live))
    .where(eq(webhookDeliveries.id, id));
  return row ? { delivery: toDelivery(row), endpoint: row.endpoint } : undefined;
}

/** A page of an endpoint's deliveries, newest first, after a keyset cursor. */
export async function pageDeliveries(db: Executor, endpointId: string, opts: { status?: string | null; limit: number; after?: { at: Date; id: string } }): Promise<{ rows: DeliveryRow[]; total: number }> {
  const filter = and(eq(webhookDeliveries.endpointId, endpointId), opts.status ? eq(webhookDeliveries.status, opts.status) : undefined);
  const cursor = opts.after
    ? or(lt(webhookDeliveries.createdAt, opts.after.at), and(eq(webhookDeliveries.createdAt, opts.after.at), lt(webhookDeliveries.id, opts.after.id)))
    : undefined;
  const rows = await db
    .select(deliveryColumns)
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(and(filter, cursor))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(opts.limit);
  const [total] = await db.select({ n: count() }).from(webhookDeliveries).where(filter);
  return { rows: rows.map(toDelivery), total: total?.n ?? 0 };
}

/** The outcome of attempt `attempt` (compare-and-set: a concurrent attempt's outcome is not overwritten). */
export async function recordAttempt(db: Executor, id: string, attempt: number, values: Partial<typeof webhookDeliveries.$inferInsert>): Promise<boolean> {
  const rows = await db.update(webhookDeliveries).set({ ...values, attempts: attempt + 1 }).where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.attempts, attempt))).returning({ id: webhookDeliveries.id });
  return rows.length > 0;
}

export async function markFailed(db: Executor, id: string, error: string): Promise<void> {
  await db.update(webhookDeliveries).set({ status: 'FAILED', lastError: error, nextAttemptAt: null }).where(eq(webhookDeliveries.id, id));
}

/** A new round for a delivery: PENDING again, retries counted from now; answers its attempts so far. */
export async function restartDelivery(db: Executor, id: string, at: Date): Promise<DeliveryRow | undefined> {
  await db.update(webhookDeliveries).set({ status: 'PENDING', nextAttemptAt: at, roundStartedAt: at }).where(eq(webhookDeliveries.id, id));
  return findDelivery(db, id);
}

/** A TEST event belongs to the endpoint it was sent to only. */
const testEventsOf = (endpointId: string) =>
  sql`(${webhookEvents.type} <> 'TEST' OR EXISTS (SELECT 1 FROM ${webhookDeliveries} d WHERE d.event_id = ${webhookEvents.id} AND d.endpoint_id = ${endpointId}::uuid))`;

/** Events of the endpoint's types (and branches) since a moment, for a replay. */
export async function eventsSince(db: Executor, endpoint: EndpointRow, since: Date, limit: number): Promise<Array<{ id: string }>> {
  const branchMatch = endpoint.branchIds.length === 0 ? undefined : sql`${webhookEvents.branchId} = ANY(${sql.param(endpoint.branchIds)}::uuid[])`;
  return db
    .select({ id: webhookEvents.id })
    .from(webhookEvents)
    .where(and(gte(webhookEvents.occurredAt, since), sql`${webhookEvents.type} = ANY(${sql.param(endpoint.events)}::text[])`, branchMatch, testEventsOf(endpoint.id)))
    .orderBy(webhookEvents.occurredAt)
    .limit(limit);
}

/** Ensures a delivery of each event to the endpoint exists and starts a new round for each; their ids and attempts. */
export async function upsertRounds(db: Executor, endpointId: string, eventIds: readonly string[], at: Date): Promise<Array<{ id: string; attempts: number }>> {
  if (eventIds.length === 0) return [];
  return db
    .insert(webhookDeliveries)
    .values(eventIds.map((eventId) => ({ endpointId, eventId, createdAt: at, roundStartedAt: at })))
    .onConflictDoUpdate({ target: [webhookDeliveries.endpointId, webhookDeliveries.eventId], set: { status: 'PENDING', roundStartedAt: at, nextAttemptAt: at } })
    .returning({ id: webhookDeliveries.id, attempts: webhookDeliveries.attempts });
}

/** Deliveries waiting (PENDING or RETRYING) whose next attempt was due before `before`. */
export async function overdueDeliveries(db: Executor, before: Date, limit: number): Promise<Array<{ id: string; attempts: number }>> {
  return db
    .select({ id: webhookDeliveries.id, attempts: webhookDeliveries.attempts })
    .from(webhookDeliveries)
    .where(and(sql`${webhookDeliveries.status} IN ('PENDING', 'RETRYING')`, lt(webhookDeliveries.nextAttemptAt, before)))
    .limit(limit);
}

/** Switches an active endpoint off; false when it was already off (someone else did it). */
export async function disableEndpoint(db: Executor, id: string, at: Date, failingSince: Date): Promise<boolean> {
  const rows = await db.update(webhookEndpoints).set({ active: false, disabledAt: at, failingSince }).where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.active, true))).returning({ id: webhookEndpoints.id });
  return rows.length > 0;
}

/** Endpoint signing secrets sealed with an older data key are sealed again (cli rotate-data-key). */
export function resealEndpointSecrets(db: Database, cipher: FieldCipher, batchSize: number): Promise<ResealCount> {
  return resealColumns(db, { name: 'webhook_endpoints', table: webhookEndpoints, id: webhookEndpoints.id, columns: { secret: webhookEndpoints.secret }, cipher, batchSize });
}
