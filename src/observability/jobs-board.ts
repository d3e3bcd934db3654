/**
 * bull-board at /admin/queues (JOBS_BOARD=true): every queue, failed jobs with their errors, retry
 * and remove. ADMIN access tokens only: `Authorization: Bearer <token>` on every request, or, for a
 * browser, open `/admin/queues?token=<token>` once: the token is kept in an HttpOnly, SameSite=Strict
 * cookie limited to /admin/queues and checked (session alive, ADMIN role) on every request. A refused
 * token answers 401 with its reason (src/shared/auth/rest-auth.ts), as every REST endpoint does.
 */
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { bearer } from '../shared/auth/bearer.js';
import { sendLoginRequired, sendTokenRefused, type TokenSessions } from '../shared/auth/rest-auth.js';
import { hasRole } from '../shared/auth/viewer.js';
import { sendRestError } from '../shared/http-errors.js';
import { QUEUE_NAMES } from '../jobs/define.js';
import type { Queues } from '../jobs/queues.js';

export const BOARD_PATH = '/admin/queues';
const COOKIE = 'mfc_jobs_board';

function tokenOf(req: Request): { token: string | null; fromQuery: boolean } {
  const header = bearer(req.header('authorization'));
  if (header) return { token: header, fromQuery: false };
  const q = req.query.token;
  if (typeof q === 'string' && q !== '') return { token: q, fromQuery: true };
  const cookie = (req.header('cookie') ?? '').split(';').map((c) => c.trim()).find((c) => c.startsWith(`${COOKIE}=`));
  return { token: cookie ? decodeURIComponent(cookie.slice(COOKIE.length + 1)) : null, fromQuery: false };
}

function adminOnly(sessions: TokenSessions, secure: boolean) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const { token, fromQuery } = tokenOf(req);
    // An Authorization header of another scheme (an API key) is refused, never read as absent.
    if (req.header('authorization') && !bearer(req.header('authorization'))) return sendTokenRefused(res, 'TOKEN_INVALID');
    if (!token) return sendLoginRequired(res, 'Нужен токен администратора');
    const checked = await sessions.authenticate(token).catch(() => ({ ok: false, reason: 'TOKEN_INVALID' }) as const);
    if (!checked.ok) return sendTokenRefused(res, checked.reason);
    const viewer = checked.viewer;
    if (!hasRole(viewer, 'ADMIN')) return sendRestError(res, 403, 'FORBIDDEN', 'Только для администраторов');
    if (fromQuery && token) {
      res.cookie(COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: BOARD_PATH });
      res.redirect(303, BOARD_PATH);
      return;
    }
    next();
  };
}

/** The board's router, or null when JOBS_BOARD is off. */
export function jobsBoard(opts: { enabled: boolean; queues: Queues; secureCookie: boolean; sessions: TokenSessions }): Router | null {
  if (!opts.enabled) return null;
  const adapter = new ExpressAdapter();
  adapter.setBasePath(BOARD_PATH);
  createBullBoard({ queues: QUEUE_NAMES.map((q) => new BullMQAdapter(opts.queues.get(q))), serverAdapter: adapter, options: { uiConfig: { boardTitle: 'МФЦ: задания' } } });
  const router = express.Router();
  router.use(BOARD_PATH, adminOnly(opts.sessions, opts.secureCookie), adapter.getRouter() as Router);
  return router;
}
