/** The only drizzle importer of the privacy module: the data access log, every read naming its columns. */
import { and, count, desc, eq, lt, or } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { dataAccessLog } from '../../db/schema/index.js';
import type { KeysetCursor } from '../../shared/pagination.js';

export type DataAccessRow = typeof dataAccessLog.$inferSelect;

const columns = {
  id: dataAccessLog.id,
  citizenId: dataAccessLog.citizenId,
  staffId: dataAccessLog.staffId,
  staffRole: dataAccessLog.staffRole,
  branchId: dataAccessLog.branchId,
  action: dataAccessLog.action,
  subject: dataAccessLog.subject,
  at: dataAccessLog.at,
};

export async function insertAccesses(db: Executor, values: Array<typeof dataAccessLog.$inferInsert>): Promise<void> {
  if (values.length === 0) return;
  await db.insert(dataAccessLog).values(values);
}

/** The citizen's log, newest first, from a keyset position. */
export function listAccesses(db: Executor, p: { citizenId: string; limit: number; after?: KeysetCursor }): Promise<DataAccessRow[]> {
  const { after } = p;
  const position = after ? or(lt(dataAccessLog.at, after.at), and(eq(dataAccessLog.at, after.at), lt(dataAccessLog.id, after.id))) : undefined;
  return db
    .select(columns)
    .from(dataAccessLog)
    .where(and(eq(dataAccessLog.citizenId, p.citizenId), position))
    .orderBy(desc(dataAccessLog.at), desc(dataAccessLog.id))
    .limit(p.limit);
}

export async function countAccesses(db: Executor, citizenId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(dataAccessLog).where(eq(dataAccessLog.citizenId, citizenId));
  return row?.n ?? 0;
}

export async function findAccess(db: Executor, id: string, citizenId: string): Promise<DataAccessRow | undefined> {
  const [row] = await db.select(columns).from(dataAccessLog).where(and(eq(dataAccessLog.id, id), eq(dataAccessLog.citizenId, citizenId)));
  return row;
}
