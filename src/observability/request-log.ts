/**
 * The first middleware of every HTTP request: its request id (X-Request-Id kept when sane, else a
 * new one, echoed back), the request context every log line and outbox row reads, a server span
 * when tracing is on, the latency histogram, and one log line when the response is finished. For
 * POST/GET /graphql the line carries the operation (name, type, error codes) that the GraphQL plugin
 * (graphql-plugin.ts) put in the request context; probes and /metrics are logged at debug only.
 */
import { randomUUID } from 'node:crypto';
import { context, SpanKind, trace } from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../shared/logger.js';
import { m, metricsEnabled } from '../shared/metrics.js';
import { runWithRequest, type RequestContext } from '../shared/request-context.js';
import { contextFrom, tracer, tracingEnabled } from '../shared/tracing.js';

const ROUTES = new Set(['graphql', 'healthz', 'readyz', 'metrics', 'uploads', 'attachments', 'webhooks', 'admin', 'sso']);
const QUIET = new Set(['healthz', 'readyz', 'metrics']);
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** A bounded route label: the first path segment when it is one of ours, else "other". */
export function routeOf(path: string): string {
  const first = path.split('/', 2)[1] ?? '';
  return ROUTES.has(first) ? `/${first}` : 'other';
}

export function requestLog(log: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = performance.now();
    const given = req.header('x-request-id');
    const rc: RequestContext = { requestId: given && REQUEST_ID.test(given) ? given : randomUUID() };
    res.setHeader('x-request-id', rc.requestId);
    const path = req.path; // express rewrites req.path inside mounted routers: keep the one received
    const route = routeOf(path);
    const parent = tracingEnabled() ? contextFrom(req.headers) : undefined;
    const span = parent ? tracer().startSpan(`${req.method} ${route}`, { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method, 'http.route': route, 'mfc.request_id': rc.requestId } }, parent) : undefined;
    res.once('finish', () => {
      const durationMs = performance.now() - started;
      if (metricsEnabled()) m.httpDuration.observe({ method: req.method, route, status: String(res.statusCode) }, durationMs / 1000);
      if (span) {
        span.setAttribute('http.response.status_code', res.statusCode);
        span.end();
      }
      const op = rc.operation;
      const line = {
        requestId: rc.requestId,
        method: req.method,
        path,
        status: res.statusCode,
        durationMs: Math.round(durationMs * 10) / 10,
        ...(rc.userId && { userId: rc.userId }),
        ...(op && { operation: op.name, operationType: op.type, ...(op.errorCodes.length > 0 && { errorCodes: op.errorCodes }) }),
      };
      if (QUIET.has(route.slice(1))) log.debug(line, 'http request');
      else log.info(line, 'http request');
    });
    const run = () => runWithRequest(rc, next);
    if (span && parent) context.with(trace.setSpan(parent, span), run);
    else run();
  };
}
