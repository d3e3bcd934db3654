/**
 * One-time-code challenges (drizzle, private to the accounts module): every query by the
 * challenge's id, explicit columns throughout.
 */
import { and, eq, gt, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { challenges } from '../../db/schema/index.js';

export type ChallengeRow = typeof challenges.$inferSelect;

const challengeColumns = {
  id: challenges.id,
  purpose: challenges.purpose,
  channel: challenges.channel,
  userId: challenges.userId,
  destination: challenges.destination,
  codeHash: challenges.codeHash,
  attempts: challenges.attempts,
  maxAttempts: challenges.maxAttempts,
  resends: challenges.resends,
  expiresAt: challenges.expiresAt,
  resendAvailableAt: challenges.resendAvailableAt,
  consumedAt: challenges.consumedAt,
  payload: challenges.payload,
  ip: challenges.ip,
  createdAt: challenges.createdAt,
};

export async function insertChallenge(db: Executor, values: typeof challenges.$inferInsert): Promise<ChallengeRow> {
  const [row] = await db.insert(challenges).values(values).returning(challengeColumns);
  if (!row) throw new Error('insert challenges returned nothing');
  return row;
}

export async function findChallenge(db: Executor, id: string): Promise<ChallengeRow | undefined> {
  const [row] = await db.select(challengeColumns).from(challenges).where(eq(challenges.id, id));
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
    .returning(challengeColumns);
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
    .returning(challengeColumns);
  return row;
}

export async function setChallengeCode(db: Executor, id: string, codeHash: string): Promise<ChallengeRow | undefined> {
  const [row] = await db.update(challenges).set({ codeHash }).where(eq(challenges.id, id)).returning(challengeColumns);
  return row;
}

export async function deleteStaleChallenges(db: Executor, before: Date): Promise<number> {
  const rows = await db.delete(challenges).where(lt(challenges.expiresAt, before)).returning({ id: challenges.id });
  return rows.length;
}
