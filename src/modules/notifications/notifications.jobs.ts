/**
 * The jobs of the notification centre: `notifications.deliver` sends one delivery. Producers write
 * it to the outbox in the transaction that planned the delivery (enqueueDelivery); the processor
 * hands it to the delivery service. A channel that can never deliver (PermanentDeliveryError) is a
 * failure BullMQ must not retry; the last attempt settles the delivery as FAILED.
 * `notifications.prune` (every six hours) keeps the month partitions of notifications and
 * deliveries created ahead and drops the months past NOTIFICATION_RETENTION_DAYS.
 */
import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import type { Executor } from '../../db/client.js';
import { defineJob, defineProcessor, defineSchedule, type ProcessorDefinition, type ScheduleDefinition } from '../../jobs/define.js';
import { writeOutbox } from '../../jobs/outbox.js';
import { retainMonths, type MonthlyRetention } from '../../db/partitions.js';
import { PermanentDeliveryError } from './channels/channel.js';

export const deliverNotification = defineJob({
  name: 'notifications.deliver',
  queue: 'notifications',
  schema: z.object({ deliveryId: z.uuid() }),
});

/** Periodic: the months ahead created, whole months past NOTIFICATION_RETENTION_DAYS dropped. */
export const pruneNotificationsJob = defineJob({
  name: 'notifications.prune',
  queue: 'maintenance',
  schema: z.object({}),
});

const PRUNE_EVERY_MS = 6 * 3_600_000;
const DAY_MS = 86_400_000;

/**
 * Both tables' months ahead created, whole months past `before` dropped and their default
 * partitions trimmed (migration 0030); deliveries first, so a month's deliveries never outlive its
 * notifications.
 */
async function pruneNotifications(db: Executor, before: Date, now: Date): Promise<MonthlyRetention> {
  const deliveries = await retainMonths(db, 'deliveries', 'notification_created_at', before, now);
  const notifications = await retainMonths(db, 'notifications', 'created_at', before, now);
  return {
    created: [...deliveries.created, ...notifications.created],
    dropped: [...deliveries.dropped, ...notifications.dropped],
    deleted: deliveries.deleted + notifications.deleted,
  };
}

/** The retention job's processor and schedule. */
export function notificationRetention(deps: { db: Executor; clock: { now(): Date }; retentionDays: number }): { processor: ProcessorDefinition; schedule: ScheduleDefinition } {
  return {
    processor: defineProcessor(pruneNotificationsJob, () => {
      const now = deps.clock.now();
      return pruneNotifications(deps.db, new Date(now.getTime() - deps.retentionDays * DAY_MS), now);
    }),
    schedule: defineSchedule(pruneNotificationsJob, { every: PRUNE_EVERY_MS }),
  };
}

/** The outbox row of a delivery; one held by quiet hours becomes a delayed job. */
export async function enqueueDelivery(tx: Executor, d: { id: string; scheduledFor: Date | null }, now: Date): Promise<void> {
  const delayMs = d.scheduledFor ? Math.max(0, d.scheduledFor.getTime() - now.getTime()) : 0;
  await writeOutbox(tx, deliverNotification, { deliveryId: d.id }, { jobId: `delivery-${d.id}`, delayMs });
}

/** What the processor needs of the delivery service (DeliveryService). */
export interface Deliverer {
  deliver(deliveryId: string, opts: { finalAttempt: boolean }): Promise<string>;
}

export function notificationProcessors(delivery: Deliverer): ProcessorDefinition[] {
  return [
    defineProcessor(deliverNotification, async ({ deliveryId }, job) => {
      const attempts = job.opts.attempts ?? 1;
      try {
        return await delivery.deliver(deliveryId, { finalAttempt: job.attemptsMade + 1 >= attempts });
      } catch (err) {
        if (err instanceof PermanentDeliveryError) throw new UnrecoverableError(err.message);
        throw err;
      }
    }),
  ];
}
