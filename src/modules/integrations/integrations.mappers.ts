/** Rows -> GraphQL objects of integrators (the key hash and the endpoint secret never leave the module). */
import type { ApiClientRow } from './api-clients.repository.js';
import type { ApiClient, WebhookDelivery, WebhookEndpoint } from './integrations.types.js';
import type { DeliveryRow, EndpointRow } from './webhooks.repository.js';
import { webhookPayload } from './webhooks.rules.js';

export const toApiClient = (r: ApiClientRow): ApiClient => ({
  id: r.id,
  name: r.name,
  scopes: r.scopes,
  keyPrefix: r.keyPrefix,
  branchIds: r.branchIds,
  createdAt: r.createdAt,
  lastUsedAt: r.lastUsedAt,
  revokedAt: r.revokedAt,
});

export const toEndpoint = (r: EndpointRow): WebhookEndpoint => ({
  id: r.id,
  url: r.url,
  events: r.events,
  branchIds: r.branchIds,
  active: r.active,
  createdAt: r.createdAt,
  disabledAt: r.disabledAt,
});

export const toDelivery = (r: DeliveryRow): WebhookDelivery => ({
  id: r.id,
  eventId: r.eventId,
  event: r.type,
  status: r.status,
  attempts: r.attempts,
  responseStatus: r.responseStatus,
  lastError: r.lastError,
  payload: webhookPayload({ id: r.eventId, type: r.type, occurredAt: r.payload.occurredAt, data: r.payload.data }),
  createdAt: r.createdAt,
  deliveredAt: r.deliveredAt,
  nextAttemptAt: r.nextAttemptAt,
});
