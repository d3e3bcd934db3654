/**
 * OpenTelemetry, off unless OTEL_EXPORTER_OTLP_ENDPOINT is set (or a test hands in an exporter).
 * Spans: HTTP requests (request-log.ts), GraphQL operations and slow resolvers (graphql-plugin.ts),
 * PostgreSQL statements (drizzle's prepared queries), Redis commands (ioredis), BullMQ (its own
 * telemetry through bullmq-otel). The trace of a request is written into each outbox row it
 * causes and continued by the worker's job (src/jobs/outbox.ts, workers/main.ts).
 * PostgreSQL and Redis spans are only made under an active recording span, so idle polling makes no
 * traces. OTEL_TRACES_SAMPLER_ARG is the share of new traces recorded (parent-based).
 */
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, ParentBasedSampler, SimpleSpanProcessor, TraceIdRatioBasedSampler, type SpanExporter } from '@opentelemetry/sdk-trace-node';
import { PostgresJsPreparedQuery } from 'drizzle-orm/postgres-js';
import { Redis } from 'ioredis';
import type { Config } from '../config/env.js';
import { setTracingEnabled, tracer, tracingEnabled } from '../shared/tracing.js';

let provider: NodeTracerProvider | null = null;

/** Installs the tracer provider once per process; returns whether tracing is on. */
export function initTracing(config: Pick<Config, 'OTEL_EXPORTER_OTLP_ENDPOINT' | 'OTEL_SERVICE_NAME' | 'OTEL_TRACES_SAMPLER_ARG' | 'ROLE'>, exporter?: SpanExporter): boolean {
  if (provider) return true;
  if (!exporter && !config.OTEL_EXPORTER_OTLP_ENDPOINT) return false;
  const processor = exporter
    ? new SimpleSpanProcessor(exporter)
    : new BatchSpanProcessor(new OTLPTraceExporter({ url: `${config.OTEL_EXPORTER_OTLP_ENDPOINT?.replace(/\/$/, '')}/v1/traces` }));
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': config.OTEL_SERVICE_NAME, 'service.namespace': 'mfc', 'mfc.role': config.ROLE }),
    spanProcessors: [processor],
    // Unsampled requests get non-recording spans: their children (statements, Redis commands,
    // resolver timings) are skipped, and the decision travels with the outbox row to the job.
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(config.OTEL_TRACES_SAMPLER_ARG) }),
  });
  provider.register(); // the AsyncLocalStorage context manager and the W3C propagators
  patchDrizzle();
  patchRedis();
  setTracingEnabled(true);
  return true;
}

export async function shutdownTracing(): Promise<void> {
  await provider?.forceFlush().catch(() => undefined);
}

/** Whether the active span records (a sampled trace): statements and commands get spans only then. */
const hasParent = () => trace.getSpan(context.active())?.isRecording() === true;

/** A span per statement: the SQL text (with $n placeholders, never the values), no parameters. */
function patchDrizzle(): void {
  const proto = PostgresJsPreparedQuery.prototype as unknown as { execute: (...a: unknown[]) => Promise<unknown>; queryString: string };
  const original = proto.execute;
  proto.execute = function (this: { queryString: string }, ...args: unknown[]) {
    if (!tracingEnabled() || !hasParent()) return original.apply(this, args);
    const statement = this.queryString;
    const op = statement.slice(0, statement.indexOf(' ')).toUpperCase() || 'QUERY';
    return tracer().startActiveSpan(`pg ${op}`, { kind: SpanKind.CLIENT, attributes: { 'db.system': 'postgresql', 'db.operation': op, 'db.statement': statement.slice(0, 2000) } }, async (span) => {
      try {
        return await original.apply(this, args);
      } catch (err) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.message : String(err) });
        throw err;
      } finally {
        span.end();
      }
    });
  };
}

/** A span per Redis command (its name only: keys and values may carry personal data). */
function patchRedis(): void {
  const proto = Redis.prototype as unknown as { sendCommand: (cmd: { name: string; promise: Promise<unknown> }, ...rest: unknown[]) => unknown };
  const original = proto.sendCommand;
  proto.sendCommand = function (this: unknown, cmd, ...rest) {
    if (!tracingEnabled() || !hasParent()) return original.call(this, cmd, ...rest);
    const span = tracer().startSpan(`redis ${cmd.name}`, { kind: SpanKind.CLIENT, attributes: { 'db.system': 'redis', 'db.operation': cmd.name } });
    const end = (err?: unknown) => {
      if (err) span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.message : 'redis command failed' });
      span.end();
    };
    cmd.promise.then(() => end(), end);
    return original.call(this, cmd, ...rest);
  };
}
