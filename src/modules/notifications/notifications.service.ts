/**
 * The notification centre. `notify` writes a notification with one delivery per channel and the
 * outbox rows that carry them to the workers, all inside the caller's transaction: the change and
 * its notification commit together or not at all. For an account the channels come from the
 * user's preferences for the template's category; quiet hours delay SMS and push that are not
 * urgent (the outbox job is delayed until they end). Sending happens in workers (DeliveryService).
 * The rest is the owner's side: the feed, preferences, push subscriptions.
 */
import webPush from 'web-push';
import type { Config } from '../../config/env.js';
import type { Database, Executor } from '../../db/client.js';
import { writeOutbox } from '../../jobs/outbox.js';
import { deliverNotification } from '../../jobs/registry.js';
import { hasRole, type Viewer } from '../../shared/auth/viewer.js';
import type { Clock } from '../../shared/clock.js';
import { badField, badInput, forbidden, notFound } from '../../shared/errors.js';
import { isUuid } from '../../shared/ids.js';
import type { Logger } from '../../shared/logger.js';
import { decodeCursor, encodeCursor, type PageInfo } from '../../shared/pagination.js';
import { loadOrCreateSecret } from '../system/index.js';
import { findUserById, type UserRow } from '../accounts/accounts.repository.js';
import * as repo from './notifications.repository.js';
import { applyChange, channelsFor, defaultPreferences, FALLBACK_CATEGORIES, quietHoursEnd, type Channel, type PreferencesChange, type StoredPreferences } from './preferences.js';
import { renderTemplate, type NotificationCategory, type Rendered, type TemplateName, type TemplateVars } from './templates.js';

export type DeliveryChannel = 'SMS' | 'EMAIL';

/**
 * What a call site passes. For an account (`userId`), give only the template, its variables and
 * the subject: the channels come from the user's preferences. `to` and `channels` are for
 * messages to a contact rather than to an account's chosen channels, and are used only when
 * `userId` is null (registration) or the template carries a secret (a code goes exactly where
 * it was asked for, e.g. a new phone number being confirmed).
 */
export type NotifyInput = {
  [N in TemplateName]: {
    userId: string | null;
    template: N;
    vars: TemplateVars<N>;
    subjectType?: string;
    subjectId?: string;
    to?: { phone?: string | null; email?: string | null };
    channels?: DeliveryChannel[];
  };
}[TemplateName];


export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/** VAPID keys from the environment, or generated once and kept in the database so every instance signs alike. */
export async function loadVapidKeys(db: Database, config: Config): Promise<VapidKeys> {
  if (config.VAPID_PUBLIC_KEY && config.VAPID_PRIVATE_KEY) return { publicKey: config.VAPID_PUBLIC_KEY, privateKey: config.VAPID_PRIVATE_KEY };
  const raw = await loadOrCreateSecret(db, 'vapid_keys', undefined, () => JSON.stringify(webPush.generateVAPIDKeys()));
  const keys = JSON.parse(raw) as VapidKeys;
  return { publicKey: keys.publicKey, privateKey: keys.privateKey };
}

export interface PlannedDelivery {
  channel: Channel;
  destination: string | null;
  content: { subject?: string; text: string };
  scheduledFor: Date | null;
}

export interface NotificationPage {
  nodes: repo.NotificationRow[];
  pageInfo: PageInfo;
  totalCount: number;
}

export interface PushSubscriptionInput {
  endpoint: string;
  p256dh: string;
  auth: string;
}

const b64urlBytes = (s: string): number => (/^[A-Za-z0-9_-]+=*$/.test(s) ? Buffer.from(s, 'base64url').length : -1);

export class NotificationsService {
  constructor(private readonly deps: { config: Config; log: Logger; clock: Clock; db: Database; vapid: VapidKeys }) {}

