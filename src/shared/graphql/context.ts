/**
 * What every resolver receives besides its arguments: the caller, request metadata and a
 * per-operation memo. Services reach resolvers through their constructors (src/server/schema.ts
 * builds the schema with a container of the modules' resolver instances), so modules need nothing
 * of the transport: HTTP and WebSocket both build this context.
 */
import type { ApiClientPrincipal } from '../auth/api-client.js';
import type { Viewer } from '../auth/viewer.js';
import type { RequestMeta } from '../request-meta.js';

export interface GraphQLContext {
  viewer: Viewer | null;
  /** A machine client (Authorization: ApiKey); absent or null for users and anonymous callers. */
  apiClient?: ApiClientPrincipal | null;
  meta: RequestMeta;
  requestId: string;
  /** The moment the operation started, from the application's clock. */
  now: Date;
  /** The Idempotency-Key HTTP header, for mutations that honour it (bookAppointment). */
  idempotencyKey: string | null;
  /** Things that live for one operation (dataloaders), keyed by their perRequest accessor. */
  memo: Map<symbol, unknown>;
  /**
   * This application's instance of a resolver class. type-graphql calls a subscription's
   * `subscribe` without the resolver instance; it asks the context for it instead, so several
   * applications in one process (tests, two instances) each serve their own services.
   */
  resolver<T extends object>(cls: abstract new (...args: never[]) => T): T;
}

/** The `resolver` function of a context, over the resolver instances the modules constructed. */
export function resolverLookup(instances: readonly object[]): GraphQLContext['resolver'] {
  const byClass = new Map<unknown, object>(instances.map((i) => [i.constructor, i]));
  return <T extends object>(cls: abstract new (...args: never[]) => T): T => {
    const found = byClass.get(cls);
    if (!found) throw new Error(`no instance of resolver ${cls.name} in this application`);
    return found as T;
  };
}

/** For resolvers behind @Authorized: the viewer is there (the auth checker made sure). */
export function requireViewer(ctx: GraphQLContext): Viewer {
  if (!ctx.viewer) throw new Error('resolver reached without a viewer: missing @Authorized()');
  return ctx.viewer;
}

/**
 * An accessor for something made once per operation (a module's dataloaders): the first call in an
 * operation creates it with `create(...args)`, later calls in the same operation get the same one,
 * and another operation (another user) never does. Declared once per module at module level:
 * `export const catalogLoaders = perRequest((db: Database) => createCatalogLoaders(db))`, called
 * as `catalogLoaders(ctx, db)` by the module's resolvers and by other modules through its door.
 */
export function perRequest<T, A extends unknown[]>(create: (...args: A) => T): (ctx: GraphQLContext, ...args: A) => T {
  const key = Symbol('perRequest');
  return (ctx, ...args) => {
    if (ctx.memo.has(key)) return ctx.memo.get(key) as T;
    const made = create(...args);
    ctx.memo.set(key, made);
    return made;
  };
}
