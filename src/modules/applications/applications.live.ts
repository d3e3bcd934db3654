/**
 * Where the `applicationStatusChanged` subscription finds its service. type-graphql calls a
 * subscription's `subscribe` without the resolver instance, and the shared GraphQL context carries
 * no services, so each running applications module registers its service here and removes it on
 * close; the newest one still running answers (several apps in one process — tests — share the
 * same database and Redis). Goes once the transport hands resolver instances to `subscribe`.
 */
import type { Viewer } from '../../shared/auth/viewer.js';
import type { ApplicationTopicEvent } from './applications.events.js';

export interface LiveApplications {
  events(viewer: Viewer | null, applicationId: string | null): Promise<AsyncIterable<ApplicationTopicEvent>>;
}

const running: LiveApplications[] = [];

/** Registers a module's live events; the returned function unregisters them (on close). */
export function registerLiveApplications(live: LiveApplications): () => void {
  running.push(live);
  return () => {
    const at = running.lastIndexOf(live);
    if (at >= 0) running.splice(at, 1);
  };
}

export function liveApplications(): LiveApplications {
  const live = running.at(-1);
  if (!live) throw new Error('applications module not started: no live application events');
  return live;
}
