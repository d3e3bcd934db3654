/**
 * Who may see which application: the applicant their own, staff of its branch (drafts never),
 * admins any; anything else is NOT_FOUND, so ids cannot be probed. A citizen's look-ups are scoped
 * to them in the query itself.
 */
import { AppError, ErrorCode, notFound } from '../../shared/errors.js';
import { hasRole, isStaff, type Viewer } from '../../shared/auth/viewer.js';
import { isUuid } from '../../shared/ids.js';
import type { UserRow } from '../accounts/index.js';
import type { ApplicationsDeps } from './applications.deps.js';
import * as repo from './applications.repository.js';
import type { ApplicationRow } from './applications.repository.js';

export class ApplicationAccess {
  constructor(private readonly deps: Pick<ApplicationsDeps, 'db' | 'accounts'>) {}

  /** The application as the viewer may see it: the applicant's own, staff of its branch, any for admins. */
  async application(viewer: Viewer, id: string): Promise<ApplicationRow | null> {
    if (!isUuid(id)) return null;
    if (!isStaff(viewer)) return (await repo.findOwn(this.deps.db, id, viewer.userId)) ?? null;
    const row = await repo.findApplication(this.deps.db, id);
    if (!row) return null;
    return (await this.maySee(viewer, row)) ? row : null;
  }

  private async maySee(viewer: Viewer, row: ApplicationRow): Promise<boolean> {
    if (row.userId === viewer.userId) return true;
    if (row.status === 'DRAFT') return false;
    if (hasRole(viewer, 'ADMIN')) return true;
    if (!hasRole(viewer, 'OPERATOR')) return false;
    return row.branchId !== null && (await this.staffBranch(viewer)) === row.branchId;
  }

  /** The branch an operator works at (null for anyone else). */
  async staffBranch(viewer: Viewer): Promise<string | null> {
    if (!hasRole(viewer, 'OPERATOR')) return null;
    return (await this.deps.accounts.userById(viewer.userId))?.staffBranchId ?? null;
  }

  /** The caller's own application, or NOT_FOUND. */
  async requireOwn(viewer: Viewer, id: string): Promise<ApplicationRow> {
    const row = isUuid(id) ? await repo.findOwn(this.deps.db, id, viewer.userId) : undefined;
    if (!row) throw notFound('Заявление');
    return row;
  }

  async requireUser(viewer: Viewer): Promise<UserRow> {
    const user = await this.deps.accounts.userById(viewer.userId);
    if (!user) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Учётная запись не найдена');
    return user;
  }
}
