/**
 * One trace from a booking mutation to its SMS: the HTTP request's span, the GraphQL operation,
 * its PostgreSQL statements, then (through the outbox row and the BullMQ job) the worker's job and
 * the SMS sent, all under the trace id the client sent in `traceparent`. In-memory exporter. The
 * sampling ratio is 0, so only the client's sampled flag records the trace (parent-based), and an
 * unsampled request records nothing at all.
 */
import { randomBytes } from 'node:crypto';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { initTracing } from '../../../src/observability/tracing.js';
import { createAccount } from '../../helpers/accounts.js';
import { startTestApp, type TestApp } from '../../helpers/app.js';
import { confirmedBooking } from '../../helpers/booking-flow.js';

const exporter = new InMemorySpanExporter();
let t: TestApp;

beforeAll(async () => {
  initTracing({ OTEL_EXPORTER_OTLP_ENDPOINT: undefined, OTEL_SERVICE_NAME: 'mfc-test', OTEL_TRACES_SAMPLER_ARG: 0, ROLE: 'all' }, exporter);
  t = await startTestApp({ OTEL_RESOLVER_SPAN_MS: '0' }); // every resolver of a sampled operation gets a span
});
afterAll(async () => {
  await t.stop();
});

it('follows a booking confirmation from the request through the outbox into the SMS delivery', async () => {
  const admin = await createAccount(t, 'ADMIN');
  const traceId = randomBytes(16).toString('hex');
  const flow = await confirmedBooking(t, admin.client, { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` });
  const deadline = Date.now() + 5000;
  const inTrace = () => exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
  // Wait until the SMS was sent and the job that sent it has finished (its span ends after the send).
  const sendingJob = () => {
    const all = inTrace();
    const sms = all.find((s) => s.name === 'notification.send SMS');
    const parentOf = new Map(all.map((s) => [s.spanContext().spanId, s.parentSpanContext?.spanId]));
    const chain: string[] = [];
    for (let id = sms?.parentSpanContext?.spanId; id; id = parentOf.get(id)) chain.push(id);
    return all.find((s) => s.name.startsWith('job notifications') && chain.includes(s.spanContext().spanId));
  };
  while (!sendingJob() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const spans = inTrace();
  const names = spans.map((s) => s.name);
  const http = spans.find((s) => s.name === 'POST /graphql');
  expect(http?.attributes['mfc.request_id']).toBe(flow.requestId);
  expect(names).toContain('graphql mutation ConfirmBooking');
  // Resolver spans: fields with resolvers of their own, under the operation; plain data fields get none.
  const operation = spans.find((s) => s.name === 'graphql mutation ConfirmBooking');
  const resolverSpan = spans.find((s) => s.name === 'resolve Mutation.confirmBooking');
  expect(resolverSpan?.parentSpanContext?.spanId).toBe(operation?.spanContext().spanId);
  expect(names.filter((n) => n === 'resolve Booking.id')).toEqual([]);
  expect(names.some((n) => n.startsWith('pg '))).toBe(true);
  const send = spans.find((s) => s.name === 'notification.send SMS');
  expect(send, names.join(', ')).toBeDefined();
  // The SMS is sent inside a notifications job's span (directly or under one of its statements);
  // the booking may have queued more than one notification job, so find the one that sent it.
  const parentOf = new Map(spans.map((s) => [s.spanContext().spanId, s.parentSpanContext?.spanId]));
  const ancestors: string[] = [];
  for (let id = send?.parentSpanContext?.spanId; id; id = parentOf.get(id)) ancestors.push(id);
  const job = spans.find((s) => s.name.startsWith('job notifications') && ancestors.includes(s.spanContext().spanId));
  expect(job, names.join(', ')).toBeDefined();
  expect(job?.attributes['mfc.request_id']).toBe(flow.requestId);
  // The job's span continues the request's: its parent chain reaches the HTTP server span.
  const jobAncestors: string[] = [];
  for (let id = job?.parentSpanContext?.spanId; id; id = parentOf.get(id)) jobAncestors.push(id);
  expect(jobAncestors).toContain(http?.spanContext().spanId);
  // Nothing personal on any span: statements have placeholders, Redis spans only command names.
  expect(JSON.stringify(spans.map((s) => s.attributes))).not.toContain(flow.citizen.phone);
});

it('records nothing for a request the sampler leaves out (ratio 0, no sampled traceparent), nor for the jobs it causes', async () => {
  const admin = await createAccount(t, 'ADMIN');
  const unsampled = randomBytes(16).toString('hex');
  const earlier = new Set(exporter.getFinishedSpans().map((s) => s.spanContext().traceId));
  const flow = await confirmedBooking(t, admin.client, { traceparent: `00-${unsampled}-${randomBytes(8).toString('hex')}-00` });
  await confirmedBooking(t, admin.client, {});
  await new Promise((r) => setTimeout(r, 1500)); // time for the notification jobs to run
  // Late spans of the first test's trace (its other notification jobs) are not this request's.
  const recorded = exporter.getFinishedSpans().filter((s) => !earlier.has(s.spanContext().traceId));
  expect(recorded.filter((s) => s.spanContext().traceId === unsampled)).toEqual([]);
  expect(recorded.filter((s) => s.attributes['mfc.request_id'] === flow.requestId)).toEqual([]);
  expect(recorded.map((s) => s.name)).toEqual([]);
});
