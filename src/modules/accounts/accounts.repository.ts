/**
 * The only drizzle importer of the accounts module: one function per query, explicit columns,
 * every query scoped by id or owner. Functions take an Executor so services compose them in one
 * transaction.
 */
import { and, desc, eq, gt, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { activityEntries, challenges, refreshTokens, sessions, users } from '../../db/schema/index.js';

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;
export type SessionRow = typeof sessions.$inferSelect;
export type ChallengeRow = typeof challenges.$inferSelect;
export type ActivityRow = typeof activityEntries.$inferSelect;

// ---------------------------------------------------------------- users

export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function findUsersByIds(db: Executor, ids: readonly string[]): Promise<UserRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(users).where(sql`${users.id} = ANY(${sql.param([...ids])}::uuid[])`);
}

export async function findUserByLogin(
  db: Executor,
  login: { kind: 'phone' | 'email' | 'snilsHash' | 'innHash'; value: string },
): Promise<UserRow | undefined> {
  const column = { phone: users.phone, email: users.email, snilsHash: users.snilsHash, innHash: users.innHash }[login.kind];
  const [row] = await db.select().from(users).where(eq(column, login.value));
  return row;
}

/** As findUserByLogin, with the row locked until the transaction ends (a value changing hands). */
export async function lockUserByLogin(tx: Executor, login: { kind: 'snilsHash' | 'innHash'; value: string }): Promise<UserRow | undefined> {
  const column = login.kind === 'snilsHash' ? users.snilsHash : users.innHash;
  const [row] = await tx.select().from(users).where(eq(column, login.value)).for('update');
  return row;
}

export async function insertUser(db: Executor, values: NewUserRow): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  if (!row) throw new Error('insert users returned nothing');
  return row;
}

export async function updateUser(db: Executor, id: string, values: Partial<NewUserRow>): Promise<UserRow> {
  const [row] = await db.update(users).set({ ...values, updatedAt: sql`now()` }).where(eq(users.id, id)).returning();
  if (!row) throw new Error(`user ${id} vanished`);
  return row;
}

/**
 * Counts a wrong password atomically (parallel attempts cannot slip past the threshold) and locks
 * the account when the count reaches it. A lock that has run out starts the count afresh.
 */
export async function recordFailedLogin(
  db: Executor,
  id: string,
  p: { now: Date; threshold: number; lockUntil: Date },
): Promise<{ failedLoginCount: number; lockedUntil: Date | null; lockedNow: boolean }> {
  const expired = sql`(${users.lockedUntil} IS NOT NULL AND ${users.lockedUntil} <= ${p.now.toISOString()}::timestamptz)`;
  const next = sql`(CASE WHEN ${expired} THEN 1 ELSE ${users.failedLoginCount} + 1 END)`;
  const [row] = await db
    .update(users)
    .set({
      failedLoginCount: next,
      lockedUntil: sql`CASE WHEN ${next} >= ${p.threshold} THEN ${p.lockUntil.toISOString()}::timestamptz WHEN ${expired} THEN NULL ELSE ${users.lockedUntil} END`,
    })
    .where(eq(users.id, id))
    .returning({ failedLoginCount: users.failedLoginCount, lockedUntil: users.lockedUntil });
  if (!row) throw new Error(`user ${id} vanished`);
  const lockedNow = row.failedLoginCount === p.threshold && row.lockedUntil !== null;
  return { ...row, lockedNow };
}

export async function resetFailedLogins(db: Executor, id: string): Promise<void> {
  await db.update(users).set({ failedLoginCount: 0, lockedUntil: null }).where(eq(users.id, id));
}

/** Marks a TOTP step used; false when that step (or a later one) was used already. */
export async function claimTotpStep(db: Executor, id: string, step: number): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return rows.length === 1;
}

// ---------------------------------------------------------------- sessions

export async function insertSession(
  db: Executor,
  values: { userId: string; userAgent: string | null; ip: string | null; now: Date; expiresAt: Date },
): Promise<SessionRow> {
  const [row] = await db
    .insert(sessions)
    .values({ userId: values.userId, userAgent: values.userAgent, ip: values.ip, createdAt: values.now, lastSeenAt: values.now, expiresAt: values.expiresAt })
    .returning();
  if (!row) throw new Error('insert sessions returned nothing');
  return row;
}

