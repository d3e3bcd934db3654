/**
 * Webhook jobs: the fan-out of an event written to the outbox (src/jobs/integration-events.ts),
 * one attempt of one delivery (the next attempt is a new delayed job, so the delivery log shows
 * nextAttemptAt), and a sweep re-enqueuing deliveries whose job Redis lost.
 */
import { z } from 'zod';
import { defineJob, defineProcessor, defineSchedule, type ProcessorDefinition, type ScheduleDefinition } from '../../jobs/define.js';
import { fanOutIntegrationEvent } from '../../jobs/integration-events.js';
import type { WebhookDeliveryService } from './webhook-delivery.service.js';

export const deliverWebhook = defineJob({
  name: 'webhooks.deliver',
  queue: 'webhooks',
  schema: z.object({ deliveryId: z.uuid(), attempt: z.number().int().min(0) }),
  // Retries here are for our own failures (database away); the target's failures are scheduled by the service.
  options: { attempts: 5, backoff: { type: 'exponential', delay: 1000 } },
});

export const sweepWebhooks = defineJob({ name: 'webhooks.sweep', queue: 'webhooks', schema: z.object({}) });

export const webhookJobs = [fanOutIntegrationEvent, deliverWebhook, sweepWebhooks];

export function webhookProcessors(delivery: WebhookDeliveryService): ProcessorDefinition[] {
  return [
    defineProcessor(fanOutIntegrationEvent, (event) => delivery.fanOut(event)),
    defineProcessor(deliverWebhook, ({ deliveryId, attempt }) => delivery.attempt(deliveryId, attempt)),
    defineProcessor(sweepWebhooks, () => delivery.sweep()),
  ];
}

export const webhookSchedules = (): ScheduleDefinition[] => [defineSchedule(sweepWebhooks, { every: 60_000 })];
