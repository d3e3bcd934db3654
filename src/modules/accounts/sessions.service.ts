/**
 * Sessions: opening one (with its first refresh token and access token) at the end of any login,
 * refresh-token rotation (a reused token ends the whole session), logout and revocation, and the
 * owner's list of signed-in devices. Revocations are broadcast through AccountsDeps.sessionEvents.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Executor } from '../../db/client.js';
import { AppError, ErrorCode, notFound, unauthenticated } from '../../shared/errors.js';
import type { RequestMeta } from '../../shared/request-meta.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import type { AccountsDeps } from './accounts.deps.js';
import type { UserRow } from './accounts.repository.js';
import { lockActive } from './staff.repository.js';
import { describeDevice, formatLocal, idleSince, isSessionAlive, sessionExpiresAt, USER_AGENT_MAX } from './accounts.rules.js';
import type { AccountJournal } from './journal.service.js';
import * as repo from './sessions.repository.js';
import type { SessionRow } from './sessions.repository.js';

export interface AuthPayloadView {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  user: UserRow;
}

/** How a session was started: written to the journal with its LOGIN entry. */
export type LoginMethod = 'PASSWORD' | 'SSO' | 'PASSKEY' | 'SIGNATURE';

export interface SessionOptions {
  /** Tell the owner of the new login (not for a brand-new account). */
  notify: boolean;
  method?: LoginMethod;
  /** More details for the LOGIN journal entry (the provider, the passkey, the certificate). */
  details?: Record<string, unknown>;
}

export type SessionView = SessionRow & { current: boolean };

const sessionEnded = () => unauthenticated('Сеанс завершён, войдите снова');
const sessionEndedForSafety = () => unauthenticated('Сеанс завершён из соображений безопасности, войдите снова');

export class SessionService {
  constructor(
    private readonly deps: AccountsDeps,
    private readonly journal: AccountJournal,
  ) {}

