/**
 * Writes a notification with one delivery per channel and the outbox rows that carry them to the
 * workers, all inside the caller's transaction: the change and its notification commit together
 * or not at all. Sending happens in workers (DeliveryService).
 */
import type { Config } from '../../config/env.js';
import type { Executor } from '../../db/client.js';
import { writeOutbox } from '../../jobs/outbox.js';
import { deliverNotification } from '../../jobs/registry.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import * as repo from './notifications.repository.js';
import { renderTemplate, type TemplateName, type TemplateVars } from './templates.js';

export type DeliveryChannel = 'SMS' | 'EMAIL';

export type NotifyInput = {
  [N in TemplateName]: {
    userId: string | null;
    template: N;
    vars: TemplateVars<N>;
    to: { phone?: string | null; email?: string | null };
    channels: DeliveryChannel[];
    subjectType?: string;
    subjectId?: string;
  };
}[TemplateName];

/** Where a user's messages go: SMS to the phone, e-mail once the address is confirmed. */
export function userContacts(user: { phone: string | null; email: string | null; emailVerified: boolean }): {
  to: { phone: string | null; email: string | null };
  channels: DeliveryChannel[];
} {
  const email = user.email && user.emailVerified ? user.email : null;
  return { to: { phone: user.phone, email }, channels: [...(user.phone ? (['SMS'] as const) : []), ...(email ? (['EMAIL'] as const) : [])] };
}

export class NotificationsService {
  constructor(private readonly deps: { config: Config; log: Logger; clock: Clock }) {}

  async notify(tx: Executor, input: NotifyInput): Promise<{ notificationId: string; deliveryIds: string[] }> {
    const now = this.deps.clock.now();
    const r = renderTemplate(input.template, input.vars as never);
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
      createdAt: now,
    });
    const rows = await repo.insertDeliveries(
      tx,
      [...new Set(input.channels)].flatMap((channel) => {
        const destination = channel === 'SMS' ? input.to.phone : input.to.email;
        if (!destination) return [];
        return [{ notificationId: notification.id, channel, destination, content: channel === 'SMS' ? { text: r.sms } : r.email, createdAt: now, updatedAt: now }];
      }),
    );
    for (const d of rows) await writeOutbox(tx, deliverNotification, { deliveryId: d.id }, { jobId: `delivery-${d.id}` });
    return { notificationId: notification.id, deliveryIds: rows.map((d) => d.id) };
  }
}
