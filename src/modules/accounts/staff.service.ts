/**
 * Staff accounts over their whole life, for admins: the list (by branch and role, inactive ones on
 * request), edits of roles, branch and name, deactivation and reactivation. Deactivation, in one
 * transaction: the account is marked, every session ends (and the revocation is broadcast, so
 * every instance drops it and closes its sockets at once), and the cases the person had taken go
 * back to their line (through the handlers other modules register). Every login method ends in
 * SessionService.startSession, which refuses a deactivated account. Every change is journalled in
 * the staff member's activity journal with the admin who made it.
 */
import type { Executor } from '../../db/client.js';
import { hasRole, type Viewer } from '../../shared/auth/viewer.js';
import { badInput, conflict, forbidden, notFound, preconditionFailed, type FieldProblem } from '../../shared/errors.js';
import { isUuid } from '../../shared/ids.js';
import { decodeOffset, offsetPage, type OffsetPage } from '../../shared/pagination.js';
import type { RequestMeta } from '../../shared/request-meta.js';
import { stripBidiControls } from '../../shared/bidi.js';
import type { AccountsDeps } from './accounts.deps.js';
import type { UserRow } from './accounts.repository.js';
import type { AccountJournal } from './journal.service.js';
import * as sessions from './sessions.repository.js';
import * as staff from './staff.repository.js';

type StaffRole = 'OPERATOR' | 'ADMIN';

export interface StaffUpdate {
  roles?: ReadonlyArray<'CITIZEN' | StaffRole> | null;
  branchId?: string | null;
  lastName?: string | null;
  firstName?: string | null;
  middleName?: string | null;
}

/** Gives a deactivated staff member's open work back to its line; answers how many items. */
export type ReleaseWork = (tx: Executor, staffId: string) => Promise<number>;

const isStaff = (u: UserRow) => u.roles.includes('OPERATOR') || u.roles.includes('ADMIN');

export class StaffAdmin {
  private readonly releasers: ReleaseWork[] = [];

  constructor(
    private readonly deps: AccountsDeps,
    private readonly journal: AccountJournal,
  ) {}

  /** Registered by the composition root: feedback's cases (chats are never assigned to a person). */
  whenDeactivated(release: ReleaseWork): void {
    this.releasers.push(release);
  }

  async list(viewer: Viewer, f: { branchId?: string | null; role?: StaffRole | null; includeInactive?: boolean | null }, first: number | null, after: string | null): Promise<OffsetPage<UserRow>> {
    if (!hasRole(viewer, 'ADMIN')) throw forbidden();
    const limit = Math.min(Math.max(first ?? 20, 1), 100);
    const offset = after ? decodeOffset(after) : 0;
    if (f.branchId && !isUuid(f.branchId)) return offsetPage([], 0, offset);
    const { db, users } = this.deps;
    const page = await staff.staffPage(db, { branchId: f.branchId ?? null, role: f.role ?? null, includeInactive: f.includeInactive ?? false, limit, offset });
    const rows = new Map((await users.findUsersByIds(db, page.ids)).map((u) => [u.id, u]));
    return offsetPage(page.ids.map((id) => rows.get(id)).filter((u): u is UserRow => u !== undefined), page.total, offset);
  }

  async update(viewer: Viewer, id: string, input: StaffUpdate, meta: RequestMeta): Promise<UserRow> {
    const target = await this.target(viewer, id);
    const values = this.checked(target, input);
    if (values.roles && target.id === viewer.userId && !values.roles.includes('ADMIN')) throw preconditionFailed('Нельзя снять с себя роль администратора', { rule: 'SELF_DEMOTION' });
    let ended: string[] = [];
    const updated = await this.deps.db.transaction(async (tx) => {
      const row = await this.deps.users.changeUser(tx, target.id, values);
      if (this.deps.users.isWriteConflict(row)) throw conflict('Неизвестное отделение', 'input.branchId');
      const rolesChanged = values.roles !== undefined && values.roles.join() !== target.roles.join();
      // Roles travel in access tokens: a change of roles ends the sessions, the new ones carry the new roles.
      ended = rolesChanged ? await this.endSessions(tx, target.id, 'ROLES_CHANGED') : [];
      await this.journal.record(tx, target.id, 'STAFF_UPDATED', meta, { by: viewer.userId, changes: values, sessionsEnded: ended.length });
      return row;
    });
    await this.deps.sessionEvents.revoked(ended);
    return updated;
  }