  async notify(tx: Executor, input: NotifyInput): Promise<{ notificationId: string; deliveryIds: string[] }> {
    const now = this.deps.clock.now();
    const r = renderTemplate(input.template, input.vars as never);
    const explicit = input.userId === null || (r.secret && input.to !== undefined);
    let planned: PlannedDelivery[];
    let inFeed = false;
    if (explicit) {
      planned = [...new Set(input.channels ?? [])].flatMap((channel) => {
        const destination = channel === 'SMS' ? input.to?.phone : input.to?.email;
        return destination ? [{ channel, destination, content: contentFor(r, channel), scheduledFor: null }] : [];
      });
    } else {
      const userId = input.userId ?? '';
      const user = await findUserById(tx, userId);
      if (!user) throw new Error(`notify: no user ${userId}`);
      const prefs = await this.preferencesOf(tx, userId);
      const pushCount = (await repo.pushSubscriptionsOf(tx, userId)).length;
      let chosen = channelsFor(prefs, r.category);
      if (r.secret) chosen = chosen.filter((c) => c === 'SMS' || c === 'EMAIL');
      inFeed = chosen.includes('IN_APP') && !r.secret;
      planned = chosen.flatMap((c) => this.plan(c, { urgent: r.urgent, content: contentFor(r, c) }, user, pushCount, prefs, now));
      // Security messages always leave the app by some way the user can be reached.
      if (r.category === 'SECURITY' && !planned.some((d) => d.channel === 'SMS' || d.channel === 'EMAIL')) {
        planned.push(...(['SMS', 'EMAIL'] as const).flatMap((c) => this.plan(c, { urgent: r.urgent, content: contentFor(r, c) }, user, 0, prefs, now)));
      }
    }
    const notification = await repo.insertNotification(tx, {
      userId: input.userId,
      category: r.category,
      template: input.template,
      title: r.title,
      body: r.secret ? r.title : r.body,
      subjectType: input.subjectType ?? null,
      subjectId: input.subjectId ?? null,
      urgent: r.urgent,
      secret: r.secret,
      inFeed,
      fallbackContent: FALLBACK_CATEGORIES.has(r.category) && !r.secret ? { SMS: contentFor(r, 'SMS'), EMAIL: contentFor(r, 'EMAIL'), PUSH: contentFor(r, 'PUSH') } : null,
      createdAt: now,
    });
    const rows = await repo.insertDeliveries(
      tx,
      planned.map((d) => ({ notificationId: notification.id, channel: d.channel, destination: d.destination, content: d.content, scheduledFor: d.scheduledFor, createdAt: now, updatedAt: now })),
    );
    for (const d of rows) await enqueueDelivery(tx, d, now);
    return { notificationId: notification.id, deliveryIds: rows.map((d) => d.id) };
  }

  /** One channel for one user, if the user can be reached that way; SMS and push wait out quiet hours unless urgent. */
  plan(channel: Channel, message: { urgent: boolean; content: { subject?: string; text: string } }, user: UserRow, pushCount: number, prefs: StoredPreferences, now: Date): PlannedDelivery[] {
    const destination = channel === 'SMS' ? user.phone : channel === 'EMAIL' ? (user.emailVerified ? user.email : null) : null;
    if ((channel === 'SMS' || channel === 'EMAIL') && !destination) return [];
    if (channel === 'PUSH' && pushCount === 0) return [];
    const held = !message.urgent && (channel === 'SMS' || channel === 'PUSH') ? quietHoursEnd(now, prefs) : null;
    return [{ channel, destination, content: message.content, scheduledFor: held }];
  }

  async preferencesOf(db: Executor, userId: string): Promise<StoredPreferences> {
    const row = await repo.findPreferences(db, userId);
    return row ? { categories: row.categories, quietHoursStart: row.quietHoursStart, quietHoursEnd: row.quietHoursEnd, timezone: row.timezone } : defaultPreferences();
  }

  /** The preferences of `userId` as its owner (or an admin) sees them. */
  async preferences(viewer: Viewer, userId: string): Promise<StoredPreferences> {
    if (viewer.userId !== userId && !hasRole(viewer, 'ADMIN')) throw forbidden('Настройки уведомлений видит только их владелец');
    return this.preferencesOf(this.deps.db, userId);
  }

  async updatePreferences(viewer: Viewer, change: PreferencesChange): Promise<StoredPreferences> {
    const current = await this.preferencesOf(this.deps.db, viewer.userId);
    const result = applyChange(current, change);
    if (!result.ok) throw badInput(result.problems);
    const v = result.value;
    await repo.upsertPreferences(this.deps.db, { userId: viewer.userId, categories: v.categories, quietHoursStart: v.quietHoursStart, quietHoursEnd: v.quietHoursEnd, timezone: v.timezone, updatedAt: this.deps.clock.now() });
    return v;
  }

