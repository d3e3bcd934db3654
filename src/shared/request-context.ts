/**
 * What a log line, a span or an outbox row needs to know about the request (or job) being served:
 * its request id, and who is asking (a user id or an API client id, never personal data). Kept in
 * an AsyncLocalStorage, so code deep inside a module logs with the request id without passing it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
  requestId: string;
  /** The signed-in user (or API client) once known; ids only. */
  userId?: string;
  /** Set by the GraphQL plugin for the request log line. */
  operation?: { name: string; type: string; errorCodes: string[] };
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequest<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}
