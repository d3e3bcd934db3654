/**
 * The notification centre's door for every other module. `notify` writes a notification with one
 * delivery per channel and the outbox rows that carry them to the workers, all inside the caller's
 * transaction: the change and its notification commit together or not at all. For an account the
 * channels come from the user's preferences for the template's category; quiet hours delay SMS
 * and push that are not urgent (the outbox job is delayed until they end). Sending happens in
 * workers (DeliveryService); the owner's side is in feed, preferences and push-subscriptions.
 */
import type { Executor } from '../../db/client.js';
import type { AccountFeed } from '../../shared/account-feed.js';
import type { Clock } from '../../shared/clock.js';
import { enqueueDelivery } from './notifications.jobs.js';
import * as repo from './notifications.repository.js';
import { channelsFor, contentFor, fallbackContentFor, planDelivery, type Channel, type PlannedDelivery } from './notifications.rules.js';
import type { NotificationPreferencesService } from './preferences.service.js';
import type { NotificationRecipients } from './recipients.port.js';
import { renderTemplate, type Rendered, type TemplateName, type TemplateVars } from './templates.js';

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

export class NotificationsService {
  constructor(private readonly deps: { clock: Clock; recipients: NotificationRecipients; preferences: NotificationPreferencesService; feed: AccountFeed }) {}

  async notify(tx: Executor, input: NotifyInput): Promise<{ notificationId: string; deliveryIds: string[] }> {
    const now = this.deps.clock.now();
    const r = renderTemplate(input.template, input.vars as never);
    const explicit = input.userId === null || (r.secret && input.to !== undefined);
    const { planned, inFeed } = explicit ? { planned: toContact(r, input), inFeed: false } : await this.toAccount(tx, input.userId ?? '', r, now);
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
      fallbackContent: fallbackContentFor(r),
      createdAt: now,
    });
    const rows = await repo.insertDeliveries(
      tx,
      notification,
      planned.map((d) => ({ channel: d.channel, destination: d.destination, content: d.content, scheduledFor: d.scheduledFor, createdAt: now, updatedAt: now })),
    );
    for (const d of rows) await enqueueDelivery(tx, d, now);
    // The in-app feed's notifications reach the account feed (accountUpdates) with the change that caused them.
    if (inFeed && input.userId) await this.deps.feed.append(tx, input.userId, 'NOTIFICATION', notification.id);
    return { notificationId: notification.id, deliveryIds: rows.map((d) => d.id) };
  }

  /** The deliveries to an account: the channels its owner chose for the category, as far as they can reach the owner. */
  private async toAccount(tx: Executor, userId: string, r: Rendered, now: Date): Promise<{ planned: PlannedDelivery[]; inFeed: boolean }> {
    const user = await this.deps.recipients.userById(userId, tx);
    if (!user) throw new Error(`notify: no user ${userId}`);
    const prefs = await this.deps.preferences.preferencesOf(tx, userId);
    const pushCount = (await repo.pushSubscriptionsOf(tx, userId)).length;
    let chosen = channelsFor(prefs, r.category);
    if (r.secret) chosen = chosen.filter((c) => c === 'SMS' || c === 'EMAIL');
    const inFeed = chosen.includes('IN_APP') && !r.secret;
    const plan = (c: Channel, pushes: number) => planDelivery(c, { urgent: r.urgent, content: contentFor(r, c) }, user, pushes, prefs, now);
    const planned = chosen.flatMap((c) => plan(c, pushCount));
    // Security messages always leave the app by some way the user can be reached.
    if (r.category === 'SECURITY' && !planned.some((d) => d.channel === 'SMS' || d.channel === 'EMAIL')) {
      planned.push(...(['SMS', 'EMAIL'] as const).flatMap((c) => plan(c, 0)));
    }
    return { planned, inFeed };
  }
}

/** The deliveries to a contact given by the caller: exactly the channels asked for that have a destination. */
function toContact(r: Rendered, input: NotifyInput): PlannedDelivery[] {
  return [...new Set(input.channels ?? [])].flatMap((channel) => {
    const destination = channel === 'SMS' ? input.to?.phone : input.to?.email;
    return destination ? [{ channel, destination, content: contentFor(r, channel), scheduledFor: null }] : [];
  });
}
