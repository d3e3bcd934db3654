/**
 * Who may do what with charges and payments, in one place: the citizen sees their own; admins see
 * and act on all; operators see and refund those of applications at their branch. Issuing and
 * cancelling accruals is for admins: `mayIssue` is the one place where machine clients with scope
 * CHARGES_WRITE (API keys, another module) are to be admitted.
 */
import { hasRole, type Viewer } from '../../shared/auth/viewer.js';
import type { PaymentsDeps } from './payments.deps.js';
import type { ChargeRow } from './charges.repository.js';

export class PaymentsAccess {
  constructor(private readonly deps: Pick<PaymentsDeps, 'applications'>) {}

  /** Issue or cancel accruals: admins (and, once API keys exist, clients with scope CHARGES_WRITE). */
  mayIssue(viewer: Viewer): boolean {
    return hasRole(viewer, 'ADMIN');
  }

  /** The owner, admins, and operators of the branch working on the charge's application. */
  async maySee(viewer: Viewer, charge: Pick<ChargeRow, 'userId' | 'applicationId'>): Promise<boolean> {
    if (charge.userId === viewer.userId) return true;
    return this.mayRefund(viewer, charge);
  }

  /** Admins, and operators of the branch working on the charge's application. */
  async mayRefund(viewer: Viewer, charge: Pick<ChargeRow, 'applicationId'>): Promise<boolean> {
    if (hasRole(viewer, 'ADMIN')) return true;
    if (!hasRole(viewer, 'OPERATOR') || !charge.applicationId) return false;
    const [app, branch] = await Promise.all([this.deps.applications.find(charge.applicationId), this.deps.applications.staffBranch(viewer)]);
    return app !== null && branch !== null && app.branchId === branch;
  }
}
