/** Rows → GraphQL objects of charges and payments; money as decimal strings of exact kopecks. */
import type { ChargeRow } from './charges.repository.js';
import type { PaymentRow } from './payments.repository.js';
import { formatKopecks, payableKopecks } from './payments.rules.js';
import { ChargeKind, ChargeStatus, PaymentMethod, PaymentStatus, type Charge, type Payment } from './payments.types.js';

const rub = (kopecks: number) => ({ amount: formatKopecks(kopecks), currency: 'RUB' });

/** `today` (Moscow) decides whether the discount applies now. */
export function toCharge(row: ChargeRow, today: string): Charge {
  return {
    id: row.id,
    userId: row.userId,
    applicationId: row.applicationId,
    uin: row.uin,
    kind: ChargeKind[row.kind],
    purpose: row.purpose,
    payee: row.payee,
    amount: rub(row.amountKopecks),
    payableAmount: rub(row.status === 'UNPAID' ? payableKopecks(row, today) : row.amountKopecks),
    discountUntil: row.discountUntil,
    dueDate: row.dueDate,
    status: ChargeStatus[row.status],
    issuedAt: row.issuedAt,
  };
}

const PAID = new Set(['SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED']);

/** Whether the payment went through (a receipt exists), refunded since or not. */
export const isPaid = (row: Pick<PaymentRow, 'status'>): boolean => PAID.has(row.status);

/** `receiptUrl`: the signed link of the receipt for the viewer (PaymentsService.toPayment), null before payment. */
export function toPayment(row: PaymentRow, receiptUrl: string | null): Payment {
  return {
    id: row.id,
    chargeId: row.chargeId,
    userId: row.userId,
    amount: rub(row.amountKopecks),
    method: PaymentMethod[row.method],
    status: PaymentStatus[row.status],
    confirmationUrl: row.status === 'PENDING' ? row.confirmationUrl : null,
    refundedAmount: rub(row.refundedKopecks),
    failureReason: row.failureReason,
    receiptUrl: isPaid(row) ? receiptUrl : null,
    createdAt: row.createdAt,
    paidAt: row.paidAt,
  };
}
