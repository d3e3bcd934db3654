/**
 * The payments module's door: charges and payments as a viewer may see them, and the operations
 * (issue, cancel, pay, refund), each checking the viewer first in the service it delegates to.
 */
import type { Viewer } from '../../shared/auth/viewer.js';
import type { OffsetPage } from '../../shared/pagination.js';
import * as charges from './charges.repository.js';
import type { ChargeFilterValues, ChargeRow } from './charges.repository.js';
import type { ChargesService, IssueChargeInput } from './charges.service.js';
import type { PayService } from './pay.service.js';
import type { ChargeIssuer, PaymentsAccess } from './payments.access.js';
import type { PaymentsDeps } from './payments.deps.js';
import * as repo from './payments.repository.js';
import type { PaymentRow } from './payments.repository.js';
import type { PaymentMethodName } from './provider/provider.js';
import type { RefundsService } from './refunds.service.js';
import { isPaid, toPayment } from './payments.mappers.js';
import type { Payment } from './payments.types.js';

/** Where a payment's receipt is served (payments.http.ts). */
export const receiptPath = (paymentId: string): string => `/payments/${paymentId}/receipt.pdf`;

export interface PaymentsParts {
  charges: ChargesService;
  pay: PayService;
  refunds: RefundsService;
  access: PaymentsAccess;
}

export class PaymentsService {
  constructor(
    private readonly deps: Pick<PaymentsDeps, 'db' | 'links'>,
    private readonly parts: PaymentsParts,
  ) {}

  /** A payment as GraphQL shows it to this viewer: receiptUrl signed for them (FILE_LINK_TTL_SECONDS). */
  toPayment(viewer: Viewer, row: PaymentRow): Payment {
    return toPayment(row, isPaid(row) ? this.deps.links.url(receiptPath(row.id), viewer) : null);
  }

  /** The viewer a signed receipt link stands for (null: forged, for another payment, expired, or its session ended). */
  linkViewer(path: string, sig: unknown): Promise<Viewer | null> {
    return this.deps.links.viewer(path, sig);
  }

  today(): string {
    return this.parts.charges.today();
  }

  charge(viewer: Viewer, id: string): Promise<ChargeRow | null> {
    return this.parts.charges.charge(viewer, id);
  }

  myCharges(viewer: Viewer, filter: ChargeFilterValues, first: number, after: string | null): Promise<OffsetPage<ChargeRow>> {
    return this.parts.charges.myCharges(viewer, filter, first, after);
  }

  /** A payment as the viewer may see it (its charge's rule), or null. */
  async payment(viewer: Viewer, id: string): Promise<PaymentRow | null> {
    const row = await repo.findPayment(this.deps.db, id);
    const charge = row && (await charges.findCharge(this.deps.db, row.chargeId));
    return row && charge && (await this.parts.access.maySee(viewer, charge)) ? row : null;
  }

  /** The caller's payments still waiting for the provider (paymentUpdated's current state). */
  pendingPayments(viewer: Viewer): Promise<PaymentRow[]> {
    return repo.pendingPaymentsOfUser(this.deps.db, viewer.userId);
  }

  /** The payment with its charge, for the receipt (the viewer's access checked). */
  async receipt(viewer: Viewer, id: string): Promise<{ payment: PaymentRow; charge: ChargeRow } | null> {
    const payment = await this.payment(viewer, id);
    const charge = payment && (await charges.findCharge(this.deps.db, payment.chargeId));
    return payment && charge ? { payment, charge } : null;
  }

  /** Fines and taxes: an admin or an API client with CHARGES_WRITE (chargeIssuerOf). */
  issue(issuer: ChargeIssuer, input: IssueChargeInput): Promise<ChargeRow> {
    return this.parts.charges.issue(issuer, input);
  }

  cancel(issuer: ChargeIssuer, id: string, reason: string): Promise<ChargeRow> {
    return this.parts.charges.cancel(issuer, id, reason);
  }

  pay(viewer: Viewer, chargeId: string, method: PaymentMethodName, returnUrl: string, idempotencyKey: string | null): Promise<PaymentRow> {
    return this.parts.pay.pay(viewer, chargeId, method, returnUrl, idempotencyKey);
  }

  refund(viewer: Viewer, id: string, amount: string | null | undefined, reason: string): Promise<PaymentRow> {
    return this.parts.refunds.refund(viewer, id, amount, reason);
  }
}
