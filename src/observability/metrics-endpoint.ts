/**
 * GET /metrics in Prometheus text: on a port of its own when METRICS_PORT is set (reachable only
 * inside the cluster; METRICS_TOKEN, if also set, is still required), and on the API's port behind
 * `Authorization: Bearer $METRICS_TOKEN` when the token is set. Neither: metrics are off (404).
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config/env.js';
import { registry } from '../shared/metrics.js';
import { listen } from './listen.js';

type MetricsConfig = Pick<Config, 'METRICS_PORT' | 'METRICS_TOKEN' | 'HOST'>;

export const metricsOn = (config: Pick<Config, 'METRICS_PORT' | 'METRICS_TOKEN'>) => config.METRICS_PORT > 0 || config.METRICS_TOKEN !== undefined;

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer\s+/i, '') ?? '');
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

async function answer(req: IncomingMessage, res: ServerResponse, token: string | undefined): Promise<void> {
  if (token !== undefined && !tokenMatches(req.headers.authorization, token)) {
    res.writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' }).end('metrics: bearer token required\n');
    return;
  }
  try {
    const body = await registry.metrics();
    res.writeHead(200, { 'content-type': registry.contentType }).end(body);
  } catch (err) {
    res.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics: ${err instanceof Error ? err.message : String(err)}\n`);
  }
}

/** The handler on the API's port (express): off (404) unless METRICS_TOKEN is set. */
export function metricsHandler(config: MetricsConfig) {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (config.METRICS_TOKEN === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('metrics are not served on this port\n');
      return;
    }
    void answer(req, res, config.METRICS_TOKEN);
  };
}

/** The listener of its own on METRICS_PORT (null when unset). */
export async function startMetricsServer(config: MetricsConfig): Promise<{ server: Server; port: number; close(): Promise<void> } | null> {
  if (config.METRICS_PORT === 0) return null;
  const server = createServer((req, res) => {
    if (req.method === 'GET' && (req.url ?? '').split('?')[0] === '/metrics') void answer(req, res, config.METRICS_TOKEN);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
  });
  await listen(server, config.METRICS_PORT, config.HOST, 'METRICS_PORT');
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
