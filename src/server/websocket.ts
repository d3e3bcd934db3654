/**
 * GraphQL over WebSocket (graphql-transport-ws) on the API's port. The same limits as HTTP apply
 * (parser tokens, depth/alias/cost rules); only subscriptions are accepted. The bearer token
 * comes in connectionParams; the socket is closed with 4403 when the token expires or its
 * session is revoked (on any instance: revocations are broadcast).
 */
import type { IncomingMessage, Server } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, OperationTypeNode, getOperationAST, parse, validate, specifiedRules, type ExecutionArgs, type GraphQLSchema, type ValidationRule } from 'graphql';
import { CloseCode, type Context, type SubscribePayload } from 'graphql-ws';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { App } from '../app.js';
import type { Viewer } from '../shared/auth/viewer.js';
import type { GraphQLContext } from '../shared/graphql/context.js';
import { bearer } from '../shared/auth/bearer.js';
import { resolverLookup } from '../shared/graphql/context.js';
import { rateLimited } from '../shared/errors.js';
import { costLimits, operationCost, tooExpensive, type CostLimits } from './cost.js';
import { formatError, withCode, type ErrorFormatting } from './errors.js';
import { parseOptions, validationRules } from './limits.js';
import { upgradeOriginAllowed } from './cors.js';

interface ConnectionState {
  viewer: Viewer | null;
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
}

export function attachWebSocketServer(opts: { app: App; schema: GraphQLSchema; server: Server }) {
  const { app, schema, server } = opts;
  // A browser's upgrade carries its page's Origin: only CORS_ORIGINS may open a socket (a 403 before the upgrade).
  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: 256 * 1024, verifyClient: ({ req }: { req: IncomingMessage }, done: (ok: boolean, code?: number, message?: string) => void) => done(upgradeOriginAllowed(app.config, req), 403, 'Origin not allowed') });
  const setup: Setup = {
    app,
    schema,
    sockets: new SocketCounts(),
    rules: [...specifiedRules, ...validationRules(app.config)],
    limits: costLimits(app.config),
    resolvers: resolverLookup(app.resolvers),
  };
  const formatting = (id: string): ErrorFormatting => ({ log: app.log, requestId: `ws-${id}`, production: app.config.isProduction, hideSchemaDetails: app.config.isProduction });

  const cleanup = useServer<Record<string, unknown>>(
    {
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
      // The same masking as HTTP: errors returned by onSubscribe, and errors inside results.
      onError: (_ctx, id, _payload, errors) => errors.map((e) => formatError(e.toJSON(), e, formatting(id))),
      onNext: (_ctx, id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e, formatting(id))) } : undefined,
    },
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
  const token = typeof raw === 'string' ? (bearer(raw) ?? raw) : null;
  const req = ctx.extra.request;
  const ip = clientIp(req, app.config.TRUST_PROXY_HOPS);
  const state: ConnectionState = { viewer: null, release: () => undefined, ip, userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : null };
  states.set(ctx.extra, state);
  const tooMany = (reason: string) => {
    ctx.extra.socket.close(CLOSE_TOO_MANY, reason);
    return false;
  };
  const releaseIp = sockets.take(`ip:${ip ?? '?'}`, app.config.WS_MAX_SOCKETS_PER_IP);
  if (!releaseIp) return tooMany('Too many connections from this address');
  state.release = releaseIp;
  if (!token) return true; // anonymous: public subscriptions only, resolvers decide
  const viewer = await app.services.accounts.sessions.viewerFromToken(token);
  if (!viewer) return false; // graphql-ws closes with 4403 Forbidden
  const releaseUser = sockets.take(`user:${viewer.userId}`, app.config.WS_MAX_SOCKETS_PER_USER);
  if (!releaseUser) return tooMany('Too many connections for this account');
  state.release = () => {
    releaseIp();
    releaseUser();
  };
  state.viewer = viewer;
  const closeForbidden = (reason: string) => ctx.extra.socket.close(CloseCode.Forbidden, reason);
  const ms = viewer.tokenExpiresAt.getTime() - app.clock.now().getTime();
  state.timer = setTimeout(() => closeForbidden('Token expired'), Math.max(0, ms));
  state.unsubscribe = app.services.accounts.sessions.onRevoked((ids) => {
    if (ids.includes(viewer.sessionId)) closeForbidden('Session revoked');
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
  let document;
  try {
    document = parse(payload.query, parseOptions(app.config));
  } catch (err) {
    return withCode([err instanceof GraphQLError ? err : new GraphQLError('Syntax error')], 'GRAPHQL_PARSE_FAILED');
  }
  const errors = validate(schema, document, setup.rules);
  if (errors.length > 0) return withCode(errors, 'GRAPHQL_VALIDATION_FAILED');
  const op = getOperationAST(document, payload.operationName);
  if (!op || op.operation !== OperationTypeNode.SUBSCRIPTION) {
    return [new GraphQLError('Only subscriptions are served over WebSocket; send queries and mutations over HTTP', { extensions: { code: 'BAD_REQUEST' } })];
  }
  const cost = operationCost(schema, document, op, payload.variables ?? {}, limits);
  if (cost > limits.maxCost) return [tooExpensive(cost, limits.maxCost)];
  // The session may have been revoked since the connection opened.
  if (state?.viewer && !(await app.services.accounts.sessions.isAlive(state.viewer.sessionId, state.viewer.userId))) {
    ctx.extra.socket.close(CloseCode.Forbidden, 'Session revoked');
    return [new GraphQLError('Сеанс завершён', { extensions: { code: 'UNAUTHENTICATED' } })];
  }
  const contextValue: GraphQLContext = {
    viewer: state?.viewer ?? null,
    now: app.clock.now(),
    memo: new Map(),
    resolver: setup.resolvers,
    idempotencyKey: null,
    requestId: `ws-${id}`,
    meta: { ip: state?.ip ?? null, userAgent: state?.userAgent ?? null },
  };
  return { schema, document, variableValues: payload.variables ?? undefined, operationName: payload.operationName ?? undefined, contextValue };
}
