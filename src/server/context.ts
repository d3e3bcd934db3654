/** What every resolver receives: the application's services, the caller, and request metadata. */
import type { Viewer } from '../shared/auth/viewer.js';
import type { RequestMeta } from '../modules/accounts/accounts.deps.js';
import type { Services } from '../app.js';
import type { Loaders } from './loaders.js';

export interface GraphQLContext {
  services: Services;
  viewer: Viewer | null;
  meta: RequestMeta;
  requestId: string;
  /** The moment the operation started, from the application's clock. */
  now: Date;
  loaders: Loaders;
  /** The Idempotency-Key HTTP header, for mutations that honour it (bookAppointment). */
  idempotencyKey: string | null;
}

/** For resolvers behind @Authorized: the viewer is there (the auth checker made sure). */
export function requireViewer(ctx: GraphQLContext): Viewer {
  if (!ctx.viewer) throw new Error('resolver reached without a viewer: missing @Authorized()');
  return ctx.viewer;
}
