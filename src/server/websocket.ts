/**
 * GraphQL over WebSocket (graphql-transport-ws) on the API's port. The same limits as HTTP apply
 * (parser tokens, depth/alias/cost rules); only subscriptions are accepted. The bearer token
 * (or `ApiKey <secret>`) comes in connectionParams; a refused one closes the socket 4401
 * (TOKEN_EXPIRED) or 4403 (SESSION_REVOKED, TOKEN_INVALID) with the reason as close text, as do a
 * token expiring (4401) and its session being revoked (4403, on any instance: broadcast).
 */
import type { IncomingMessage, Server } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, OperationTypeNode, getOperationAST, parse, validate, specifiedRules, type DocumentNode, type ExecutionArgs, type GraphQLSchema, type ValidationRule } from 'graphql';
import { CloseCode, type Context, type SubscribePayload } from 'graphql-ws';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { App } from '../app.js';
import type { Viewer } from '../shared/auth/viewer.js';
import type { GraphQLContext } from '../shared/graphql/context.js';
import type { ApiClientPrincipal } from '../shared/auth/api-client.js';
import { resolverLookup } from '../shared/graphql/context.js';
import { rateLimited } from '../shared/errors.js';
import { costLimits, operationCost, tooExpensive, type CostLimits } from './cost.js';
import { formatError, withCode, type ErrorFormatting } from './errors.js';
import { parseOptions, validationRules } from './limits.js';
import { isBroadcastOperation, SharedSubscriptions } from './broadcast.js';
import { observeWs } from '../observability/ws-observer.js';
import { apiClientRefusal } from './api-scopes.js';
import { closeCodeOf, refusedError, resolvePrincipal } from './principal.js';
import type { TrustedDocuments } from './trusted-documents.js';
import { AppError } from '../shared/errors.js';
import { upgradeOriginAllowed } from './cors.js';

interface ConnectionState {
  viewer: Viewer | null;
  apiClient: ApiClientPrincipal | null;
  /** Releases this socket's places in the per-user and per-IP counts. */
  release: () => void;
  ip: string | null;
  userAgent: string | null;
  timer?: NodeJS.Timeout;
  unsubscribe?: () => void;
}

const states = new WeakMap<object, ConnectionState>();

/** The close code for a socket over a cap (after HTTP 429). */
export const CLOSE_TOO_MANY = 4429;

/** Open sockets per key (a user, an IP) on this instance; take() answers a release, or null at the cap. */
class SocketCounts {
  private readonly counts = new Map<string, number>();

  take(key: string, max: number): (() => void) | null {
    const n = this.counts.get(key) ?? 0;
    if (n >= max) return null;
    this.counts.set(key, n + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.counts.get(key) ?? 1) - 1;
      if (left <= 0) this.counts.delete(key);
      else this.counts.set(key, left);
    };
  }
}

/** The client's address: the socket's, or X-Forwarded-For's entry `hops` from the end behind trusted proxies. */
function clientIp(req: IncomingMessage, hops: number): string | null {
  const forwarded = req.headers['x-forwarded-for'];
  if (hops > 0 && typeof forwarded === 'string') {
    const chain = forwarded.split(',').map((s) => s.trim()).filter(Boolean);
    const ip = chain[chain.length - hops];
    if (ip) return ip;
  }
  return req.socket.remoteAddress ?? null;
}

type WsContext = Context<Record<string, unknown>, Extra>;

/** What the socket's handlers share: the app, the schema, the caps, the resolver instances. */
interface Setup {
  app: App;
  schema: GraphQLSchema;
  sockets: SocketCounts;
  rules: ValidationRule[];
  limits: CostLimits;
  resolvers: GraphQLContext['resolver'];
  shared: SharedSubscriptions;
  /** Parsed and validated documents by their text: a burst of subscribers sends the same few. */
  documents: Map<string, { document: DocumentNode } | { errors: readonly GraphQLError[] }>;
  trusted: TrustedDocuments;
}

const DOCUMENTS_CACHED = 500;

