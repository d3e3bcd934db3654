/**
 * Webhook jobs: the fan-out of an event written to the outbox (src/jobs/integration-events.ts),
 * one attempt of one delivery (the next attempt is a new delayed job, so the delivery log shows
 * nextAttemptAt), and a sweep re-enqueuing deliveries whose job Redis lost.
 */
import { defineProcessor, defineSchedule, type ProcessorDefinition, type ScheduleDefinition } from '../../jobs/define.js';
import { deliverWebhook, sweepWebhooks } from './webhooks.contracts.js';
import { fanOutIntegrationEvent } from '../../jobs/integration-events.js';
import type { WebhookDeliveryService } from './webhook-delivery.service.js';

export const webhookJobs = [fanOutIntegrationEvent, deliverWebhook, sweepWebhooks];

export function webhookProcessors(delivery: WebhookDeliveryService): ProcessorDefinition[] {
  return [
    defineProcessor(fanOutIntegrationEvent, (event) => delivery.fanOut(event)),
    defineProcessor(deliverWebhook, ({ deliveryId, attempt }) => delivery.attempt(deliveryId, attempt)),
    defineProcessor(sweepWebhooks, () => delivery.sweep()),
  ];
}

export const webhookSchedules = (): ScheduleDefinition[] => [defineSchedule(sweepWebhooks, { every: 60_000 })];
