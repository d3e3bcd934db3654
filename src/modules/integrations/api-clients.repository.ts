/** The only drizzle importer for machine clients: their rows, looked up by key hash. */
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { apiClients } from '../../db/schema/index.js';

export type ApiClientRow = Omit<typeof apiClients.$inferSelect, 'keyHash'>;

const columns = {
  id: apiClients.id,
  name: apiClients.name,
  scopes: apiClients.scopes,
  branchIds: apiClients.branchIds,
  keyPrefix: apiClients.keyPrefix,
  createdBy: apiClients.createdBy,
  createdAt: apiClients.createdAt,
  lastUsedAt: apiClients.lastUsedAt,
  revokedAt: apiClients.revokedAt,
};

export async function insertClient(db: Executor, values: typeof apiClients.$inferInsert): Promise<ApiClientRow> {
  const [row] = await db.insert(apiClients).values(values).returning(columns);
  if (!row) throw new Error('api client not inserted');
  return row;
}

export async function listClients(db: Executor): Promise<ApiClientRow[]> {
  return db.select(columns).from(apiClients).orderBy(desc(apiClients.createdAt), desc(apiClients.id));
}

export async function findClient(db: Executor, id: string): Promise<ApiClientRow | undefined> {
  const [row] = await db.select(columns).from(apiClients).where(eq(apiClients.id, id));
  return row;
}

/** The live (not revoked) client whose key has this hash. */
export async function findLiveByHash(db: Executor, keyHash: string): Promise<ApiClientRow | undefined> {
  const [row] = await db.select(columns).from(apiClients).where(and(eq(apiClients.keyHash, keyHash), isNull(apiClients.revokedAt)));
  return row;
}

/** A new key for a live client (the old one stops working at once); undefined when none or revoked. */
export async function replaceKey(db: Executor, id: string, key: { keyHash: string; keyPrefix: string }): Promise<ApiClientRow | undefined> {
  const [row] = await db.update(apiClients).set(key).where(and(eq(apiClients.id, id), isNull(apiClients.revokedAt))).returning(columns);
  return row;
}

/** Revokes once: the first revocation's time stays. */
export async function revoke(db: Executor, id: string, at: Date): Promise<ApiClientRow | undefined> {
  await db.update(apiClients).set({ revokedAt: at }).where(and(eq(apiClients.id, id), isNull(apiClients.revokedAt)));
  return findClient(db, id);
}

export async function touch(db: Executor, id: string, at: Date): Promise<void> {
  await db.update(apiClients).set({ lastUsedAt: at }).where(eq(apiClients.id, id));
}