export function attachWebSocketServer(opts: { app: App; schema: GraphQLSchema; server: Server; trusted: TrustedDocuments }) {
  const { app, schema, server } = opts;
  // A browser's upgrade carries its page's Origin: only CORS_ORIGINS may open a socket (a 403 before the upgrade).
  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: 256 * 1024, verifyClient: ({ req }: { req: IncomingMessage }, done: (ok: boolean, code?: number, message?: string) => void) => done(upgradeOriginAllowed(app.config, req), 403, 'Origin not allowed') });
  const formatting = (id: string): ErrorFormatting => ({ log: app.log, requestId: `ws-${id}`, production: app.config.isProduction, hideSchemaDetails: app.config.isProduction });
  const setup: Setup = {
    app,
    schema,
    sockets: new SocketCounts(),
    rules: [...specifiedRules, ...validationRules(app.config)],
    limits: costLimits(app.config),
    resolvers: resolverLookup(app.resolvers),
    shared: new SharedSubscriptions({
      formatErrors: (errors, id) => errors.map((e) => formatError(e.toJSON(), e, formatting(id))),
      failed: (err) => app.log.error({ err }, 'a shared live feed failed; its subscribers were completed'),
      maxBuffered: app.config.WS_MAX_BUFFERED_BYTES,
      now: () => app.clock.now(),
    }),
    documents: new Map(),
    trusted: opts.trusted,
  };
  const cleanup = useServer<Record<string, unknown>>(
    observeWs(app.log, {
      schema,
      connectionInitWaitTimeout: app.config.WS_CONNECTION_INIT_TIMEOUT_MS,
      onConnect: (ctx) => connect(setup, ctx),
      onClose: (ctx) => {
        const state = states.get(ctx.extra);
        state?.release();
        if (state) state.release = () => undefined;
        if (state?.timer) clearTimeout(state.timer);
        state?.unsubscribe?.();
      },
      onSubscribe: (ctx, id, payload) => subscribe(setup, ctx, id, payload),
      subscribe: setup.shared.subscribe,
      // The same masking as HTTP: errors returned by onSubscribe, and errors inside results.
      onError: (_ctx, id, _payload, errors) => errors.map((e) => formatError(e.toJSON(), e, formatting(id))),
      onNext: (_ctx, id, _payload, _args, result) => (result.errors ? { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e, formatting(id))) } : undefined),
    }),
    wss,
  );

  const drainPlugin: ApolloServerPlugin<GraphQLContext> = {
    serverWillStart() {
      return Promise.resolve({
        async drainServer() {
          await cleanup.dispose();
        },
      });
    },
  };
  return { wss, drainPlugin };
}

/**
 * connection_init: counted against the per-IP cap (and the per-user cap with a token), the token
 * checked, and the socket closed when the token expires or its session is revoked.
 */
async function connect({ app, sockets }: Setup, ctx: WsContext): Promise<boolean> {
  const raw = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization ?? ctx.connectionParams?.accessToken;
  // A bare token (no scheme) is an access token, as before.
  const header = typeof raw === 'string' && raw.trim() !== '' ? (/\s/.test(raw.trim()) ? raw : `Bearer ${raw}`) : null;
  const req = ctx.extra.request;
  const ip = clientIp(req, app.config.TRUST_PROXY_HOPS);
  const state: ConnectionState = { viewer: null, apiClient: null, release: () => undefined, ip, userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : null };
  states.set(ctx.extra, state);
  const tooMany = (reason: string) => {
    ctx.extra.socket.close(CLOSE_TOO_MANY, reason);
    return false;
  };
  const releaseIp = sockets.take(`ip:${ip ?? '?'}`, app.config.WS_MAX_SOCKETS_PER_IP);
  if (!releaseIp) return tooMany('Too many connections from this address');
  state.release = releaseIp;
  const principal = await resolvePrincipal(app.services, header);
  if (principal.kind === 'anonymous') return true; // public subscriptions only, resolvers decide
  if (principal.kind === 'refused') {
    // 4401: refresh the token and reconnect; 4403: log in again. The reason is the close text.
    ctx.extra.socket.close(closeCodeOf(principal.reason), principal.reason);
    return false;
  }
  const owner = principal.kind === 'user' ? `user:${principal.viewer.userId}` : `client:${principal.client.clientId}`;
  const releaseOwner = sockets.take(owner, app.config.WS_MAX_SOCKETS_PER_USER);
  if (!releaseOwner) return tooMany(principal.kind === 'user' ? 'Too many connections for this account' : 'Too many connections for this API key');
  state.release = () => {
    releaseIp();
    releaseOwner();
  };
  if (principal.kind === 'client') {
    state.apiClient = principal.client;
    return true;
  }
  const { viewer } = principal;
  state.viewer = viewer;
  const ms = viewer.tokenExpiresAt.getTime() - app.clock.now().getTime();
  state.timer = setTimeout(() => ctx.extra.socket.close(closeCodeOf('TOKEN_EXPIRED'), 'TOKEN_EXPIRED'), Math.max(0, ms));
  state.unsubscribe = app.services.accounts.sessions.onRevoked((ids) => {
    if (ids.includes(viewer.sessionId)) ctx.extra.socket.close(closeCodeOf('SESSION_REVOKED'), 'SESSION_REVOKED');
  });
  return true;
}

