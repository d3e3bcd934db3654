/**
 * Who may do what with charges and payments, in one place: the citizen sees their own; admins see
 * and act on all; operators see and refund those of applications at their branch. Fines and taxes
 * are issued and cancelled by admins and by machine clients with scope CHARGES_WRITE (the scope is
 * checked before execution, src/server/api-scopes.ts, and again here):
 * - a client restricted to branches may not issue or cancel charges (FORBIDDEN): a fine or a tax
 *   belongs to no branch, and a branch's device or CRM has no business billing citizens;
 * - a client cancels only the charges it issued itself; others (another integrator's, an admin's,
 *   a state fee) do not exist for it (NOT_FOUND). Admins cancel any unpaid charge.
 */
import type { ApiClientPrincipal } from '../../shared/auth/api-client.js';
import { hasRole, type Viewer } from '../../shared/auth/viewer.js';
import { forbidden, unauthenticated } from '../../shared/errors.js';
import type { PaymentsDeps } from './payments.deps.js';
import type { ChargeRow } from './charges.repository.js';

/** Who issues or cancels a charge: an admin, or an API client (recorded on the charge and in the ledger). */
export type ChargeIssuer = { kind: 'user'; viewer: Viewer } | { kind: 'client'; client: ApiClientPrincipal };

/** The actor columns of the ledger and the issuer columns of a charge for this issuer. */
export const actorOf = (issuer: ChargeIssuer): { actorId: string | null; actorClientId: string | null } =>
  issuer.kind === 'user' ? { actorId: issuer.viewer.userId, actorClientId: null } : { actorId: null, actorClientId: issuer.client.clientId };

/** The caller as a charge issuer, refused (FORBIDDEN) unless an admin or an unrestricted client with CHARGES_WRITE. */
export function chargeIssuerOf(caller: { viewer: Viewer | null; apiClient?: ApiClientPrincipal | null }): ChargeIssuer {
  const client = caller.apiClient;
  if (client) {
    if (!client.scopes.includes('CHARGES_WRITE')) throw forbidden('Начисления выставляют интеграции с правом CHARGES_WRITE');
    if (client.branchIds.length > 0) throw forbidden('Клиент API, ограниченный отделениями, не выставляет и не отменяет начисления');
    return { kind: 'client', client };
  }
  if (!caller.viewer) throw unauthenticated();
  if (!hasRole(caller.viewer, 'ADMIN')) throw forbidden('Начисления выставляют администраторы и интеграции с правом CHARGES_WRITE');
  return { kind: 'user', viewer: caller.viewer };
}

export class PaymentsAccess {
  constructor(private readonly deps: Pick<PaymentsDeps, 'applications'>) {}

  /** Whether the issuer may cancel this charge: admins any, a client those it issued. */
  mayCancel(issuer: ChargeIssuer, charge: Pick<ChargeRow, 'issuedByClientId'>): boolean {
    return issuer.kind === 'user' ? hasRole(issuer.viewer, 'ADMIN') : charge.issuedByClientId === issuer.client.clientId;
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
