/**
 * Bearer tokens on the REST endpoints (uploads, attachments, booking files, receipts, the jobs
 * board): the same rule as GraphQL (src/server/principal.ts, contract v2). No Authorization header
 * answers 401 UNAUTHENTICATED with `WWW-Authenticate: Bearer`; a header that does not authenticate
 * is never read as absent: 401 with `WWW-Authenticate: Bearer error="invalid_token"` and
 * `extensions.reason` TOKEN_EXPIRED (refresh it), TOKEN_INVALID or SESSION_REVOKED (log in again),
 * in the one REST error body (src/shared/http-errors.ts).
 */
import type { Response } from 'express';
import { sendRestError } from '../http-errors.js';
import { parseAuthorization } from './credentials.js';
import type { TokenRejection } from './tokens.js';
import type { Viewer } from './viewer.js';

/** What checks an access token (accounts' SessionGuard.authenticate). */
export interface TokenSessions {
  authenticate(token: string): Promise<{ ok: true; viewer: Viewer } | { ok: false; reason: TokenRejection }>;
}

/** The message of each refusal, alike on HTTP, REST and WebSocket. */
export const TOKEN_REJECTION_TEXT: Readonly<Record<TokenRejection, string>> = {
  TOKEN_EXPIRED: 'Срок действия токена истёк: обновите его (refreshSession)',
  TOKEN_INVALID: 'Токен или ключ API недействителен',
  SESSION_REVOKED: 'Сеанс завершён: войдите снова',
};

/** The `WWW-Authenticate` value of a refused token (RFC 6750 section 3.1). */
export const invalidTokenChallenge = (reason: TokenRejection): string => `Bearer error="invalid_token", error_description="${reason}"`;

export type BearerCheck = { kind: 'none' } | { kind: 'user'; viewer: Viewer } | { kind: 'refused'; reason: TokenRejection };

/**
 * What an Authorization header says for an endpoint that takes users' access tokens. Another
 * scheme (an API key, Basic) does not authenticate here: TOKEN_INVALID, as GraphQL answers an
 * unknown scheme.
 */
export async function checkBearer(sessions: TokenSessions, header: string | null | undefined): Promise<BearerCheck> {
  const credentials = parseAuthorization(header);
  if (!credentials) return { kind: 'none' };
  if (credentials.scheme !== 'bearer') return { kind: 'refused', reason: 'TOKEN_INVALID' };
  const checked = await sessions.authenticate(credentials.token);
  return checked.ok ? { kind: 'user', viewer: checked.viewer } : { kind: 'refused', reason: checked.reason };
}

/** Answers 401 for a refused token: invalid_token challenge and the reason. */
export function sendTokenRefused(res: Response, reason: TokenRejection): void {
  if (res.headersSent) return;
  res.setHeader('WWW-Authenticate', invalidTokenChallenge(reason));
  sendRestError(res, 401, 'UNAUTHENTICATED', TOKEN_REJECTION_TEXT[reason], { reason });
}

/** Answers 401 for a request without credentials: a bare Bearer challenge. */
export function sendLoginRequired(res: Response, message: string): void {
  if (res.headersSent) return;
  res.setHeader('WWW-Authenticate', 'Bearer');
  sendRestError(res, 401, 'UNAUTHENTICATED', message);
}

/** The caller of an endpoint that needs a user's token, or null after answering 401 (missing or refused). */
export async function requireBearerViewer(sessions: TokenSessions, header: string | null | undefined, res: Response, missingMessage: string): Promise<Viewer | null> {
  const check = await checkBearer(sessions, header);
  if (check.kind === 'user') return check.viewer;
  if (check.kind === 'refused') sendTokenRefused(res, check.reason);
  else sendLoginRequired(res, missingMessage);
  return null;
}
