/**
 * An Apollo Server plugin for every GraphQL operation over HTTP: the latency histogram by operation
 * name and type, errors by extensions.code, the operation and the caller's id in the request context
 * (for the request's log line, request-log.ts), and, when tracing is on, a span for the operation
 * and one for each resolver that took at least OTEL_RESOLVER_SPAN_MS.
 */
import { context, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { GraphQLContext } from '../shared/graphql/context.js';
import { m, metricsEnabled, operationLabel } from '../shared/metrics.js';
import { currentRequest } from '../shared/request-context.js';
import { tracer, tracingEnabled } from '../shared/tracing.js';

export function observabilityPlugin(opts: { resolverSpanMs: number }): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart({ contextValue }) {
      const started = performance.now();
      const rc = currentRequest();
      if (rc && contextValue.viewer) rc.userId = contextValue.viewer.userId;
      const span = tracingEnabled() ? tracer().startSpan('graphql', { kind: SpanKind.INTERNAL }) : undefined;
      let name = 'anonymous';
      let type = 'unknown';
      const codes: string[] = [];
      const listener: GraphQLRequestListener<GraphQLContext> = {
        didResolveOperation({ operation, operationName }) {
          name = operationLabel(operationName);
          type = operation?.operation ?? 'unknown';
          span?.updateName(`graphql ${type} ${name}`);
          span?.setAttributes({ 'graphql.operation.name': name, 'graphql.operation.type': type });
          return Promise.resolve();
        },
        didEncounterErrors({ errors }) {
          for (const e of errors) {
            const code = typeof e.extensions.code === 'string' ? e.extensions.code : 'INTERNAL_SERVER_ERROR';
            if (!codes.includes(code)) codes.push(code);
          }
          return Promise.resolve();
        },
        willSendResponse() {
          if (metricsEnabled()) {
            m.graphqlDuration.observe({ operation: name, type }, (performance.now() - started) / 1000);
            for (const code of codes) m.graphqlErrors.inc({ operation: name, code });
          }
          if (rc) rc.operation = { name, type, errorCodes: codes };
          if (span) endOperationSpan(span, codes);
          return Promise.resolve();
        },
      };
      if (span?.isRecording()) listener.executionDidStart = () => Promise.resolve({ willResolveField: slowResolverSpans(span, opts.resolverSpanMs) });
      return Promise.resolve(listener);
    },
  };
}

function endOperationSpan(span: Span, codes: string[]): void {
  if (codes.length > 0) span.setStatus({ code: SpanStatusCode.ERROR, message: codes.join(',') });
  span.end();
}

/** Times each resolver; one that took at least `thresholdMs` gets a span (back-dated to its start). */
function slowResolverSpans(parent: Span, thresholdMs: number) {
  return ({ info }: { info: { parentType: { name: string }; fieldName: string } }) => {
    const t0 = Date.now();
    return () => {
      const ms = Date.now() - t0;
      if (ms < thresholdMs) return;
      const field = `${info.parentType.name}.${info.fieldName}`;
      tracer().startSpan(`resolve ${field}`, { startTime: t0, attributes: { 'graphql.field.path': field, 'graphql.field.duration_ms': ms } }, trace.setSpan(context.active(), parent)).end(t0 + ms);
    };
  };
}
