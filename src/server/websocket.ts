/**
 * GraphQL over WebSocket (graphql-transport-ws) on the API's port. The same limits as HTTP apply
 * (parser tokens, depth/alias/cost rules); only subscriptions are accepted. The bearer token
 * comes in connectionParams; the socket is closed with 4403 when the token expires or its
 * session is revoked (on any instance: revocations are broadcast).
 */
import type { Server } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, OperationTypeNode, getOperationAST, parse, validate, specifiedRules, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { App } from '../app.js';
import type { Viewer } from '../shared/auth/viewer.js';
import type { GraphQLContext } from './context.js';
import { bearer } from '../shared/auth/bearer.js';
import { costLimits, operationCost, tooExpensive } from './cost.js';
import { formatError, withCode, type ErrorFormatting } from './errors.js';
import { parseOptions, validationRules } from './limits.js';
import { createLoaders } from './loaders.js';

interface ConnectionState {
  viewer: Viewer | null;
  ip: string | null;
  userAgent: string | null;
  timer?: NodeJS.Timeout;
  unsubscribe?: () => void;
}

const states = new WeakMap<object, ConnectionState>();

export function attachWebSocketServer(opts: { app: App; schema: GraphQLSchema; server: Server }) {
  const { app, schema, server } = opts;
  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: 256 * 1024 });
  const rules = [...specifiedRules, ...validationRules(app.config)];
  const limits = costLimits(app.config);
  const formatting = (id: string): ErrorFormatting => ({ log: app.log, requestId: `ws-${id}`, production: app.config.isProduction, hideSchemaDetails: app.config.isProduction });

  const cleanup = useServer<Record<string, unknown>>(
    {
      schema,
      onConnect: async (ctx) => {
        const raw = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization ?? ctx.connectionParams?.accessToken;
        const token = typeof raw === 'string' ? (bearer(raw) ?? raw) : null;
        const req = ctx.extra.request;
        const state: ConnectionState = {
          viewer: null,
          ip: req.socket.remoteAddress ?? null,
          userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : null,
        };
        states.set(ctx.extra, state);
        if (!token) return true; // anonymous: public subscriptions only, resolvers decide
        const viewer = await app.services.accounts.sessions.viewerFromToken(token);
        if (!viewer) return false; // graphql-ws closes with 4403 Forbidden
        state.viewer = viewer;
        const socket = ctx.extra.socket;
        const closeForbidden = (reason: string) => socket.close(CloseCode.Forbidden, reason);
        const ms = viewer.tokenExpiresAt.getTime() - app.clock.now().getTime();
        state.timer = setTimeout(() => closeForbidden('Token expired'), Math.max(0, ms));
        state.unsubscribe = app.services.accounts.sessions.onRevoked((ids) => {
          if (ids.includes(viewer.sessionId)) closeForbidden('Session revoked');
        });
        return true;
      },
      onClose: (ctx) => {
        const state = states.get(ctx.extra);
        if (state?.timer) clearTimeout(state.timer);
        state?.unsubscribe?.();
      },
      onSubscribe: async (ctx, _id, payload): Promise<ExecutionArgs | readonly GraphQLError[]> => {
        const state = states.get(ctx.extra);
        let document;
        try {
          document = parse(payload.query, parseOptions(app.config));
        } catch (err) {
          return withCode([err instanceof GraphQLError ? err : new GraphQLError('Syntax error')], 'GRAPHQL_PARSE_FAILED');
        }
        const errors = validate(schema, document, rules);
        if (errors.length > 0) return withCode(errors, 'GRAPHQL_VALIDATION_FAILED');
        const op = getOperationAST(document, payload.operationName);
        if (!op || op.operation !== OperationTypeNode.SUBSCRIPTION) {
          return [new GraphQLError('Only subscriptions are served over WebSocket; send queries and mutations over HTTP', { extensions: { code: 'BAD_REQUEST' } })];
        }
        const cost = operationCost(schema, document, op, payload.variables ?? {}, limits);
        if (cost > limits.maxCost) return [tooExpensive(cost, limits.maxCost)];
        // The session may have been revoked since the connection opened.
        if (state?.viewer && !(await app.services.accounts.sessions.isAlive(state.viewer.sessionId))) {
          ctx.extra.socket.close(CloseCode.Forbidden, 'Session revoked');
          return [new GraphQLError('Сеанс завершён', { extensions: { code: 'UNAUTHENTICATED' } })];
        }
        const now = app.clock.now();
        const contextValue: GraphQLContext = {
          services: app.services,
          viewer: state?.viewer ?? null,
          now,
          loaders: createLoaders(app, now),
          memo: new Map(),
          idempotencyKey: null,
          requestId: `ws-${_id}`,
          meta: { ip: state?.ip ?? null, userAgent: state?.userAgent ?? null },
        };
        return { schema, document, variableValues: payload.variables ?? undefined, operationName: payload.operationName ?? undefined, contextValue };
      },
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
