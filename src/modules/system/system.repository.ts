/**
 * The only drizzle importer of the system module: the JWT signing keys (`signing_keys`) and the
 * generated secrets every instance shares (`app_secrets`). Explicit columns everywhere.
 */
import { gt, desc, eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import { appSecrets, signingKeys } from '../../db/schema/index.js';

/** Serializes key generation across instances (pg_advisory_xact_lock). */
const ROTATION_LOCK_ID = 7_302_019_002;

const signingKeyColumns = {
  kid: signingKeys.kid,
  alg: signingKeys.alg,
  privateJwk: signingKeys.privateJwk,
  publicJwk: signingKeys.publicJwk,
  createdAt: signingKeys.createdAt,
  signUntil: signingKeys.signUntil,
  verifyUntil: signingKeys.verifyUntil,
};

export type SigningKeyRow = typeof signingKeys.$inferSelect;
export type NewSigningKeyRow = typeof signingKeys.$inferInsert;

/** Keys that still verify at `now`, newest first. */
export async function listVerifyingKeys(db: Executor, now: Date): Promise<SigningKeyRow[]> {
  return db.select(signingKeyColumns).from(signingKeys).where(gt(signingKeys.verifyUntil, now)).orderBy(desc(signingKeys.createdAt));
}

export async function hasSigningKey(db: Executor, now: Date): Promise<boolean> {
  const rows = await db.select({ kid: signingKeys.kid }).from(signingKeys).where(gt(signingKeys.signUntil, now)).limit(1);
  return rows.length > 0;
}

/**
 * Inserts the key `make()` builds unless one signs at `now` already, under an advisory lock so
 * instances starting together agree on one key. `make` runs only when a key is needed.
 */
export async function insertSigningKeyUnlessPresent(db: Database, now: Date, make: () => Promise<NewSigningKeyRow>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ROTATION_LOCK_ID})`);
    if (await hasSigningKey(tx, now)) return;
    await tx.insert(signingKeys).values(await make());
  });
}

/** Inserts the secret unless a row with that name exists, then answers the stored value. */
export async function insertSecretIfAbsent(db: Executor, name: string, value: string): Promise<string | undefined> {
  await db.insert(appSecrets).values({ name, value }).onConflictDoNothing();
  const [row] = await db.select({ value: appSecrets.value }).from(appSecrets).where(eq(appSecrets.name, name));
  return row?.value;
}
