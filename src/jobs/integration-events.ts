/**
 * The outbound events integrators receive by webhook, as a job contract any module can write to
 * the outbox in the transaction of its change (`recordIntegrationEvent(tx, ...)`), so an event is
 * sent if and only if the change committed. The integrations module's processor fans it out to
 * the endpoints subscribed to it. `data` must hold only what an API client with the event's scope
 * may read (no personal data of citizens).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Executor } from '../db/client.js';
import { defineJob } from './define.js';
import { outbox } from '../db/schema/index.js';
import { outboxRow, type OutboxRow } from './outbox.js';

export const WEBHOOK_EVENT_TYPES = [
  'BOOKING_CREATED',
  'BOOKING_CONFIRMED',
  'BOOKING_RESCHEDULED',
  'BOOKING_CANCELLED',
  'BOOKING_EXPIRED',
  'TICKET_CALLED',
  'APPLICATION_STATUS_CHANGED',
  'PAYMENT_SUCCEEDED',
  'PAYMENT_REFUNDED',
  'LOAD_ALERT',
  'TEST',
] as const;
export type WebhookEventTypeName = (typeof WEBHOOK_EVENT_TYPES)[number];

export const integrationEventSchema = z.object({
  id: z.uuid(),
  type: z.enum(WEBHOOK_EVENT_TYPES),
  occurredAt: z.iso.datetime({ offset: true }),
  /** The branch the event concerns, for endpoints and clients restricted to branches. */
  branchId: z.uuid().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type IntegrationEvent = z.infer<typeof integrationEventSchema>;

export const fanOutIntegrationEvent = defineJob({ name: 'integrations.fanOut', queue: 'webhooks', schema: integrationEventSchema });

export interface IntegrationEventInput {
  type: Exclude<WebhookEventTypeName, 'TEST'>;
  occurredAt: Date;
  branchId: string | null;
  data: Record<string, unknown>;
}

/** Writes an event to the outbox inside the caller's transaction. */
export async function recordIntegrationEvent(tx: Executor, event: IntegrationEventInput): Promise<string> {
  const row = integrationEventRow(event);
  await tx.insert(outbox).values(row);
  return (row.payload as { id: string }).id;
}

/** The event as an outbox row (for a statement that writes its outbox rows itself). */
export function integrationEventRow(event: IntegrationEventInput): OutboxRow {
  const id = randomUUID();
  return outboxRow(fanOutIntegrationEvent, { id, type: event.type, occurredAt: event.occurredAt.toISOString(), branchId: event.branchId, data: event.data }, { jobId: `evt-${id}` });
}