  async deactivate(viewer: Viewer, id: string, meta: RequestMeta): Promise<UserRow> {
    const target = await this.target(viewer, id);
    if (target.id === viewer.userId) throw preconditionFailed('Нельзя отключить свою учётную запись', { rule: 'SELF_DEACTIVATION' });
    let ended: string[] = [];
    const row = await this.deps.db.transaction(async (tx) => {
      if (!(await staff.setDeactivated(tx, target.id, this.deps.clock.now()))) throw preconditionFailed('Учётная запись уже отключена', { rule: 'ALREADY_INACTIVE' });
      ended = await this.endSessions(tx, target.id, 'DEACTIVATED');
      let released = 0;
      for (const release of this.releasers) released += await release(tx, target.id);
      await this.journal.record(tx, target.id, 'STAFF_DEACTIVATED', meta, { by: viewer.userId, sessionsEnded: ended.length, casesReleased: released });
      return (await this.deps.users.findUserById(tx, target.id)) ?? target;
    });
    // After the commit: every instance drops the sessions from its cache and closes their sockets.
    await this.deps.sessionEvents.revoked(ended);
    return row;
  }

  async reactivate(viewer: Viewer, id: string, meta: RequestMeta): Promise<UserRow> {
    const target = await this.target(viewer, id);
    return this.deps.db.transaction(async (tx) => {
      if (!(await staff.setDeactivated(tx, target.id, null))) throw preconditionFailed('Учётная запись не отключена', { rule: 'ALREADY_ACTIVE' });
      await this.journal.record(tx, target.id, 'STAFF_REACTIVATED', meta, { by: viewer.userId });
      return (await this.deps.users.findUserById(tx, target.id)) ?? target;
    });
  }

  /** Revokes every session of the user in the transaction; the caller broadcasts the ids after the commit. */
  private endSessions(tx: Executor, userId: string, reason: string): Promise<string[]> {
    return sessions.revokeUserSessions(tx, { userId, now: this.deps.clock.now(), reason });
  }

  private async target(viewer: Viewer, id: string): Promise<UserRow> {
    if (!hasRole(viewer, 'ADMIN')) throw forbidden();
    const user = isUuid(id) ? await this.deps.users.findUserById(this.deps.db, id) : undefined;
    if (!user || !isStaff(user)) throw notFound('Сотрудник');
    return user;
  }

  private checked(target: UserRow, input: StaffUpdate): Partial<Pick<UserRow, 'roles' | 'staffBranchId' | 'lastName' | 'firstName' | 'middleName'>> {
    const problems: FieldProblem[] = [];
    const out: Partial<Pick<UserRow, 'roles' | 'staffBranchId' | 'lastName' | 'firstName' | 'middleName'>> = {};
    if (input.roles) {
      const roles = [...new Set(input.roles)].filter((r): r is StaffRole => r === 'OPERATOR' || r === 'ADMIN');
      if (roles.length === 0 || roles.length !== new Set(input.roles).size) problems.push({ field: 'input.roles', message: 'Сотрудник — это OPERATOR и (или) ADMIN' });
      out.roles = roles.sort();
    }
    if (input.branchId !== undefined) {
      if (input.branchId !== null && !isUuid(input.branchId)) problems.push({ field: 'input.branchId', message: 'Неизвестное отделение' });
      out.staffBranchId = input.branchId;
    }
    const roles = out.roles ?? target.roles;
    if (roles.includes('OPERATOR') && !(out.staffBranchId !== undefined ? out.staffBranchId : target.staffBranchId)) problems.push({ field: 'input.branchId', message: 'Укажите отделение оператора' });
    for (const field of ['lastName', 'firstName'] as const) {
      const v = input[field];
      if (v === undefined || v === null) continue;
      if (!stripBidiControls(v).trim()) problems.push({ field: `input.${field}`, message: 'Поле обязательно' });
      out[field] = stripBidiControls(v).trim();
    }
    if (input.middleName !== undefined) out.middleName = input.middleName ? stripBidiControls(input.middleName).trim() || null : null;
    if (problems.length > 0) throw badInput(problems);
    return out;
  }
}
