/**
 * Prometheus metrics (prom-client), one registry per process. Modules record through the small
 * functions below; they cost one branch when metrics are off (neither METRICS_PORT nor
 * METRICS_TOKEN set). Gauges read at scrape time (queues, outbox, pool) are wired in
 * src/observability/collectors.ts. Label values a client chooses (operation names) are bounded.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

export const registry = new Registry();
let enabled = false;

/** Turns recording on or off (off by default: nothing is recorded until the server enables it). */
export function setMetricsEnabled(on: boolean): void {
  enabled = on;
}

export function metricsEnabled(): boolean {
  return enabled;
}

const seconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const m = {
  httpDuration: new Histogram({ name: 'mfc_http_request_duration_seconds', help: 'HTTP requests by method, route and status', labelNames: ['method', 'route', 'status'] as const, buckets: seconds, registers: [registry] }),
  graphqlDuration: new Histogram({ name: 'mfc_graphql_operation_duration_seconds', help: 'GraphQL operations by name and type', labelNames: ['operation', 'type'] as const, buckets: seconds, registers: [registry] }),
  graphqlErrors: new Counter({ name: 'mfc_graphql_errors_total', help: 'GraphQL errors by operation and extensions.code', labelNames: ['operation', 'code'] as const, registers: [registry] }),
  wsConnections: new Gauge({ name: 'mfc_ws_connections', help: 'Open WebSocket connections on this instance', registers: [registry] }),
  wsSubscriptions: new Gauge({ name: 'mfc_ws_subscriptions', help: 'Active subscriptions on this instance by field', labelNames: ['field'] as const, registers: [registry] }),
  pubsubPublished: new Counter({ name: 'mfc_pubsub_published_total', help: 'Realtime events published by topic', labelNames: ['topic'] as const, registers: [registry] }),
  pubsubDelivered: new Counter({ name: 'mfc_pubsub_delivered_total', help: 'Realtime events received by a subscription on this instance, by topic', labelNames: ['topic'] as const, registers: [registry] }),
  jobDuration: new Histogram({ name: 'mfc_job_duration_seconds', help: 'Jobs run by this worker by name and outcome', labelNames: ['job', 'outcome'] as const, buckets: seconds, registers: [registry] }),
  jobFailures: new Counter({ name: 'mfc_job_failures_total', help: 'Job attempts that failed by name (final: retries exhausted or unrecoverable)', labelNames: ['job', 'final'] as const, registers: [registry] }),
  outboxRelayed: new Counter({ name: 'mfc_outbox_relayed_total', help: 'Outbox rows moved to the queues by this instance', registers: [registry] }),
  deliveries: new Counter({ name: 'mfc_notification_deliveries_total', help: 'Notification delivery outcomes by channel and status (SENT, DELIVERED, RETRY, FAILED)', labelNames: ['channel', 'status'] as const, registers: [registry] }),
  bookingConflicts: new Counter({ name: 'mfc_booking_conflicts_total', help: 'Bookings refused because the place was taken or the citizen already has a visit then', labelNames: ['reason'] as const, registers: [registry] }),
};

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MAX_OPERATION_NAMES = 300;
const operationNames = new Set<string>();

/** An operation name as a label: anonymous, odd or one too many (past 300 distinct) become "other". */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  if (operationNames.has(name)) return name;
  if (!NAME.test(name) || operationNames.size >= MAX_OPERATION_NAMES) return 'other';
  operationNames.add(name);
  return name;
}

export function countDelivery(channel: string, status: 'SENT' | 'DELIVERED' | 'RETRY' | 'FAILED'): void {
  if (enabled) m.deliveries.inc({ channel, status });
}

export function countBookingConflict(reason: 'SLOT_TAKEN' | 'OVERLAP'): void {
  if (enabled) m.bookingConflicts.inc({ reason });
}
