/**
 * The only drizzle importer of the notifications module: feed, deliveries, preferences, push
 * subscriptions, and the VAPID key pair kept among the application's secrets (notifications.prune
 * trims the partitions through src/db/partitions.ts). Every read names its columns; the owner's
 * reads are scoped to the owner.
 *
 * Notifications and deliveries are partitioned by month of the notification's creation (migration
 * 0030): ids are UUIDv7 of that moment (src/db/uuid7.ts), and every look-up by id also bounds the
 * partition key to the millisecond the id carries, so it reads one month (an older random id reads
 * them all).
 */
import { and, asc, count, desc, eq, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import { runPrepared } from '../../db/prepared.js';
import { resealColumns, type ResealCount } from '../../db/reseal.js';
import { createdAtOf, uuid7 } from '../../db/uuid7.js';
import type { FieldCipher } from '../../shared/crypto/field-cipher.js';
import { isUuid } from '../../shared/ids.js';
import { appSecrets, deliveries, notificationPreferences, notifications, pushSubscriptions } from '../../db/schema/index.js';
import type { NotificationCategory } from './templates.js';

export type NotificationRow = typeof notifications.$inferSelect;
export type DeliveryRow = typeof deliveries.$inferSelect;
export type PreferencesRow = typeof notificationPreferences.$inferSelect;
export type PushSubscriptionRow = typeof pushSubscriptions.$inferSelect;

const notificationColumns = {
  id: notifications.id,
  userId: notifications.userId,
  category: notifications.category,
  template: notifications.template,
  title: notifications.title,
  body: notifications.body,
  subjectType: notifications.subjectType,
  subjectId: notifications.subjectId,
  urgent: notifications.urgent,
  secret: notifications.secret,
  fallbackContent: notifications.fallbackContent,
  inFeed: notifications.inFeed,
  readAt: notifications.readAt,
  deletedAt: notifications.deletedAt,
  createdAt: notifications.createdAt,
};

const deliveryColumns = {
  id: deliveries.id,
  notificationId: deliveries.notificationId,
  notificationCreatedAt: deliveries.notificationCreatedAt,
  channel: deliveries.channel,
  destination: deliveries.destination,
  content: deliveries.content,
  status: deliveries.status,
  attempts: deliveries.attempts,
  lastError: deliveries.lastError,
  providerRef: deliveries.providerRef,
  sentAt: deliveries.sentAt,
  deliveredAt: deliveries.deliveredAt,
  scheduledFor: deliveries.scheduledFor,
  fallbackOf: deliveries.fallbackOf,
  createdAt: deliveries.createdAt,
  updatedAt: deliveries.updatedAt,
};

const preferencesColumns = {
  userId: notificationPreferences.userId,
  categories: notificationPreferences.categories,
  quietHoursStart: notificationPreferences.quietHoursStart,
  quietHoursEnd: notificationPreferences.quietHoursEnd,
  timezone: notificationPreferences.timezone,
  updatedAt: notificationPreferences.updatedAt,
};

const pushSubscriptionColumns = {
  id: pushSubscriptions.id,
  userId: pushSubscriptions.userId,
  endpoint: pushSubscriptions.endpoint,
  p256dh: pushSubscriptions.p256dh,
  auth: pushSubscriptions.auth,
  userAgent: pushSubscriptions.userAgent,
  createdAt: pushSubscriptions.createdAt,
};

const VAPID_SECRET = 'vapid_keys';

/** The stored VAPID key pair (JSON), inserted from `generate()` by the first instance to ask; the rest read that row. */
/** The VAPID key pair (JSON), sealed at rest with the data cipher; a pair stored before that is read as it is. */
export async function vapidKeysSecret(db: Database, cipher: FieldCipher, generate: () => string): Promise<string> {
  await db.insert(appSecrets).values({ name: VAPID_SECRET, value: cipher.seal(generate()) }).onConflictDoNothing();
  const [row] = await db.select({ value: appSecrets.value }).from(appSecrets).where(eq(appSecrets.name, VAPID_SECRET));
  if (!row) throw new Error(`secret ${VAPID_SECRET} could not be stored`);
  return cipher.open(row.value);
}

/** Re-seals the stored VAPID key pair unless sealed with the current data key (rotate-data-key). */
export function resealVapidKeys(db: Database, cipher: FieldCipher, batchSize: number): Promise<ResealCount> {
  return resealColumns(db, { name: 'app_secrets (vapid_keys)', table: appSecrets, id: appSecrets.name, columns: { value: appSecrets.value }, where: eq(appSecrets.name, VAPID_SECRET), cipher, batchSize });
}

/** A notification created at `createdAt`: its id carries that moment. */
export async function insertNotification(db: Executor, values: Omit<typeof notifications.$inferInsert, 'id'> & { createdAt: Date }): Promise<NotificationRow> {
  const [row] = await db.insert(notifications).values({ ...values, id: uuid7(values.createdAt) }).returning(notificationColumns);
  if (!row) throw new Error('insert notifications returned nothing');
  return row;
}

/** Deliveries of one notification: each lives in its notification's month, its id carrying the notification's millisecond. */
export async function insertDeliveries(
  db: Executor,
  notification: { id: string; createdAt: Date },
  values: Array<Omit<typeof deliveries.$inferInsert, 'id' | 'notificationId' | 'notificationCreatedAt'>>,
): Promise<DeliveryRow[]> {
  if (values.length === 0) return [];
  const of = { notificationId: notification.id, notificationCreatedAt: notification.createdAt };
  return db
    .insert(deliveries)
    .values(values.map((v) => ({ ...v, ...of, id: uuid7(notification.createdAt) })))
    .returning(deliveryColumns);
}

/** One delivery by id (in its month when the id says which). */
const deliveryIs = (id: string): SQL => and(eq(deliveries.id, id), createdAtOf(deliveries.notificationCreatedAt, id)) ?? sql`false`;
/** One notification by id (in its month when the id says which). */
const notificationIs = (id: string): SQL => and(eq(notifications.id, id), createdAtOf(notifications.createdAt, id)) ?? sql`false`;

export async function findDelivery(db: Executor, id: string): Promise<DeliveryRow | undefined> {
  const [row] = await db.select(deliveryColumns).from(deliveries).where(deliveryIs(id));
  return row;
}

export async function findNotification(db: Executor, id: string): Promise<NotificationRow | undefined> {
  const [row] = await db.select(notificationColumns).from(notifications).where(notificationIs(id));
  return row;
}

/** A notification of the user's feed (not cleared from it), or undefined. */
export async function findFeedNotification(db: Executor, userId: string, id: string): Promise<NotificationRow | undefined> {
  const [row] = await db
    .select(notificationColumns)
    .from(notifications)
    .where(and(notificationIs(id), eq(notifications.userId, userId), eq(notifications.inFeed, true), isNull(notifications.deletedAt)));
  return row;
}

/** The notification, locked for the rest of the transaction (one fallback at a time). */
export async function lockNotification(db: Executor, id: string): Promise<NotificationRow | undefined> {
  const [row] = await db.select(notificationColumns).from(notifications).where(notificationIs(id)).for('update');
  return row;
}

/** Counts an attempt, only while the delivery is still to be sent; undefined when it is settled. */
export async function startAttempt(db: Executor, id: string, now: Date): Promise<DeliveryRow | undefined> {
  const [row] = await db
    .update(deliveries)
    .set({ attempts: sql`${deliveries.attempts} + 1`, updatedAt: now })
    .where(and(deliveryIs(id), eq(deliveries.status, 'QUEUED')))
    .returning(deliveryColumns);
  return row;
}

export async function markSent(db: Executor, id: string, p: { now: Date; providerRef: string | null; delivered?: boolean }): Promise<void> {
  await db
    .update(deliveries)
    .set({ status: p.delivered ? 'DELIVERED' : 'SENT', sentAt: p.now, providerRef: p.providerRef, lastError: null, updatedAt: p.now, ...(p.delivered ? { deliveredAt: p.now } : {}) })
    .where(and(deliveryIs(id), eq(deliveries.status, 'QUEUED')));
}

/** Records a failed attempt; `final` settles it as FAILED. Returns whether this call settled it. */
export async function recordFailure(db: Executor, id: string, p: { now: Date; error: string; final: boolean }): Promise<boolean> {
  const rows = await db
    .update(deliveries)
    .set({ lastError: p.error.slice(0, 500), updatedAt: p.now, ...(p.final ? { status: 'FAILED' as const } : {}) })
    .where(and(deliveryIs(id), inArray(deliveries.status, ['QUEUED'])))
    .returning({ id: deliveries.id });
  return p.final && rows.length > 0;
}

/**
 * A delivery receipt: SENT becomes DELIVERED or FAILED; anything else is left alone. The reference
 * is ours (the delivery id we sent as `reference`: one month read, by its id's time) or, for a
 * gateway that answers with its own id, its `provider_ref` (no time in it: every month's index).
 */
export async function settleByReceipt(db: Executor, p: { reference: string; status: 'DELIVERED' | 'FAILED'; error: string | null; now: Date }): Promise<DeliveryRow | undefined> {
  const outcome = p.status === 'DELIVERED' ? { deliveredAt: p.now } : { lastError: (p.error ?? 'Оператор связи не доставил SMS').slice(0, 500) };
  const settle = async (match: SQL | undefined) =>
    (await db.update(deliveries).set({ status: p.status, updatedAt: p.now, ...outcome }).where(and(eq(deliveries.channel, 'SMS'), eq(deliveries.status, 'SENT'), match)).returning(deliveryColumns))[0];
  const ours = isUuid(p.reference) ? await settle(deliveryIs(p.reference)) : undefined;
  return ours ?? settle(eq(deliveries.providerRef, p.reference));
}

export async function deliveriesOf(db: Executor, notificationIds: readonly string[]): Promise<DeliveryRow[]> {
  if (notificationIds.length === 0) return [];
  return db
    .select(deliveryColumns)
    .from(deliveries)
    .where(and(inArray(deliveries.notificationId, [...notificationIds]), createdAtOf(deliveries.notificationCreatedAt, notificationIds)))
    .orderBy(asc(deliveries.createdAt), asc(deliveries.channel));
}

const feedOf = (userId: string, f: { unreadOnly?: boolean | null; category?: NotificationCategory | null }): SQL => {
  const conds: SQL[] = [eq(notifications.userId, userId), eq(notifications.inFeed, true), isNull(notifications.deletedAt)];
  if (f.unreadOnly) conds.push(isNull(notifications.readAt));
  if (f.category) conds.push(eq(notifications.category, f.category));
  return and(...conds) ?? sql`false`;
};

/** A page of the user's feed, newest first, after the keyset position (createdAt, id). */
export async function feedPage(
  db: Executor,
  p: { userId: string; unreadOnly?: boolean | null; category?: NotificationCategory | null; after: { at: Date; id: string } | null; limit: number },
): Promise<NotificationRow[]> {
  const where = feedOf(p.userId, p);
  // The plain bound on the partition key leaves the later months out (the OR alone prunes nothing).
  const keyset = p.after ? and(lte(notifications.createdAt, p.after.at), or(lt(notifications.createdAt, p.after.at), and(eq(notifications.createdAt, p.after.at), lt(notifications.id, p.after.id)))) : undefined;
  // Every month's index (runPrepared: planned once per connection).
  return runPrepared(db.select(notificationColumns).from(notifications).where(keyset ? and(where, keyset) : where).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(p.limit));
}

export async function feedCount(db: Executor, p: { userId: string; unreadOnly?: boolean | null; category?: NotificationCategory | null }): Promise<number> {
  const [row] = await runPrepared(db.select({ n: count() }).from(notifications).where(feedOf(p.userId, p)));
  return row?.n ?? 0;
}

export async function markRead(db: Executor, userId: string, ids: readonly string[] | null, now: Date): Promise<number> {
  const conds = [eq(notifications.userId, userId), eq(notifications.inFeed, true), isNull(notifications.deletedAt), isNull(notifications.readAt)];
  if (ids) {
    if (ids.length === 0) return 0;
    conds.push(inArray(notifications.id, [...ids]));
    const within = createdAtOf(notifications.createdAt, ids);
    if (within) conds.push(within);
  }
  const rows = await db.update(notifications).set({ readAt: now }).where(and(...conds)).returning({ id: notifications.id });
  return rows.length;
}

export async function softDelete(db: Executor, userId: string, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({ deletedAt: now })
    .where(and(notificationIs(id), eq(notifications.userId, userId), eq(notifications.inFeed, true), isNull(notifications.deletedAt)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

export async function findPreferences(db: Executor, userId: string): Promise<PreferencesRow | undefined> {
  const [row] = await db.select(preferencesColumns).from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  return row;
}

export async function upsertPreferences(db: Executor, values: typeof notificationPreferences.$inferInsert): Promise<PreferencesRow> {
  const { userId: _userId, ...set } = values;
  const [row] = await db.insert(notificationPreferences).values(values).onConflictDoUpdate({ target: notificationPreferences.userId, set }).returning(preferencesColumns);
  if (!row) throw new Error('upsert notification_preferences returned nothing');
  return row;
}

export async function pushSubscriptionsOf(db: Executor, userId: string): Promise<PushSubscriptionRow[]> {
  return db.select(pushSubscriptionColumns).from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId)).orderBy(asc(pushSubscriptions.createdAt));
}

/** Registers the endpoint for the user; an endpoint re-registered (new keys, or another account on the same browser) moves over. */
export async function upsertPushSubscription(db: Executor, values: typeof pushSubscriptions.$inferInsert): Promise<PushSubscriptionRow> {
  const [row] = await db
    .insert(pushSubscriptions)
    .values(values)
    .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: { userId: values.userId, p256dh: values.p256dh, auth: values.auth, userAgent: values.userAgent ?? null } })
    .returning(pushSubscriptionColumns);
  if (!row) throw new Error('upsert push_subscriptions returned nothing');
  return row;
}

export async function deletePushSubscription(db: Executor, p: { userId?: string; id: string }): Promise<boolean> {
  const rows = await db
    .delete(pushSubscriptions)
    .where(p.userId ? and(eq(pushSubscriptions.id, p.id), eq(pushSubscriptions.userId, p.userId)) : eq(pushSubscriptions.id, p.id))
    .returning({ id: pushSubscriptions.id });
  return rows.length > 0;
}

export async function channelsUsed(db: Executor, notificationId: string): Promise<string[]> {
  const rows = await db.select({ channel: deliveries.channel }).from(deliveries).where(and(eq(deliveries.notificationId, notificationId), createdAtOf(deliveries.notificationCreatedAt, notificationId)));
  return rows.map((r) => r.channel);
}

/** Whether this notification already fell back once. */
export async function hasFallback(db: Executor, notificationId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(deliveries)
    .where(and(eq(deliveries.notificationId, notificationId), createdAtOf(deliveries.notificationCreatedAt, notificationId), sql`${deliveries.fallbackOf} IS NOT NULL`));
  return (row?.n ?? 0) > 0;
}

