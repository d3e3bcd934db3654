/**
 * Sessions and their refresh tokens (drizzle, private to the accounts module). Every query is
 * scoped by the session's id, its owner or the token's hash; explicit columns throughout.
 */
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { refreshTokens, sessions } from '../../db/schema/index.js';

export type SessionRow = typeof sessions.$inferSelect;

const sessionColumns = {
  id: sessions.id,
  userId: sessions.userId,
  userAgent: sessions.userAgent,
  ip: sessions.ip,
  createdAt: sessions.createdAt,
  lastSeenAt: sessions.lastSeenAt,
  expiresAt: sessions.expiresAt,
  revokedAt: sessions.revokedAt,
  revokedReason: sessions.revokedReason,
};

export async function insertSession(
  db: Executor,
  values: { userId: string; userAgent: string | null; ip: string | null; now: Date; expiresAt: Date },
): Promise<SessionRow> {
  const [row] = await db
    .insert(sessions)
    .values({ userId: values.userId, userAgent: values.userAgent, ip: values.ip, createdAt: values.now, lastSeenAt: values.now, expiresAt: values.expiresAt })
    .returning(sessionColumns);
  if (!row) throw new Error('insert sessions returned nothing');
  return row;
}

export async function findSession(db: Executor, id: string): Promise<SessionRow | undefined> {
  const [row] = await db.select(sessionColumns).from(sessions).where(eq(sessions.id, id));
  return row;
}

/** A session of this owner (the node(id) look-up: another user's session is not found). */
export async function findUserSession(db: Executor, p: { id: string; userId: string }): Promise<SessionRow | undefined> {
  const [row] = await db.select(sessionColumns).from(sessions).where(and(eq(sessions.id, p.id), eq(sessions.userId, p.userId)));
  return row;
}

/** Sessions that are neither revoked, expired nor idle, newest first. */
export async function listLiveSessions(db: Executor, userId: string, p: { now: Date; idleSince: Date }): Promise<SessionRow[]> {
  return db
    .select(sessionColumns)
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, p.now), gt(sessions.lastSeenAt, p.idleSince)))
    .orderBy(desc(sessions.lastSeenAt));
}

export async function touchSession(db: Executor, id: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
}

/** Revokes one session of the given user; returns false when there is no such live session. */
export async function revokeSession(db: Executor, p: { id: string; userId: string; now: Date; reason: string }): Promise<boolean> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: p.now, revokedReason: p.reason })
    .where(and(eq(sessions.id, p.id), eq(sessions.userId, p.userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length === 1;
}

/** Revokes all of a user's sessions except `keep`; returns the ids revoked. */
export async function revokeUserSessions(db: Executor, p: { userId: string; now: Date; reason: string; keep?: string }): Promise<string[]> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: p.now, revokedReason: p.reason })
    .where(and(eq(sessions.userId, p.userId), isNull(sessions.revokedAt), p.keep ? sql`${sessions.id} <> ${p.keep}` : undefined))
    .returning({ id: sessions.id });
  return rows.map((r) => r.id);
}

// ---------------------------------------------------------------- refresh tokens

export async function insertRefreshToken(db: Executor, p: { sessionId: string; tokenHash: string; now: Date }): Promise<void> {
  await db.insert(refreshTokens).values({ sessionId: p.sessionId, tokenHash: p.tokenHash, createdAt: p.now });
}

export async function findRefreshToken(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({ id: refreshTokens.id, sessionId: refreshTokens.sessionId, spentAt: refreshTokens.spentAt })
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, tokenHash));
  return row;
}

/** Spends a refresh token; false when it was spent already (by a parallel request, or a thief). */
export async function spendRefreshToken(db: Executor, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(refreshTokens)
    .set({ spentAt: now })
    .where(and(eq(refreshTokens.id, id), isNull(refreshTokens.spentAt)))
    .returning({ id: refreshTokens.id });
  return rows.length === 1;
}
