/**
 * Sends one delivery and records what happened: status, attempts, last error in words a citizen
 * understands. Idempotent: a settled delivery is never sent again, whatever re-runs the job.
 * In-app deliveries are the feed itself: settling one publishes `notificationAdded`, after the
 * commit that wrote it (it travels through the outbox like every channel). A message that
 * matters (bookings, application status) whose channel fails for good falls back once to the
 * next channel in the order push -> SMS -> e-mail.
 */
import { countDelivery } from '../../shared/metrics.js';
import { withSpan } from '../../shared/tracing.js';
import type { Config } from '../../config/env.js';
import type { Database } from '../../db/client.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import type { AppPubSub } from '../../shared/pubsub.js';
import { PermanentDeliveryError, type Channel } from './channels/channel.js';
import { EmailChannel } from './channels/email.js';
import { PushChannel } from './channels/push.js';
import { SmsChannel } from './channels/sms.js';
import { notificationTopic } from './notifications.events.js';
import { enqueueDelivery } from './notifications.jobs.js';
import * as repo from './notifications.repository.js';
import { channelsFor, FALLBACK_CATEGORIES, fallbackChannels, planDelivery } from './notifications.rules.js';
import type { NotificationPreferencesService } from './preferences.service.js';
import type { NotificationRecipients } from './recipients.port.js';
import type { VapidKeys } from './vapid.js';

export type DeliveryOutcome = 'SENT' | 'DELIVERED' | 'SKIPPED' | 'ALREADY_SETTLED';

export class DeliveryService {
  private readonly channels: Record<'SMS' | 'EMAIL', Channel>;
  private readonly push: PushChannel;

  constructor(
    private readonly deps: {
      config: Config;
      log: Logger;
      clock: Clock;
      db: Database;
      pubsub: AppPubSub;
      vapid: VapidKeys;
      recipients: NotificationRecipients;
      preferences: NotificationPreferencesService;
    },
  ) {
    this.channels = { SMS: new SmsChannel(deps), EMAIL: new EmailChannel(deps) };
    this.push = new PushChannel(deps);
  }

  /**
   * Sends the delivery. Throws on failure so the queue retries it; `finalAttempt` marks it FAILED
   * instead of leaving it queued. A PermanentDeliveryError marks it FAILED at once.
   */
  async deliver(deliveryId: string, opts: { finalAttempt: boolean }): Promise<DeliveryOutcome> {
    const { db, clock, log } = this.deps;
    const claimed = await repo.startAttempt(db, deliveryId, clock.now());
    if (!claimed) return 'ALREADY_SETTLED';
    if (claimed.channel === 'IN_APP') {
      await repo.markSent(db, claimed.id, { now: clock.now(), providerRef: null, delivered: true });
      countDelivery('IN_APP', 'DELIVERED');
      const n = await repo.findNotification(db, claimed.notificationId);
      if (n?.userId) this.deps.pubsub.publish(notificationTopic, { userId: n.userId, notificationId: n.id });
      return 'DELIVERED';
    }
    try {
      let providerRef: string | null = null;
      const channel = claimed.channel;
      await withSpan(`notification.send ${channel}`, { 'mfc.delivery.id': claimed.id, 'mfc.delivery.channel': claimed.channel, 'mfc.delivery.attempt': claimed.attempts }, async () => {
        if (channel === 'PUSH') await this.sendPush(claimed);
        else providerRef = (await this.channels[channel].send({ id: claimed.id, destination: claimed.destination ?? '', content: claimed.content })).providerRef ?? null;
      });
      await repo.markSent(db, claimed.id, { now: clock.now(), providerRef });
      countDelivery(claimed.channel, 'SENT');
      return 'SENT';
    } catch (err) {
      const permanent = err instanceof PermanentDeliveryError;
      const message = err instanceof Error ? err.message : String(err);
      const settled = await repo.recordFailure(db, claimed.id, { now: clock.now(), error: message, final: permanent || opts.finalAttempt });
      countDelivery(claimed.channel, settled ? 'FAILED' : 'RETRY');
      log.warn({ delivery: claimed.id, channel: claimed.channel, attempt: claimed.attempts, permanent, error: message }, 'delivery failed');
      if (settled) await this.fallBack(claimed).catch((e: unknown) => log.error({ err: e, delivery: claimed.id }, 'fallback failed'));
      throw err;
    }
  }

