/**
 * What the API server mounts for operations, in one call placed before every other route: the
 * request log and request context (request-log.ts), GET /metrics on the API's port (with
 * METRICS_TOKEN) and the jobs board (JOBS_BOARD=true). The GraphQL plugin is graphql-plugin.ts.
 */
import type { Express, RequestHandler } from 'express';
import type { App } from '../app.js';
import { jobsBoard } from './jobs-board.js';
import { metricsHandler } from './metrics-endpoint.js';
import { requestLog } from './request-log.js';

export { observabilityPlugin } from './graphql-plugin.js';

/** Mounts the request log, /metrics and the jobs board; answers the request log for the direct POST /graphql path. */
export function mountObservability(http: Express, app: App): RequestHandler {
  const log = requestLog(app.log);
  http.use(log);
  http.get('/metrics', metricsHandler(app.config));
  const board = jobsBoard({
    enabled: app.config.JOBS_BOARD,
    queues: app.queues,
    secureCookie: app.config.PUBLIC_URL.startsWith('https://'),
    sessions: app.services.accounts.sessions,
  });
  if (board) http.use(board);
  return log;
}
