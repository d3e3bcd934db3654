/**
 * Wraps graphql-ws server options: the open-connection gauge, the active-subscription gauge by root
 * field, and one log line per subscription when it ends (request id `ws-<id>`, operation, duration,
 * user id). Whatever is left when a socket closes is counted down then.
 */
import type { ExecutionArgs } from 'graphql';
import { getOperationAST, Kind } from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import type { GraphQLContext } from '../shared/graphql/context.js';
import type { Logger } from '../shared/logger.js';
import { m, metricsEnabled, operationLabel } from '../shared/metrics.js';

interface Live {
  field: string;
  operation: string;
  userId?: string;
  started: number;
}

const connected = new WeakSet<object>();
const live = new WeakMap<object, Map<string, Live>>();

function rootField(args: ExecutionArgs): string {
  const op = getOperationAST(args.document, args.operationName);
  const first = op?.selectionSet.selections[0];
  return first?.kind === Kind.FIELD ? first.name.value : 'unknown';
}

function ended(log: Logger, id: string, sub: Live): void {
  if (metricsEnabled()) m.wsSubscriptions.dec({ field: sub.field });
  log.info({ requestId: `ws-${id}`, operation: sub.operation, operationType: 'subscription', field: sub.field, durationMs: Date.now() - sub.started, ...(sub.userId && { userId: sub.userId }) }, 'subscription ended');
}

export function observeWs<P extends Record<string, unknown>, E>(log: Logger, options: ServerOptions<P, E>): ServerOptions<P, E> {
  return {
    ...options,
    async onConnect(ctx) {
      const ok = await options.onConnect?.(ctx);
      if (ok !== false) {
        connected.add(ctx);
        if (metricsEnabled()) m.wsConnections.inc();
      }
      return ok;
    },
    async onClose(ctx, code, reason) {
      if (connected.delete(ctx) && metricsEnabled()) m.wsConnections.dec();
      for (const [id, sub] of live.get(ctx) ?? new Map<string, Live>()) ended(log, id, sub);
      live.delete(ctx);
      await options.onClose?.(ctx, code, reason);
    },
    async onSubscribe(ctx, id, payload) {
      const result = await options.onSubscribe?.(ctx, id, payload);
      if (result && !Array.isArray(result)) {
        const args = result as ExecutionArgs;
        const sub: Live = { field: rootField(args), operation: operationLabel(args.operationName), userId: (args.contextValue as GraphQLContext | undefined)?.viewer?.userId, started: Date.now() };
        let subs = live.get(ctx);
        if (!subs) live.set(ctx, (subs = new Map<string, Live>()));
        subs.set(id, sub);
        if (metricsEnabled()) m.wsSubscriptions.inc({ field: sub.field });
      }
      return result;
    },
    async onComplete(ctx, id, payload) {
      const sub = live.get(ctx)?.get(id);
      if (sub) {
        live.get(ctx)?.delete(id);
        ended(log, id, sub);
      }
      await options.onComplete?.(ctx, id, payload);
    },
  };
}