  /** A receipt from the SMS gateway: SENT -> DELIVERED or FAILED (a failure may fall back). */
  async receipt(p: { reference: string; status: 'DELIVERED' | 'FAILED'; error?: string | null }): Promise<boolean> {
    const row = await repo.settleByReceipt(this.deps.db, { reference: p.reference, status: p.status, error: p.error ? `Оператор связи не доставил SMS: ${p.error.slice(0, 200)}` : null, now: this.deps.clock.now() });
    if (!row) return false;
    countDelivery('SMS', p.status);
    if (p.status === 'FAILED') await this.fallBack(row);
    return true;
  }

  private async sendPush(d: repo.DeliveryRow): Promise<void> {
    const { db } = this.deps;
    const n = await repo.findNotification(db, d.notificationId);
    if (!n?.userId) throw new PermanentDeliveryError('Нет получателя push-уведомления');
    const targets = await repo.pushSubscriptionsOf(db, n.userId);
    if (targets.length === 0) throw new PermanentDeliveryError('Нет устройств, подписанных на уведомления');
    const removeGone = async (gone: string[]) => {
      for (const id of gone) await repo.deletePushSubscription(db, { id });
    };
    try {
      const r = await this.push.send(targets, { deliveryId: d.id, title: d.content.subject ?? n.title, body: d.content.text, notificationId: n.id, urgent: n.urgent });
      await removeGone(r.gone);
    } catch (err) {
      await removeGone((err as { gone?: string[] }).gone ?? []);
      throw err;
    }
  }

  /**
   * Once per notification, for messages that matter: the next channel after the failed one in
   * push -> SMS -> e-mail that the notification has not used and the user can be reached on;
   * channels the user chose for the category come first. Written with its outbox row in one
   * transaction, so it is sent exactly like a first delivery.
   */
  private async fallBack(failed: repo.DeliveryRow): Promise<void> {
    const { db, clock, recipients, preferences } = this.deps;
    await db.transaction(async (tx) => {
      const n = await repo.lockNotification(tx, failed.notificationId);
      if (!n?.userId || !n.fallbackContent || !FALLBACK_CATEGORIES.has(n.category)) return;
      if (await repo.hasFallback(tx, n.id)) return;
      const user = await recipients.userById(n.userId, tx);
      if (!user) return;
      const used = new Set(await repo.channelsUsed(tx, n.id));
      const prefs = await preferences.preferencesOf(tx, user.id);
      const ordered = fallbackChannels(failed.channel, used, new Set(channelsFor(prefs, n.category)));
      const pushCount = (await repo.pushSubscriptionsOf(tx, user.id)).length;
      const now = clock.now();
      for (const channel of ordered) {
        const content = n.fallbackContent[channel as 'SMS' | 'EMAIL' | 'PUSH'];
        if (!content) continue;
        const [plan] = planDelivery(channel, { urgent: n.urgent, content }, user, pushCount, prefs, now);
        if (!plan) continue;
        const [row] = await repo.insertDeliveries(tx, n, [{ channel, destination: plan.destination, content, scheduledFor: plan.scheduledFor, fallbackOf: failed.id, createdAt: now, updatedAt: now }]);
        if (row) await enqueueDelivery(tx, row, now);
        return;
      }
    });
  }

  async close(): Promise<void> {
    await Promise.allSettled(Object.values(this.channels).map(async (c) => c.close?.()));
  }
}
