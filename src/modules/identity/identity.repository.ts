/**
 * The only drizzle importer of the identity module: SSO links, passkeys and the single-use
 * challenges of the SSO, passkey and signature ceremonies. Every query is scoped by its key or
 * its owner.
 */
import { and, asc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { loginChallenges, passkeys, ssoIdentities } from '../../db/schema/index.js';

export type LoginChallengeRow = typeof loginChallenges.$inferSelect;
export type LoginChallengeKind = LoginChallengeRow['kind'];
export type PasskeyRow = typeof passkeys.$inferSelect;
export type SsoIdentityRow = typeof ssoIdentities.$inferSelect;

const loginChallengeColumns = {
  id: loginChallenges.id,
  kind: loginChallenges.kind,
  lookupHash: loginChallenges.lookupHash,
  userId: loginChallenges.userId,
  payload: loginChallenges.payload,
  ip: loginChallenges.ip,
  createdAt: loginChallenges.createdAt,
  expiresAt: loginChallenges.expiresAt,
  consumedAt: loginChallenges.consumedAt,
};

const ssoIdentityColumns = {
  id: ssoIdentities.id,
  userId: ssoIdentities.userId,
  providerId: ssoIdentities.providerId,
  issuer: ssoIdentities.issuer,
  subject: ssoIdentities.subject,
  createdAt: ssoIdentities.createdAt,
  lastLoginAt: ssoIdentities.lastLoginAt,
};

const passkeyColumns = {
  id: passkeys.id,
  userId: passkeys.userId,
  credentialId: passkeys.credentialId,
  publicKey: passkeys.publicKey,
  counter: passkeys.counter,
  transports: passkeys.transports,
  deviceType: passkeys.deviceType,
  backedUp: passkeys.backedUp,
  aaguid: passkeys.aaguid,
  name: passkeys.name,
  createdAt: passkeys.createdAt,
  lastUsedAt: passkeys.lastUsedAt,
};

// ---------------------------------------------------------------- challenges

export async function insertLoginChallenge(
  db: Executor,
  values: { kind: LoginChallengeKind; lookupHash?: string | null; userId?: string | null; payload: Record<string, unknown>; ip: string | null; now: Date; expiresAt: Date },
): Promise<LoginChallengeRow> {
  const [row] = await db
    .insert(loginChallenges)
    .values({ kind: values.kind, lookupHash: values.lookupHash ?? null, userId: values.userId ?? null, payload: values.payload, ip: values.ip, createdAt: values.now, expiresAt: values.expiresAt })
    .returning(loginChallengeColumns);
  if (!row) throw new Error('insert login_challenges returned nothing');
  return row;
}

/**
 * Takes a challenge for good: only an unused, unexpired one of that kind, and only once even
 * under parallel requests (the UPDATE is the check). A failed ceremony does not get it back.
 */
export async function consumeLoginChallenge(
  db: Executor,
  key: { id: string; userId?: string } | { lookupHash: string },
  p: { kind: LoginChallengeKind; now: Date },
): Promise<LoginChallengeRow | undefined> {
  const match =
    'id' in key
      ? and(eq(loginChallenges.id, key.id), key.userId ? eq(loginChallenges.userId, key.userId) : undefined)
      : eq(loginChallenges.lookupHash, key.lookupHash);
  const [row] = await db
    .update(loginChallenges)
    .set({ consumedAt: p.now })
    .where(and(match, eq(loginChallenges.kind, p.kind), isNull(loginChallenges.consumedAt), gt(loginChallenges.expiresAt, p.now)))
    .returning(loginChallengeColumns);
  return row;
}

export async function deleteStaleLoginChallenges(db: Executor, before: Date): Promise<number> {
  const rows = await db.delete(loginChallenges).where(lt(loginChallenges.expiresAt, before)).returning({ id: loginChallenges.id });
  return rows.length;
}

// ---------------------------------------------------------------- SSO identities

export async function findSsoIdentity(db: Executor, issuer: string, subject: string): Promise<SsoIdentityRow | undefined> {
  const [row] = await db.select(ssoIdentityColumns).from(ssoIdentities).where(and(eq(ssoIdentities.issuer, issuer), eq(ssoIdentities.subject, subject)));
  return row;
}

export async function findUserSsoIdentityAt(db: Executor, userId: string, issuer: string): Promise<SsoIdentityRow | undefined> {
  const [row] = await db.select(ssoIdentityColumns).from(ssoIdentities).where(and(eq(ssoIdentities.userId, userId), eq(ssoIdentities.issuer, issuer)));
  return row;
}

/** Links (issuer, subject) to the user; when a parallel login linked it first, answers that link. */
export async function linkSsoIdentity(
  db: Executor,
  values: { userId: string; providerId: string; issuer: string; subject: string; now: Date },
): Promise<SsoIdentityRow> {
  const [row] = await db
    .insert(ssoIdentities)
    .values({ userId: values.userId, providerId: values.providerId, issuer: values.issuer, subject: values.subject, createdAt: values.now, lastLoginAt: values.now })
    .onConflictDoNothing({ target: [ssoIdentities.issuer, ssoIdentities.subject] })
    .returning(ssoIdentityColumns);
  if (row) return row;
  const existing = await findSsoIdentity(db, values.issuer, values.subject);
  if (!existing) throw new Error('sso identity vanished after a conflict');
  return existing;
}

export async function touchSsoIdentity(db: Executor, id: string, now: Date): Promise<void> {
  await db.update(ssoIdentities).set({ lastLoginAt: now }).where(eq(ssoIdentities.id, id));
}

// ---------------------------------------------------------------- passkeys

export async function listPasskeys(db: Executor, userId: string): Promise<PasskeyRow[]> {
  return db.select(passkeyColumns).from(passkeys).where(eq(passkeys.userId, userId)).orderBy(asc(passkeys.createdAt), asc(passkeys.id));
}

export async function findPasskeyByCredentialId(db: Executor, credentialId: string): Promise<PasskeyRow | undefined> {
  const [row] = await db.select(passkeyColumns).from(passkeys).where(eq(passkeys.credentialId, credentialId));
  return row;
}

/** Adds a passkey; 'DUPLICATE' when its credential is registered already (in a savepoint). */
export async function insertPasskey(db: Executor, values: typeof passkeys.$inferInsert): Promise<PasskeyRow | 'DUPLICATE'> {
  try {
    const [row] = await db.transaction((sp) => sp.insert(passkeys).values(values).returning(passkeyColumns));
    if (!row) throw new Error('insert passkeys returned nothing');
    return row;
  } catch (err) {
    if (isUniqueViolation(err)) return 'DUPLICATE';
    throw err;
  }
}

export async function deletePasskey(db: Executor, p: { id: string; userId: string }): Promise<PasskeyRow | undefined> {
  const [row] = await db.delete(passkeys).where(and(eq(passkeys.id, p.id), eq(passkeys.userId, p.userId))).returning(passkeyColumns);
  return row;
}

/**
 * Moves the signature counter forward atomically: false when another assertion got there first
 * or the counter did not grow (a cloned authenticator or a replay). Authenticators that keep no
 * counter report 0 every time; that is accepted while the stored counter is 0 too.
 */
export async function advancePasskeyCounter(db: Executor, p: { id: string; counter: number; now: Date }): Promise<boolean> {
  const rows = await db
    .update(passkeys)
    .set({ counter: p.counter, lastUsedAt: p.now })
    .where(and(eq(passkeys.id, p.id), or(lt(passkeys.counter, p.counter), and(eq(passkeys.counter, 0), sql`${p.counter} = 0`))))
    .returning({ id: passkeys.id });
  return rows.length === 1;
}
