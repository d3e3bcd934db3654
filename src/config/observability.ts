/**
 * The operations variables (logs, metrics, traces, the jobs board), parsed with the rest of the
 * configuration in src/config/env.ts. Each has a row in the README's configuration table.
 */
import { z } from 'zod';
import { bool, int } from './parsers.js';

export const observabilityEnv = {
  /** Human-readable logs (pino-pretty, a development dependency); on in development unless set. */
  LOG_PRETTY: bool.optional(),
  /** Each log line written before the call returns (slow: a write per line on the event loop); off: written off the loop, batched. */
  LOG_SYNC: bool.default(false),
  /** Serve GET /metrics on this port of its own (for a Prometheus inside the cluster); 0: not on a port of its own. */
  METRICS_PORT: int(0, 0),
  /** Bearer token that opens GET /metrics on the API's port; without it (and without METRICS_PORT) /metrics is off. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** OTLP/HTTP endpoint of a trace collector (e.g. http://otel-collector:4318); tracing is off unless set. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(z.url().optional())
    .optional(),
  /** The service name on every span. */
  OTEL_SERVICE_NAME: z.string().min(1).default('mfc-account'),
  /**
   * Share of new traces recorded (0..1), parent-based: a request that arrives with a sampled
   * `traceparent` is always recorded, and a job continues its request's decision.
   */
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).default(0.01),
  /** A resolver gets a span of its own when it takes at least this long (ms). */
  OTEL_RESOLVER_SPAN_MS: int(10, 0),
  /** bull-board at /admin/queues (ADMIN tokens only). */
  JOBS_BOARD: bool.default(false),
};