  /** Opens a session with its first refresh token and access token, inside the caller's transaction. */
  async startSession(tx: Executor, user: UserRow, meta: RequestMeta, opts: SessionOptions): Promise<AuthPayloadView> {
    const { clock, config, tokens } = this.deps;
    // Every login method ends here: a deactivated staff account gets no session (see staff.service.ts).
    if (!(await lockActive(tx, user.id))) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Учётная запись отключена администратором', { reason: 'ACCOUNT_DEACTIVATED' });
    const now = clock.now();
    const session = await repo.insertSession(tx, {
      userId: user.id,
      userAgent: meta.userAgent?.slice(0, USER_AGENT_MAX) ?? null,
      ip: meta.ip,
      now,
      expiresAt: sessionExpiresAt(now, config.REFRESH_TOKEN_TTL_DAYS),
    });
    const refresh = this.newRefreshToken();
    await repo.insertRefreshToken(tx, { sessionId: session.id, tokenHash: refresh.hash, now });
    await this.journal.record(tx, user.id, 'LOGIN', meta, { sessionId: session.id, method: opts.method ?? 'PASSWORD', ...opts.details });
    if (opts.notify) {
      await this.journal.notifySecurity(tx, user, 'security.login', { time: formatLocal(now), device: describeDevice(meta.userAgent), ip: meta.ip ?? 'неизвестен' });
    }
    const access = await tokens.issue({ userId: user.id, sessionId: session.id, roles: user.roles });
    return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken: refresh.token, user };
  }

  /**
   * The end of a login that proved who the user is by other means than the password (an SSO
   * provider, a passkey, an electronic signature). A password lock does not refuse it: the lock
   * stops password guessing only, and these methods cannot be guessed, so whoever knows a phone
   * number cannot lock its owner out of them (the lock stays for the password). The session,
   * refresh token, journal entry and owner's notice are those of startSession. `inTransaction` runs first in the session's transaction,
   * for the caller's own writes (linking an identity, a passkey's counter) and may hand back a
   * fresher user row.
   */
  async signInVerified(
    user: UserRow,
    meta: RequestMeta,
    opts: SessionOptions & { method: LoginMethod; inTransaction?: (tx: Executor) => Promise<UserRow | void> },
  ): Promise<AuthPayloadView> {
    return this.deps.db.transaction(async (tx) => {
      const fresh = (await opts.inTransaction?.(tx)) ?? user;
      return this.startSession(tx, fresh, meta, opts);
    });
  }

  async refreshSession(refreshToken: string, meta: RequestMeta): Promise<AuthPayloadView> {
    const { db, clock, config } = this.deps;
    const now = clock.now();
    const found = await repo.findRefreshToken(db, this.hashRefreshToken(refreshToken));
    if (!found) throw sessionEnded();
    const session = await repo.findSession(db, found.sessionId);
    if (!session) throw sessionEnded();
    if (found.spentAt) {
      // A spent token came back: either a replay by a thief or by the owner; we cannot tell, so
      // the whole family ends and the owner logs in again.
      await this.revokeFamily(session, now, meta);
      throw sessionEndedForSafety();
    }
    if (!isSessionAlive(session, now, config.SESSION_IDLE_MINUTES)) throw sessionEnded();
    const user = await this.deps.users.findUserById(db, session.userId);
    if (!user) throw unauthenticated();
    const spent = await db.transaction(async (tx) => {
      if (!(await repo.spendRefreshToken(tx, found.id, now))) return null;
      const next = this.newRefreshToken();
      await repo.insertRefreshToken(tx, { sessionId: session.id, tokenHash: next.hash, now });
      await repo.touchSession(tx, session.id, now);
      return next.token;
    });
    if (!spent) {
      await this.revokeFamily(session, now, meta);
      throw sessionEndedForSafety();
    }
    const access = await this.deps.tokens.issue({ userId: user.id, sessionId: session.id, roles: user.roles });
    return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken: spent, user };
  }

  async logout(viewer: Viewer, meta: RequestMeta): Promise<boolean> {
    return this.revokeSession(viewer, viewer.sessionId, meta, 'LOGOUT');
  }

  async revokeSession(viewer: Viewer, sessionId: string, meta: RequestMeta, reason = 'REVOKED_BY_USER'): Promise<boolean> {
    const now = this.deps.clock.now();
    const done = await this.deps.db.transaction(async (tx) => {
      const ok = await repo.revokeSession(tx, { id: sessionId, userId: viewer.userId, now, reason });
      if (ok) await this.journal.record(tx, viewer.userId, reason === 'LOGOUT' ? 'LOGOUT' : 'SESSION_REVOKED', meta, { sessionId });
      return ok;
    });
    if (!done) throw notFound('Сеанс');
    await this.deps.sessionEvents.revoked([sessionId]);
    return true;
  }

  async mySessions(viewer: Viewer): Promise<SessionView[]> {
    const { db, clock, config } = this.deps;
    const now = clock.now();
    const rows = await repo.listLiveSessions(db, viewer.userId, { now, idleSince: idleSince(now, config.SESSION_IDLE_MINUTES) });
    return rows.map((s) => ({ ...s, current: s.id === viewer.sessionId }));
  }

  /** One of the viewer's own sessions (node(id)); another user's is not found. */
  async session(viewer: Viewer, id: string): Promise<SessionView | null> {
    const s = await repo.findUserSession(this.deps.db, { id, userId: viewer.userId });
    return s ? { ...s, current: s.id === viewer.sessionId } : null;
  }

  /** Ends a session whose refresh token came back spent; its owner is told. */
  private async revokeFamily(session: SessionRow, now: Date, meta: RequestMeta): Promise<void> {
    const reason = 'REFRESH_TOKEN_REUSE';
    const revoked = await this.deps.db.transaction(async (tx) => {
      const done = await repo.revokeSession(tx, { id: session.id, userId: session.userId, now, reason });
      if (done) {
        await this.journal.record(tx, session.userId, 'SESSION_REVOKED', meta, { sessionId: session.id, reason });
        const user = await this.deps.users.findUserById(tx, session.userId);
        if (user) await this.journal.notifySecurity(tx, user, 'security.session_family_revoked', {});
      }
      return done;
    });
    if (revoked) await this.deps.sessionEvents.revoked([session.id]);
  }

  private newRefreshToken(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: this.hashRefreshToken(token) };
  }

  private hashRefreshToken(token: string): string {
    return createHmac('sha256', this.deps.hashKey).update(`refresh:${token}`).digest('hex');
  }
}
