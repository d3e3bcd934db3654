/**
 * One port for everything: HTTP POST/GET /graphql (Apollo), WebSocket /graphql
 * (graphql-transport-ws, subscriptions only), /healthz and /readyz. Production defaults are set
 * here explicitly rather than guessed from NODE_ENV: no introspection or landing page, masked
 * errors with a request id, no field suggestions, CSRF prevention, no batching, query limits.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { cacheHintsPlugin } from './cache-hints.js';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { App } from '../app.js';
import { costLimits, operationCost, tooExpensive, type CostLimits } from './cost.js';
import { formatError } from './errors.js';
import { resolverLookup } from '../shared/graphql/context.js';
import { parseOptions, validationRules } from './limits.js';
import type { GraphQLContext } from '../shared/graphql/context.js';
import { attachWebSocketServer } from './websocket.js';
import { apolloPost, directChain, isGraphQLPost } from './graphql-post.js';
import { corsMiddleware } from './cors.js';
import { jsonBody } from './json-body.js';
import { sendRestError } from '../shared/http-errors.js';
import { httpDrainer, type HttpDrainer } from './drain.js';
import { mountObservability, observabilityPlugin } from '../observability/http.js';
import { listen } from '../observability/listen.js';
import { currentRequest } from '../shared/request-context.js';
import { apiScopesPlugin } from './api-scopes.js';
import { compiledExecution } from './executor.js';
import { principalMiddleware, principalOf } from './principal.js';
import { TrustedDocuments, trustedDocumentsMiddleware } from './trusted-documents.js';

export interface ApiServer {
  server: Server;
  url: string;
  /**
   * Graceful drain: /readyz answers 503 and responses say `Connection: close` at once; after
   * SHUTDOWN_READINESS_DELAY_MS the listener stops accepting, requests in flight are answered,
   * idle sockets are closed, then WebSockets and running operations are drained.
   */
  close(): Promise<void>;
}

export async function startApiServer(app: App, schema: GraphQLSchema): Promise<ApiServer> {
  const { config, log } = app;
  const http = express();
  http.disable('x-powered-by');
  http.set('trust proxy', config.TRUST_PROXY_HOPS);
  // POST /graphql takes the direct path once it is set up (src/server/graphql-post.ts); all else express.
  let direct: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
  const server = createServer((req, res) => (direct && isGraphQLPost(req) ? direct(req, res) : void http(req, res)));
  const drainer = httpDrainer(server);
  // Trusted documents (issue 16): the manifest is loaded into Redis before the first request.
  const trusted = new TrustedDocuments({ redis: app.redis.main, config });
  await trusted.load();
  const ws = attachWebSocketServer({ app, schema, server, trusted });
  const operations = inFlightOperations();
  const apollo = createApollo(app, schema, [ws.drainPlugin, operations.plugin]);
  await apollo.start();

  // CORS first: preflights are answered before Apollo's CSRF prevention and every route (src/server/cors.ts).
  const cors = corsMiddleware(config);
  http.use(cors);
  const requestLog = mountObservability(http, app);
  // /graphql before the modules' routers: its requests (nearly all of them) do not walk their routes.
  const graphql = mountGraphQL(http, app, apollo, trusted);
  mountProbes(http, app, drainer);
  for (const router of app.routers) http.use(router);
  // Unknown paths: the one REST error body (src/shared/http-errors.ts), not Express's HTML page.
  const notFound = (_req: Request, res: Response) => sendRestError(res, 404, 'NOT_FOUND', 'Нет такого адреса');
  http.use(notFound);
  http.use(jsonErrors(log));
  direct = directChain(http, [cors, requestLog, ...graphql.before, apolloPost(apollo, graphql.context)], jsonErrors(log), notFound);

  await listen(server, config.PORT, config.HOST, 'PORT');
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  log.info({ port }, 'API listening');
  let closing: Promise<void> | null = null;
  return {
    server,
    url,
    close() {
      closing ??= gracefulClose({ app, drainer, apollo, operations });
      return closing;
    },
  };
}

/** Apollo with the production defaults set explicitly, the one error formatting and the cost check. */
function createApollo(app: App, schema: GraphQLSchema, plugins: Array<ApolloServerPlugin<GraphQLContext>>): ApolloServer<GraphQLContext> {
  const { config, log } = app;
  return new ApolloServer<GraphQLContext>({
    ...(config.GRAPHQL_COMPILE_AFTER > 0 ? { gateway: compiledExecution(schema, config.GRAPHQL_COMPILE_AFTER) } : { schema }),
    introspection: config.GRAPHQL_INTROSPECTION,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: config.isProduction,
    stopOnTerminationSignals: false,
    validationRules: validationRules(config),
    parseOptions: parseOptions(config),
    formatError: (formatted, error) =>
      formatError(formatted, error, { log, requestId: currentRequest()?.requestId, production: config.isProduction, hideSchemaDetails: config.isProduction }),
    plugins: [
      ...plugins,
      observabilityPlugin({ resolverSpanMs: config.OTEL_RESOLVER_SPAN_MS, schema }),
      apiScopesPlugin(schema),
      costPlugin(schema, costLimits(config)),
      // Cache hints once per document (cache-hints.ts) instead of Apollo's plugin wrapping every resolver.
      ApolloServerPluginCacheControlDisabled(),
      cacheHintsPlugin(config.HTTP_CACHE_MAX_AGE_SECONDS),
      ...(config.GRAPHQL_INTROSPECTION ? [] : [ApolloServerPluginLandingPageDisabled()]),
    ],
  });
}

