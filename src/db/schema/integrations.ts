/**
 * Integrators: machine clients (API keys, stored as keyed hashes), webhook endpoints, the events
 * they are sent (one row per event, written by the fan-out job from the outbox) and one delivery
 * row per endpoint and event, which is the delivery log (status, attempts, last answer).
 */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { ts } from './columns.js';

export const apiClients = pgTable(
  'api_clients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    scopes: text('scopes').array().notNull(),
    /** Branches it may see; empty: all. */
    branchIds: uuid('branch_ids').array().notNull().default(sql`'{}'::uuid[]`),
    keyPrefix: text('key_prefix').notNull(),
    /** HMAC-SHA256 of the secret with API_KEY_HASH_KEY (hex); the secret itself is never stored. */
    keyHash: text('key_hash').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [uniqueIndex('api_clients_key_hash_uq').on(t.keyHash)],
);

export const webhookEndpoints = pgTable('webhook_endpoints', {
  id: uuid('id').primaryKey().defaultRandom(),
  url: text('url').notNull(),
  /** The whsec_ signing secret, sealed with the data key (it must be read back to sign). */
  secret: text('secret').notNull(),
  events: text('events').array().notNull(),
  branchIds: uuid('branch_ids').array().notNull().default(sql`'{}'::uuid[]`),
  active: boolean('active').notNull().default(true),
  /** The API client that manages it (its scopes bound the events); null: made by an admin. */
  clientId: uuid('client_id').references(() => apiClients.id, { onDelete: 'cascade' }),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: ts('created_at').notNull().defaultNow(),
  /** Start of the current run of failed attempts; null while deliveries succeed. */
  failingSince: ts('failing_since'),
  disabledAt: ts('disabled_at'),
  deletedAt: ts('deleted_at'),
});

export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: uuid('id').primaryKey(),
    type: text('type').notNull(),
    branchId: uuid('branch_id'),
    occurredAt: ts('occurred_at').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('webhook_events_occurred_idx').on(t.occurredAt)],
);

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id')
      .notNull()
      .references(() => webhookEvents.id, { onDelete: 'cascade' }),
    status: text('status').notNull().default('PENDING'),
    attempts: integer('attempts').notNull().default(0),
    responseStatus: integer('response_status'),
    lastError: text('last_error'),
    createdAt: ts('created_at').notNull().defaultNow(),
    /** When the current round of attempts began (creation, or the last replay): retries stop 24 h after it. */
    roundStartedAt: ts('round_started_at').notNull().defaultNow(),
    deliveredAt: ts('delivered_at'),
    nextAttemptAt: ts('next_attempt_at'),
  },
  (t) => [uniqueIndex('webhook_deliveries_endpoint_event_uq').on(t.endpointId, t.eventId), index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.createdAt)],
);