export async function findSession(db: Executor, id: string): Promise<SessionRow | undefined> {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
  return row;
}

/** Sessions that are neither revoked, expired nor idle, newest first. */
export async function listLiveSessions(db: Executor, userId: string, p: { now: Date; idleSince: Date }): Promise<SessionRow[]> {
  return db
    .select()
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

// ---------------------------------------------------------------- challenges

export async function insertChallenge(db: Executor, values: typeof challenges.$inferInsert): Promise<ChallengeRow> {
  const [row] = await db.insert(challenges).values(values).returning();
  if (!row) throw new Error('insert challenges returned nothing');
  return row;
}

export async function findChallenge(db: Executor, id: string): Promise<ChallengeRow | undefined> {
  const [row] = await db.select().from(challenges).where(eq(challenges.id, id));
  return row;
}

/**
 * Takes one attempt atomically: succeeds only while the challenge is unused, unexpired and has
 * attempts left, so parallel wrong codes can never exceed the limit.
 */
export async function takeChallengeAttempt(db: Executor, id: string, now: Date): Promise<ChallengeRow | undefined> {
  const [row] = await db
    .update(challenges)
    .set({ attempts: sql`${challenges.attempts} + 1` })
    .where(and(eq(challenges.id, id), isNull(challenges.consumedAt), gt(challenges.expiresAt, now), lt(challenges.attempts, challenges.maxAttempts)))
    .returning();
  return row;
}

export async function consumeChallenge(db: Executor, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(challenges)
    .set({ consumedAt: now })
    .where(and(eq(challenges.id, id), isNull(challenges.consumedAt)))
    .returning({ id: challenges.id });
  return rows.length === 1;
}

/** A fresh code for a challenge: new hash, attempts reset, lifetime restarted, one resend counted. */
export async function renewChallenge(
  db: Executor,
  p: { id: string; codeHash: string | null; now: Date; expiresAt: Date; resendAvailableAt: Date; maxResends: number },
): Promise<ChallengeRow | undefined> {
  const [row] = await db
    .update(challenges)
    .set({ codeHash: p.codeHash, attempts: 0, resends: sql`${challenges.resends} + 1`, expiresAt: p.expiresAt, resendAvailableAt: p.resendAvailableAt })
    .where(and(eq(challenges.id, p.id), isNull(challenges.consumedAt), lt(challenges.resends, p.maxResends), lte(challenges.resendAvailableAt, p.now)))
    .returning();
  return row;
}

export async function deleteStaleChallenges(db: Executor, before: Date): Promise<number> {
  const rows = await db.delete(challenges).where(lt(challenges.expiresAt, before)).returning({ id: challenges.id });
  return rows.length;
}

// ---------------------------------------------------------------- activity

export async function insertActivity(
  db: Executor,
  values: { userId: string; action: string; at: Date; ip: string | null; userAgent: string | null; details?: Record<string, unknown> },
): Promise<ActivityRow> {
  const [row] = await db.insert(activityEntries).values(values).returning();
  if (!row) throw new Error('insert activity returned nothing');
  return row;
}

/** A page of the journal, newest first, keyset-paginated on (at, id). */
export async function listActivity(
  db: Executor,
  p: { userId: string; limit: number; after?: { at: Date; id: string } },
): Promise<ActivityRow[]> {
  const cursor = p.after
    ? sql`(${activityEntries.at}, ${activityEntries.id}) < (${p.after.at.toISOString()}::timestamptz, ${p.after.id}::uuid)`
    : undefined;
  return db
    .select()
    .from(activityEntries)
    .where(and(eq(activityEntries.userId, p.userId), cursor))
    .orderBy(desc(activityEntries.at), desc(activityEntries.id))
    .limit(p.limit);
}

export async function countActivity(db: Executor, userId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(activityEntries).where(eq(activityEntries.userId, userId));
  return row?.n ?? 0;
}

export async function setChallengeCode(db: Executor, id: string, codeHash: string): Promise<ChallengeRow | undefined> {
  const [row] = await db.update(challenges).set({ codeHash }).where(eq(challenges.id, id)).returning();
  return row;
}
