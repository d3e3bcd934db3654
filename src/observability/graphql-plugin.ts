/**
 * An Apollo Server plugin for every GraphQL operation over HTTP: the latency histogram by operation
 * name and type, errors by extensions.code, the operation and the caller's id in the request context
 * (for the request's log line, request-log.ts), and, when tracing is on, a span for the operation
 * and one for each resolver that took at least OTEL_RESOLVER_SPAN_MS.
 */
import { context, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { GraphQLContext } from '../shared/graphql/context.js';
import { m, metricsEnabled, operationLabel } from '../shared/metrics.js';
import { currentRequest } from '../shared/request-context.js';
import { tracer, tracingEnabled } from '../shared/tracing.js';

/** The recording operation span of a request, by its context value (resolver spans hang under it). */
const operationSpans = new WeakMap<object, Span>();

export function observabilityPlugin(opts: { resolverSpanMs: number; schema: GraphQLSchema }): ApolloServerPlugin<GraphQLContext> {
  instrumentResolvers(opts.schema, opts.resolverSpanMs);
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
      if (span?.isRecording()) operationSpans.set(contextValue, span);
      return Promise.resolve(listener);
    },
  };
}

function endOperationSpan(span: Span, codes: string[]): void {
  if (codes.length > 0) span.setStatus({ code: SpanStatusCode.ERROR, message: codes.join(',') });
  span.end();
}

/**
 * Slow resolvers of sampled operations get spans (back-dated to their start). Only fields with a
 * resolver of their own are wrapped, once, at start; a request that is not sampled pays one WeakMap
 * look-up per such field. (Apollo's willResolveField hook would wrap every field of the schema,
 * plain data fields included, for every request once any request used it.)
 */
const instrumented = new WeakSet<GraphQLSchema>();

function instrumentResolvers(schema: GraphQLSchema, thresholdMs: number): void {
  if (instrumented.has(schema)) return;
  instrumented.add(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.resolve) field.resolve = timed(field.resolve, `${type.name}.${field.name}`, thresholdMs);
    }
  }
}

function timed(resolve: GraphQLFieldResolver<unknown, unknown>, coordinate: string, thresholdMs: number): GraphQLFieldResolver<unknown, unknown> {
  return (source, args, ctx, info) => {
    const parent = typeof ctx === 'object' && ctx !== null ? operationSpans.get(ctx) : undefined;
    if (!parent) return resolve(source, args, ctx, info);
    const t0 = Date.now();
    const done = () => {
      const ms = Date.now() - t0;
      if (ms < thresholdMs) return;
      tracer().startSpan(`resolve ${coordinate}`, { startTime: t0, attributes: { 'graphql.field.path': coordinate, 'graphql.field.duration_ms': ms } }, trace.setSpan(context.active(), parent)).end(t0 + ms);
    };
    const result = resolve(source, args, ctx, info);
    if (result instanceof Promise) return result.finally(done);
    done();
    return result;
  };
}
