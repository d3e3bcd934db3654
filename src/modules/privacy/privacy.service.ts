/**
 * The one rule for staff access to a citizen's personal data, and its record. Operators see a
 * citizen while the citizen has open business at the operator's branch, as bookings, the queue,
 * applications and chat answer through their doors (this module never reads their tables);
 * admins see everyone; staff accounts are not citizens' data. Every staff read or change is
 * written to the data access log, which the citizen reads as `myDataAccessLog`.
 */
import type { Database, Executor } from '../../db/client.js';
import { hasRole, type Viewer } from '../../shared/auth/viewer.js';
import type { Clock } from '../../shared/clock.js';
import { isUuid } from '../../shared/ids.js';
import { decodeCursor, encodeCursor, type Page } from '../../shared/pagination.js';
import type { CitizenBranchLinks, CitizenScope, DataAccess, StaffAccess } from '../../shared/staff-access.js';
import type { AccountsDirectory } from '../accounts/index.js';
import * as repo from './privacy.repository.js';
import type { DataAccessRow } from './privacy.repository.js';

export interface PrivacyDeps {
  db: Database;
  clock: Clock;
  accounts: AccountsDirectory;
  /** Bookings, the queue, applications and chat: "does this citizen have something at this branch". */
  links: readonly CitizenBranchLinks[];
}

export class StaffAccessService implements StaffAccess {
  constructor(private readonly deps: PrivacyDeps) {}

  async canSeeCitizen(viewer: Viewer, citizenId: string): Promise<boolean> {
    if (viewer.userId === citizenId || hasRole(viewer, 'ADMIN')) return true;
    if (!hasRole(viewer, 'OPERATOR') || !isUuid(citizenId)) return false;
    const branchId = await this.branchOf(viewer);
    if (!branchId) return false;
    const answers = await Promise.all(this.deps.links.map((l) => l.hasCitizenAt(citizenId, branchId)));
    if (answers.some(Boolean)) return true;
    // A staff account (an operator's result document, a colleague) holds no citizen's data.
    const target = await this.deps.accounts.userById(citizenId);
    return target !== undefined && target.roles.some((r) => r !== 'CITIZEN');
  }

  async scope(viewer: Viewer): Promise<CitizenScope> {
    if (hasRole(viewer, 'ADMIN')) return { all: true };
    const branchId = hasRole(viewer, 'OPERATOR') ? await this.branchOf(viewer) : null;
    if (!branchId) return { all: false, citizenIds: [] };
    const lists = await Promise.all(this.deps.links.map((l) => l.citizensAt(branchId)));
    return { all: false, citizenIds: [...new Set(lists.flat())] };
  }

  async record(viewer: Viewer, accesses: readonly DataAccess[], tx: Executor = this.deps.db): Promise<void> {
    const isAdmin = hasRole(viewer, 'ADMIN');
    if (!isAdmin && !hasRole(viewer, 'OPERATOR')) return;
    const others = accesses.filter((a) => a.citizenId !== viewer.userId);
    if (others.length === 0) return;
    const branchId = await this.branchOf(viewer);
    // Milliseconds, like the cursor: a page boundary never falls inside a timestamp.
    const at = this.deps.clock.now();
    await repo.insertAccesses(
      tx,
      others.map((a) => ({ citizenId: a.citizenId, staffId: viewer.userId, staffRole: isAdmin ? ('ADMIN' as const) : ('OPERATOR' as const), branchId, action: a.action, subject: a.subject, at })),
    );
  }

  /** The caller's own log, newest first. */
  async myLog(viewer: Viewer, first: number, after: string | null | undefined): Promise<Page<DataAccessRow>> {
    const limit = Math.min(Math.max(first, 1), 100);
    const cursor = after ? decodeCursor(after) : undefined;
    const rows = await repo.listAccesses(this.deps.db, { citizenId: viewer.userId, limit: limit + 1, after: cursor });
    const nodes = rows.slice(0, limit);
    const last = nodes.at(-1);
    return {
      nodes,
      pageInfo: { hasNextPage: rows.length > limit, endCursor: last ? encodeCursor({ at: last.at, id: last.id }) : null },
      totalCount: () => repo.countAccesses(this.deps.db, viewer.userId),
    };
  }

  /** One entry of the caller's own log (node(id)). */
  async entry(viewer: Viewer, id: string): Promise<DataAccessRow | null> {
    if (!isUuid(id)) return null;
    return (await repo.findAccess(this.deps.db, id, viewer.userId)) ?? null;
  }

  private async branchOf(viewer: Viewer): Promise<string | null> {
    return (await this.deps.accounts.userById(viewer.userId))?.staffBranchId ?? null;
  }
}
