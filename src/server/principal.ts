/**
 * Who calls: the one place an Authorization header becomes a principal, for HTTP and WebSocket.
 * `Bearer <access token>` is a user (Viewer), `ApiKey <secret>` a machine client; no header is
 * anonymous. A header that does not authenticate is never read as anonymous (contract v2): HTTP
 * answers 401 with `WWW-Authenticate: Bearer error="invalid_token"` and UNAUTHENTICATED with
 * `extensions.reason`; the WebSocket closes 4401 (expired) or 4403 (revoked, invalid) with the
 * reason as its text. API keys are rate limited per key here (RateLimit-* headers, 429).
 */
import type { NextFunction, Request, Response } from 'express';
import type { App } from '../app.js';
import type { ApiClientPrincipal } from '../shared/auth/api-client.js';
import { parseAuthorization } from '../shared/auth/credentials.js';
import { invalidTokenChallenge, TOKEN_REJECTION_TEXT } from '../shared/auth/rest-auth.js';
import type { TokenRejection } from '../shared/auth/tokens.js';
import type { Viewer } from '../shared/auth/viewer.js';

export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'user'; viewer: Viewer }
  | { kind: 'client'; client: ApiClientPrincipal }
  | { kind: 'refused'; reason: TokenRejection };

type Sources = Pick<App['services'], 'accounts' | 'apiClients'>;

export async function resolvePrincipal(services: Sources, header: string | null | undefined): Promise<Principal> {
  const credentials = parseAuthorization(header);
  if (!credentials) return { kind: 'anonymous' };
  if (credentials.scheme === 'bearer') {
    const checked = await services.accounts.sessions.authenticate(credentials.token);
    return checked.ok ? { kind: 'user', viewer: checked.viewer } : { kind: 'refused', reason: checked.reason };
  }
  if (credentials.scheme === 'apikey') {
    const client = await services.apiClients.authenticate(credentials.secret);
    return client ? { kind: 'client', client } : { kind: 'refused', reason: 'TOKEN_INVALID' };
  }
  return { kind: 'refused', reason: 'TOKEN_INVALID' };
}

/** The UNAUTHENTICATED error of a refused credential (HTTP body, WebSocket subscribe errors). */
export const refusedError = (reason: TokenRejection) => ({ message: TOKEN_REJECTION_TEXT[reason], extensions: { code: 'UNAUTHENTICATED', reason } });

/** WebSocket close code of a refused credential: 4401 when a refresh helps, 4403 otherwise. */
export const closeCodeOf = (reason: TokenRejection): number => (reason === 'TOKEN_EXPIRED' ? 4401 : 4403);

/** The principal of a request, as set by principalMiddleware. */
export function principalOf(res: Response): Principal {
  return (res.locals.principal as Principal | undefined) ?? { kind: 'anonymous' };
}

/** Express middleware for /graphql: resolves the principal, refuses bad credentials, rate limits API keys. */
export function principalMiddleware(app: App) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const principal = await resolvePrincipal(app.services, req.header('authorization'));
      if (principal.kind === 'refused') {
        res.setHeader('WWW-Authenticate', invalidTokenChallenge(principal.reason));
        res.status(401).json({ errors: [refusedError(principal.reason)] });
        return;
      }
      if (principal.kind === 'client') {
        const rate = await app.services.apiClients.consume(principal.client.clientId);
        res.setHeader('RateLimit-Limit', String(rate.limit));
        res.setHeader('RateLimit-Remaining', String(rate.remaining));
        res.setHeader('RateLimit-Reset', String(rate.resetSeconds));
        res.setHeader('RateLimit-Policy', `${rate.limit};w=60`);
        if (!rate.allowed) {
          res.setHeader('Retry-After', String(rate.resetSeconds));
          res.status(429).json({ errors: [{ message: 'Слишком много запросов с этим ключом API', extensions: { code: 'RATE_LIMITED', retryAfter: rate.resetSeconds } }] });
          return;
        }
      }
      res.locals.principal = principal;
      next();
    } catch (err) {
      next(err);
    }
  };
}
