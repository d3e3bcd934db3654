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

/**
 * Whether the account may hold a session, with its row share-locked until the transaction ends:
 * a deactivation (which updates the row) then waits for a login in flight and ends its session
 * too, or the login waits for the deactivation and is refused.
 */
export async function lockActive(tx: Executor, userId: string): Promise<boolean> {
  const [row] = await tx.select({ deactivatedAt: users.deactivatedAt }).from(users).where(eq(users.id, userId)).for('share');
  return row !== undefined && row.deactivatedAt === null;
}

/** Sets or clears deactivated_at once: undefined when the account already was in that state. */
export async function setDeactivated(tx: Executor, userId: string, at: Date | null): Promise<string | undefined> {
  const [row] = await tx
    .update(users)
    .set({ deactivatedAt: at, updatedAt: sql`now()` })
    .where(and(eq(users.id, userId), at ? isNull(users.deactivatedAt) : sql`${users.deactivatedAt} IS NOT NULL`))
    .returning({ id: users.id });
  return row?.id;
}