/** subscribe: the per-socket cap, then the same parse, validation and cost rules as HTTP; subscriptions only. */
async function subscribe(setup: Setup, ctx: WsContext, id: string, payload: SubscribePayload): Promise<ExecutionArgs | readonly GraphQLError[]> {
  const { app, schema, limits } = setup;
  const state = states.get(ctx.extra);
  // graphql-ws reserves this subscription's id before calling here, so it counts itself.
  if (Object.keys(ctx.subscriptions).length > app.config.WS_MAX_SUBSCRIPTIONS_PER_SOCKET) {
    return [rateLimited(1, `Не больше ${app.config.WS_MAX_SUBSCRIPTIONS_PER_SOCKET} подписок на одно соединение`)];
  }
  // Trusted documents: an id (query "") becomes its text; TRUSTED_DOCUMENTS_ONLY applies to users and anonymous sockets.
  const request: { query?: unknown; extensions?: unknown } = { query: payload.query === '' ? undefined : payload.query, extensions: payload.extensions ? { ...payload.extensions } : undefined };
  const untrusted = await setup.trusted.resolve(request, state?.apiClient ? { kind: 'client', client: state.apiClient } : { kind: 'anonymous' });
  if (untrusted) return [new AppError(untrusted.extensions.code, untrusted.message)];
  const parsed = parseAndValidate(setup, typeof request.query === 'string' ? request.query : '');
  if ('errors' in parsed) return parsed.errors;
  const { document } = parsed;
  const op = getOperationAST(document, payload.operationName);
  if (!op || op.operation !== OperationTypeNode.SUBSCRIPTION) {
    return [new GraphQLError('Only subscriptions are served over WebSocket; send queries and mutations over HTTP', { extensions: { code: 'BAD_REQUEST' } })];
  }
  const cost = operationCost(schema, document, op, payload.variables ?? {}, limits);
  if (cost > limits.maxCost) return [tooExpensive(cost, limits.maxCost)];
  const refusal = state?.apiClient ? apiClientRefusal(schema, document, op, state.apiClient, payload.variables ?? {}) : null;
  if (refusal) return [refusal];
  // The session may have been revoked since the connection opened.
  if (state?.viewer && !(await app.services.accounts.sessions.isAlive(state.viewer.sessionId, state.viewer.userId))) {
    ctx.extra.socket.close(CloseCode.Forbidden, 'SESSION_REVOKED');
    const refused = refusedError('SESSION_REVOKED');
    return [new GraphQLError(refused.message, { extensions: refused.extensions })];
  }
  const contextValue: GraphQLContext = {
    viewer: state?.viewer ?? null,
    apiClient: state?.apiClient ?? null,
    now: app.clock.now(),
    memo: new Map(),
    resolver: setup.resolvers,
    idempotencyKey: null,
    requestId: `ws-${id}`,
    meta: { ip: state?.ip ?? null, userAgent: state?.userAgent ?? null },
  };
  const args: ExecutionArgs = { schema, document, variableValues: payload.variables ?? undefined, operationName: payload.operationName ?? undefined, contextValue };
  setup.shared.target(args, ctx.extra.socket, id);
  return args;
}

/** The document for a query text, parsed and validated once (errors kept too) while cached. */
function parseAndValidate(setup: Setup, query: string): { document: DocumentNode } | { errors: readonly GraphQLError[] } {
  const cached = setup.documents.get(query);
  if (cached) return cached;
  let answer: { document: DocumentNode } | { errors: readonly GraphQLError[] };
  try {
    const document = parse(query, parseOptions(setup.app.config));
    const errors = validate(setup.schema, document, setup.rules);
    answer = errors.length > 0 ? { errors: withCode(errors, 'GRAPHQL_VALIDATION_FAILED') } : { document };
    if (!('errors' in answer)) setup.shared.mark(document, isBroadcastOperation(setup.schema, document));
  } catch (err) {
    answer = { errors: withCode([err instanceof GraphQLError ? err : new GraphQLError('Syntax error')], 'GRAPHQL_PARSE_FAILED') };
  }
  if (setup.documents.size >= DOCUMENTS_CACHED) setup.documents.clear();
  setup.documents.set(query, answer);
  return answer;
}
