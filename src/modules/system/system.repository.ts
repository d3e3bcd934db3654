/**
 * The only drizzle importer of the system module: the JWT signing keys (`signing_keys`) and the
 * generated secrets every instance shares (`app_secrets`). Explicit columns everywhere. A signing
 * key's private JWK is sealed at rest as `{ "sealed": "enc:v1:…" }` (the data cipher); rows written
 * before that hold the plain JWK and are read as they are until `rotate-data-key` re-seals them.
 */
import { gt, desc, eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import { staleSeal, type ResealCount } from '../../db/reseal.js';
import type { FieldCipher } from '../../shared/crypto/field-cipher.js';
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
export async function listVerifyingKeys(db: Executor, cipher: FieldCipher, now: Date): Promise<SigningKeyRow[]> {
  const rows = await db.select(signingKeyColumns).from(signingKeys).where(gt(signingKeys.verifyUntil, now)).orderBy(desc(signingKeys.createdAt));
  return rows.map((row) => ({ ...row, privateJwk: openJwk(cipher, row.privateJwk) }));
}

type Jwk = Record<string, unknown>;

function sealJwk(cipher: FieldCipher, jwk: Jwk): Jwk {
  return { sealed: cipher.seal(JSON.stringify(jwk)) };
}

function openJwk(cipher: FieldCipher, stored: Jwk): Jwk {
  return typeof stored.sealed === 'string' ? (JSON.parse(cipher.open(stored.sealed)) as Jwk) : stored;
}

/** Re-seals private keys not sealed with the current data key, a batch per short transaction. */
export async function resealSigningKeys(db: Database, cipher: FieldCipher, batchSize: number): Promise<ResealCount> {
  const sealedText = sql`coalesce(${signingKeys.privateJwk}->>'sealed', '')`;
  let resealed = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const rows = await tx.select({ kid: signingKeys.kid, privateJwk: signingKeys.privateJwk }).from(signingKeys).where(staleSeal(sealedText, cipher)).limit(batchSize).for('update');
      for (const row of rows) {
        await tx.update(signingKeys).set({ privateJwk: sealJwk(cipher, openJwk(cipher, row.privateJwk)) }).where(eq(signingKeys.kid, row.kid));
      }
      return rows.length;
    });
    resealed += done;
    if (done < batchSize) return { table: 'signing_keys', resealed };
  }
}

export async function hasSigningKey(db: Executor, now: Date): Promise<boolean> {
  const rows = await db.select({ kid: signingKeys.kid }).from(signingKeys).where(gt(signingKeys.signUntil, now)).limit(1);
  return rows.length > 0;
}

/**
 * Inserts the key `make()` builds unless one signs at `now` already, under an advisory lock so
 * instances starting together agree on one key. `make` runs only when a key is needed.
 */
export async function insertSigningKeyUnlessPresent(db: Database, cipher: FieldCipher, now: Date, make: () => Promise<NewSigningKeyRow>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ROTATION_LOCK_ID})`);
    if (await hasSigningKey(tx, now)) return;
    const row = await make();
    await tx.insert(signingKeys).values({ ...row, privateJwk: sealJwk(cipher, row.privateJwk) });
  });
}

/** Inserts the secret unless a row with that name exists, then answers the stored value. */
export async function insertSecretIfAbsent(db: Executor, name: string, value: string): Promise<string | undefined> {
  await db.insert(appSecrets).values({ name, value }).onConflictDoNothing();
  const [row] = await db.select({ value: appSecrets.value }).from(appSecrets).where(eq(appSecrets.name, name));
  return row?.value;
}