/** /healthz (the process is alive) and /readyz (dependencies answer; 503 first thing when draining). */
function mountProbes(http: Express, app: App, drainer: HttpDrainer): void {
  http.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  http.get('/readyz', async (_req, res) => {
    // Shutting down: tell the load balancer first, while requests are still served.
    if (drainer.draining) {
      res.status(503).json({ status: 'draining' });
      return;
    }
    const checks = await app.ready();
    const ok = checks.postgres && checks.redis && checks.migrations !== 'pending';
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'unavailable', ...checks });
  });
}

/**
 * POST/GET /graphql: the JSON body, the caller, trusted documents, and the context every resolver
 * receives. Answers the handlers before Apollo and the context, for the direct POST path.
 */
function mountGraphQL(http: Express, app: App, apollo: ApolloServer<GraphQLContext>, trusted: TrustedDocuments) {
  const resolvers = resolverLookup(app.resolvers);
  // Who calls (issue 16): 401 for a bad token or key, rate limits per API key (src/server/principal.ts).
  const before: RequestHandler[] = [jsonBody(app.config.GRAPHQL_MAX_BODY_BYTES), principalMiddleware(app), trustedDocumentsMiddleware(trusted, principalOf)];
  const context = (req: Request, res: Response): Promise<GraphQLContext> => {
    const principal = principalOf(res);
    return Promise.resolve({
      viewer: principal.kind === 'user' ? principal.viewer : null,
      apiClient: principal.kind === 'client' ? principal.client : null,
      requestId: currentRequest()?.requestId ?? randomUUID(),
      now: app.clock.now(),
      memo: new Map(),
      resolver: resolvers,
      idempotencyKey: req.header('idempotency-key')?.trim() || null,
      meta: { ip: req.ip ?? null, userAgent: req.header('user-agent') ?? null },
    });
  };
  http.use('/graphql', ...before, expressMiddleware(apollo, { context: ({ req, res }) => context(req, res) }));
  return { before, context };
}

/** Malformed JSON and other body errors: a JSON answer, never Express's HTML page with a stack. */
function jsonErrors(log: App['log']) {
  return (err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const status = typeof err === 'object' && err !== null && 'status' in err && typeof err.status === 'number' ? err.status : 500;
    if (status >= 500) log.error({ err }, 'http error');
    sendRestError(res, status, status === 413 ? 'PAYLOAD_TOO_LARGE' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR', status === 413 ? 'Запрос слишком большой' : status < 500 ? 'Неверный запрос' : 'Внутренняя ошибка сервера');
  };
}

/** Readiness down, the readiness delay, the HTTP drain, then WebSockets and running operations. */
async function gracefulClose(p: { app: App; drainer: HttpDrainer; apollo: ApolloServer<GraphQLContext>; operations: { idle(): Promise<void> } }): Promise<void> {
  const { config, log } = p.app;
  p.drainer.beginDrain();
  log.info({ delayMs: config.SHUTDOWN_READINESS_DELAY_MS }, 'draining: readiness down, then stop accepting');
  if (config.SHUTDOWN_READINESS_DELAY_MS > 0) await new Promise((r) => setTimeout(r, config.SHUTDOWN_READINESS_DELAY_MS));
  await p.drainer.drain();
  await p.apollo.stop(); // drains the WebSockets (ws drain plugin)
  await p.operations.idle();
}

/**
 * Counts operations being executed. A client that disconnects does not stop its operation, so
 * shutdown waits for the count to reach zero before the database pools close under it.
 */
function inFlightOperations() {
  let count = 0;
  let waiters: Array<() => void> = [];
  const done = () => {
    count -= 1;
    if (count === 0) {
      for (const w of waiters) w();
      waiters = [];
    }
  };
  const plugin: ApolloServerPlugin<GraphQLContext> = {
    requestDidStart() {
      count += 1;
      // willSendResponse runs once per request, after execution, whether or not it succeeded.
      return Promise.resolve({ willSendResponse: () => Promise.resolve(done()) });
    },
  };
  return {
    plugin,
    idle: () => (count === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
  };
}

/** Refuses an operation whose cost with its variables is above the limit, before it runs. */
function costPlugin(schema: GraphQLSchema, limits: CostLimits): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ document, operation, request }) {
          const cost = operation ? operationCost(schema, document, operation, request.variables ?? {}, limits) : 0;
          if (cost <= limits.maxCost) return Promise.resolve();
          const err = tooExpensive(cost, limits.maxCost);
          throw new GraphQLError(err.message, { extensions: { ...err.extensions, http: { status: 400 } } });
        },
      });
    },
  };
}
