/**
 * Turns a bearer token into a Viewer. The JWT alone is not trusted: its session must be alive
 * (not revoked, not expired, not idle). The answer is cached per instance for
 * SESSION_CACHE_SECONDS; a revocation is broadcast through Redis so every instance drops its
 * cached answer (and closes the session's sockets) at once. last_seen_at is written at most once
 * a minute per session, which is what keeps an active session from going idle.
 */
import type { TokenRejection } from '../../shared/auth/tokens.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import type { AccountsDeps } from './accounts.deps.js';
import { isSessionAlive } from './accounts.rules.js';
import * as repo from './sessions.repository.js';

const TOUCH_EVERY_MS = 60_000;
const CACHE_MAX = 50_000;

interface CachedSession {
  checkedAt: number;
  userId: string;
  revokedAt: Date | null;
  expiresAt: Date;
  lastSeenAt: Date;
}

export class SessionGuard {
  private readonly cache = new Map<string, CachedSession>();
  private readonly listeners = new Set<(sessionIds: string[]) => void>();

  constructor(private readonly deps: Pick<AccountsDeps, 'config' | 'clock' | 'db' | 'tokens' | 'log'>) {}

  /** The viewer for an access token, or null when the token or its session is not valid. */
  async viewerFromToken(token: string): Promise<Viewer | null> {
    const checked = await this.authenticate(token);
    return checked.ok ? checked.viewer : null;
  }

  /** The viewer for an access token, or why it is refused (expired, invalid, or its session ended). */
  async authenticate(token: string): Promise<{ ok: true; viewer: Viewer } | { ok: false; reason: TokenRejection }> {
    const checked = await this.deps.tokens.check(token);
    if (!checked.ok) return checked;
    const { claims } = checked;
    if (!(await this.isAlive(claims.sessionId, claims.userId))) return { ok: false, reason: 'SESSION_REVOKED' };
    return { ok: true, viewer: { userId: claims.userId, sessionId: claims.sessionId, roles: claims.roles, tokenExpiresAt: claims.expiresAt } };
  }

  /** Whether the session is alive and belongs to `userId` (the token's sub): a sid is never borrowed. */
  async isAlive(sessionId: string, userId: string): Promise<boolean> {
    const { clock, config, db } = this.deps;
    const now = clock.now();
    let entry = this.cache.get(sessionId);
    if (!entry || now.getTime() - entry.checkedAt > config.SESSION_CACHE_SECONDS * 1000) {
      const row = await repo.findSession(db, sessionId);
      if (!row) return false;
      entry = { checkedAt: now.getTime(), userId: row.userId, revokedAt: row.revokedAt, expiresAt: row.expiresAt, lastSeenAt: row.lastSeenAt };
      if (this.cache.size >= CACHE_MAX) this.cache.clear();
      this.cache.set(sessionId, entry);
    }
    if (entry.userId !== userId) return false;
    if (!isSessionAlive(entry, now, config.SESSION_IDLE_MINUTES)) return false;
    if (now.getTime() - entry.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      entry.lastSeenAt = now;
      await repo.touchSession(db, sessionId, now);
    }
    return true;
  }

  /** Called for revocations made here and broadcast from other instances. */
  forget(sessionIds: string[]): void {
    for (const id of sessionIds) this.cache.delete(id);
    for (const l of this.listeners) l(sessionIds);
  }

  /** WebSocket connections listen to close themselves when their session ends. */
  onRevoked(listener: (sessionIds: string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
