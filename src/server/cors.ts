/**
 * CORS for browser apps on other origins (CORS_ORIGINS, exact origins). Mounted before every
 * route, so a preflight (`OPTIONS` with `Access-Control-Request-Method`) is answered here, before
 * Apollo's CSRF prevention or any route sees it. Credentials are off: tokens travel in the
 * `Authorization` header, never in cookies, so `Access-Control-Allow-Credentials` is never sent.
 * The same list decides WebSocket upgrades that carry an Origin (browsers always send one).
 */
import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { Config } from '../config/env.js';
import { sendRestError } from '../shared/http-errors.js';

/** Request headers a browser app may send: auth, JSON, Apollo's CSRF header, idempotency, tracing. */
export const CORS_ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'accept',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'graphql-client-name',
  'graphql-client-version',
  'idempotency-key',
  'x-request-id',
];
/** Response headers a browser app may read. */
const EXPOSED_HEADERS = ['x-request-id', 'retry-after', 'content-disposition', 'www-authenticate', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset'];
const METHODS = ['GET', 'POST', 'OPTIONS'];

/** Whether a browser origin may call the API: listed exactly (scheme, host and port), or `*` configured. */
export function originAllowed(config: Pick<Config, 'CORS_ORIGINS'>, origin: string): boolean {
  return config.CORS_ORIGINS.includes('*') || config.CORS_ORIGINS.includes(origin);
}

/** The Express middleware: CORS headers for allowed origins, preflights answered with 204 (or 403). */
export function corsMiddleware(config: Pick<Config, 'CORS_ORIGINS' | 'CORS_MAX_AGE_SECONDS'>) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const origin = req.header('origin');
    res.vary('Origin');
    const preflight = req.method === 'OPTIONS' && req.header('access-control-request-method') !== undefined;
    if (!origin) return next();
    const allowed = originAllowed(config, origin);
    if (allowed) {
      res.setHeader('access-control-allow-origin', config.CORS_ORIGINS.includes('*') ? '*' : origin);
      res.setHeader('access-control-expose-headers', EXPOSED_HEADERS.join(', '));
    }
    if (!preflight) return next();
    if (!allowed) {
      sendRestError(res, 403, 'FORBIDDEN', 'Origin not allowed (CORS_ORIGINS)', { reason: 'CORS_ORIGIN' });
      return;
    }
    res.setHeader('access-control-allow-methods', METHODS.join(', '));
    res.setHeader('access-control-allow-headers', CORS_ALLOWED_HEADERS.join(', '));
    res.setHeader('access-control-max-age', String(config.CORS_MAX_AGE_SECONDS));
    res.vary('Access-Control-Request-Headers');
    res.status(204).end();
  };
}

/**
 * A WebSocket upgrade: refused when it carries an Origin that is neither allowed nor the server's
 * own (PUBLIC_URL, or the Host it was reached at). Non-browser clients send no Origin and pass.
 */
export function upgradeOriginAllowed(config: Pick<Config, 'CORS_ORIGINS' | 'PUBLIC_URL'>, req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined || originAllowed(config, origin) || origin === new URL(config.PUBLIC_URL).origin) return true;
  return URL.canParse(origin) && new URL(origin).host === req.headers.host;
}