  async feed(viewer: Viewer, filter: { unreadOnly?: boolean | null; category?: NotificationCategory | null } | null, first: number | null, after: string | null): Promise<NotificationPage> {
    const limit = Math.min(Math.max(first ?? 20, 1), 100);
    const cursor = after ? decodeCursor(after) : null;
    const f = { userId: viewer.userId, unreadOnly: filter?.unreadOnly, category: filter?.category };
    const [rows, totalCount] = await Promise.all([repo.feedPage(this.deps.db, { ...f, after: cursor, limit: limit + 1 }), repo.feedCount(this.deps.db, f)]);
    const nodes = rows.slice(0, limit);
    const last = nodes.at(-1);
    return { nodes, totalCount, pageInfo: { hasNextPage: rows.length > limit, endCursor: last ? encodeCursor({ at: last.createdAt, id: last.id }) : null } };
  }

  /** A notification of the viewer's feed, or null. */
  async notification(viewer: Viewer, id: string): Promise<repo.NotificationRow | null> {
    const row = isUuid(id) ? await repo.findNotification(this.deps.db, id) : undefined;
    if (!row || row.userId !== viewer.userId || !row.inFeed || row.deletedAt) return null;
    return row;
  }

  unreadCount(viewer: Viewer): Promise<number> {
    return repo.feedCount(this.deps.db, { userId: viewer.userId, unreadOnly: true });
  }

  async markRead(viewer: Viewer, ids: string[]): Promise<number> {
    if (ids.length > 500) throw badField('ids', 'Не больше 500 уведомлений за раз');
    return repo.markRead(this.deps.db, viewer.userId, ids.filter(isUuid), this.deps.clock.now());
  }

  markAllRead(viewer: Viewer): Promise<number> {
    return repo.markRead(this.deps.db, viewer.userId, null, this.deps.clock.now());
  }

  async remove(viewer: Viewer, id: string): Promise<boolean> {
    if (!isUuid(id) || !(await repo.softDelete(this.deps.db, viewer.userId, id, this.deps.clock.now()))) throw notFound('Уведомление');
    return true;
  }

  pushPublicKey(): string {
    return this.deps.vapid.publicKey;
  }

  async registerPush(viewer: Viewer, input: PushSubscriptionInput, userAgent: string | null): Promise<repo.PushSubscriptionRow> {
    const problems = [];
    let url: URL | null = null;
    try {
      url = new URL(input.endpoint);
    } catch {
      url = null;
    }
    const httpAllowed = !this.deps.config.isProduction;
    if (!url || input.endpoint.length > 2000 || !(url.protocol === 'https:' || (httpAllowed && url.protocol === 'http:'))) {
      problems.push({ field: 'input.endpoint', message: 'Адрес push-сервиса должен быть https-ссылкой' });
    }
    if (b64urlBytes(input.p256dh) !== 65) problems.push({ field: 'input.p256dh', message: 'Ключ p256dh: 65 байт в base64url' });
    if (b64urlBytes(input.auth) !== 16) problems.push({ field: 'input.auth', message: 'Секрет auth: 16 байт в base64url' });
    if (problems.length > 0) throw badInput(problems);
    return repo.upsertPushSubscription(this.deps.db, { userId: viewer.userId, endpoint: input.endpoint, p256dh: input.p256dh, auth: input.auth, userAgent: userAgent?.slice(0, 300) ?? null, createdAt: this.deps.clock.now() });
  }

  async removePush(viewer: Viewer, id: string): Promise<boolean> {
    if (!isUuid(id) || !(await repo.deletePushSubscription(this.deps.db, { userId: viewer.userId, id }))) throw notFound('Подписка на push-уведомления');
    return true;
  }

  myPushSubscriptions(viewer: Viewer): Promise<repo.PushSubscriptionRow[]> {
    return repo.pushSubscriptionsOf(this.deps.db, viewer.userId);
  }
}

export function contentFor(r: Rendered, channel: Channel): { subject?: string; text: string } {
  switch (channel) {
    case 'SMS':
      return { text: r.sms };
    case 'EMAIL':
      return r.email;
    case 'PUSH':
      return { subject: r.push.title, text: r.push.body };
    case 'IN_APP':
      return { subject: r.title, text: r.body };
  }
}

/** The outbox row of a delivery; one held by quiet hours becomes a delayed job. */
export async function enqueueDelivery(tx: Executor, d: { id: string; scheduledFor: Date | null }, now: Date): Promise<void> {
  const delayMs = d.scheduledFor ? Math.max(0, d.scheduledFor.getTime() - now.getTime()) : 0;
  await writeOutbox(tx, deliverNotification, { deliveryId: d.id }, { jobId: `delivery-${d.id}`, delayMs });
}
