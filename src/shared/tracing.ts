/**
 * Tracing helpers over the OpenTelemetry API. Until src/observability/tracing.ts installs a tracer
 * provider (OTEL_EXPORTER_OTLP_ENDPOINT set) every helper here is a plain call: no span, no context.
 */
import { context, propagation, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span } from '@opentelemetry/api';

let enabled = false;

export function setTracingEnabled(on: boolean): void {
  enabled = on;
}

export function tracingEnabled(): boolean {
  return enabled;
}

export const tracer = () => trace.getTracer('mfc-account');

/** Runs `fn` inside a span (an internal span, child of the active one) when tracing is on. */
export function withSpan<T>(name: string, attributes: Attributes, fn: (span?: Span) => Promise<T>, kind: SpanKind = SpanKind.INTERNAL): Promise<T> {
  if (!enabled) return fn();
  return tracer().startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      return await fn(span);
    } catch (err) {
      span.recordException(err as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.message : String(err) });
      throw err;
    } finally {
      span.end();
    }
  });
}

/** The active trace context as W3C headers (traceparent, tracestate); empty when tracing is off. */
export function currentCarrier(): Record<string, string> {
  if (!enabled) return {};
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

/** The context a carrier (headers, an outbox row's meta) describes, on top of the active one. */
export function contextFrom(carrier: Record<string, unknown>): Context {
  return propagation.extract(context.active(), carrier);
}
