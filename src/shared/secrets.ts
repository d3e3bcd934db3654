/**
 * Secrets every instance must share. Taken from the environment when given; otherwise generated
 * once and kept in the database (the first instance to start inserts, the rest read the same row).
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { appSecrets } from '../db/schema/index.js';

export async function loadOrCreateSecret(db: Database, name: string, fromEnv?: string, generate: () => string = () => randomBytes(32).toString('base64url')): Promise<string> {
  if (fromEnv) return fromEnv;
  await db
    .insert(appSecrets)
    .values({ name, value: generate() })
    .onConflictDoNothing();
  const [row] = await db.select({ value: appSecrets.value }).from(appSecrets).where(eq(appSecrets.name, name));
  if (!row) throw new Error(`secret ${name} could not be stored`);
  return row.value;
}
