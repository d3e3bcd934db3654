/**
 * Staff accounts as lists: who works where (the recipients of a branch's alerts) and the
 * administrators' paged list. Ids only: the rows themselves are read (and opened) through the
 * users repository.
 */
import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { users } from '../../db/schema/index.js';

type StaffRole = 'OPERATOR' | 'ADMIN';

const hasRoleSql = (role: StaffRole) => sql`${role}::role = ANY(${users.roles})`;

/** Active staff of a role; for operators `branchId` narrows to a branch (null: those without one; undefined: all). */
export async function activeStaffIds(db: Executor, p: { role: StaffRole; branchId?: string | null }): Promise<string[]> {
  const conds: SQL[] = [hasRoleSql(p.role), isNull(users.deactivatedAt)];
  if (p.branchId !== undefined) conds.push(p.branchId === null ? isNull(users.staffBranchId) : eq(users.staffBranchId, p.branchId));
  const rows = await db.select({ id: users.id }).from(users).where(and(...conds)).orderBy(asc(users.id)).limit(500);
  return rows.map((r) => r.id);
}

/** A page of staff (operators and admins) by name, with the total. */
export async function staffPage(
  db: Executor,
  p: { branchId: string | null; role: StaffRole | null; includeInactive: boolean; limit: number; offset: number },
): Promise<{ ids: string[]; total: number }> {
  const conds: SQL[] = [p.role ? hasRoleSql(p.role) : sql`${users.roles} && ARRAY['OPERATOR','ADMIN']::role[]`];
  if (p.branchId) conds.push(eq(users.staffBranchId, p.branchId));
  if (!p.includeInactive) conds.push(isNull(users.deactivatedAt));
  const rows = await db
    .select({ id: users.id, total: sql<number>`count(*) OVER ()::int` })
    .from(users)
    .where(and(...conds))
    .orderBy(asc(users.lastName), asc(users.firstName), asc(users.id))
    .limit(p.limit)
    .offset(p.offset);
  return { ids: rows.map((r) => r.id), total: rows[0]?.total ?? 0 };
}
