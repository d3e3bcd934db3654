/**
 * Charges (what a citizen owes: a state fee, a fine, a tax), the payments made at the provider for
 * them, refunds, and the append-only ledger of every movement of money. Amounts are integer
 * kopecks (bigint), never floats. The ledger refuses UPDATE and DELETE (a trigger of migration
 * payments_custom); the partial unique index keeps one PENDING payment per charge.
 */
import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, date, index, integer, pgEnum, pgSequence, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';
import { users } from './accounts.js';
import { applications } from './applications.js';
import { apiClients } from './integrations.js';

export const chargeKindEnum = pgEnum('charge_kind', ['STATE_FEE', 'FINE', 'TAX']);
export const chargeStatusEnum = pgEnum('charge_status', ['UNPAID', 'PAID', 'CANCELLED']);
export const paymentMethodEnum = pgEnum('payment_method', ['CARD', 'SBP']);
export const paymentStatusEnum = pgEnum('payment_status', ['PENDING', 'SUCCEEDED', 'FAILED', 'CANCELLED', 'REFUNDED', 'PARTIALLY_REFUNDED']);
export const refundStatusEnum = pgEnum('refund_status', ['PENDING', 'SUCCEEDED', 'FAILED']);
export const ledgerKindEnum = pgEnum('ledger_kind', ['CHARGE_ISSUED', 'CHARGE_CANCELLED', 'PAYMENT_SUCCEEDED', 'REFUND_SUCCEEDED']);

/** Serials of the УИНs the account issues itself (state fees). */
export const chargeUinSeq = pgSequence('charge_uin_seq', { startWith: 1 });

const kopecks = (name: string) => bigint(name, { mode: 'number' });

export const charges = pgTable(
  'charges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    kind: chargeKindEnum('kind').notNull(),
    uin: text('uin').notNull(),
    purpose: text('purpose').notNull(),
    payee: text('payee').notNull(),
    amountKopecks: kopecks('amount_kopecks').notNull(),
    /** What it costs paid within the discount period (a fine's half, a fee's online price). */
    discountPercent: integer('discount_percent').notNull().default(0),
    discountUntil: date('discount_until', { mode: 'string' }),
    dueDate: date('due_date', { mode: 'string' }),
    status: chargeStatusEnum('status').notNull().default('UNPAID'),
    applicationId: uuid('application_id').references(() => applications.id, { onDelete: 'set null' }),
    /** The admin who issued it; staff and API clients are deactivated or revoked, never deleted. */
    issuedBy: uuid('issued_by').references(() => users.id, { onDelete: 'restrict' }),
    /** The API client (scope CHARGES_WRITE) that issued it. */
    issuedByClientId: uuid('issued_by_client_id').references(() => apiClients.id, { onDelete: 'restrict' }),
    issuedAt: ts('issued_at').notNull().defaultNow(),
    paidAt: ts('paid_at'),
    cancelledAt: ts('cancelled_at'),
    cancelReason: text('cancel_reason'),
    dueRemindedAt: ts('due_reminded_at'),
  },
  (t) => [
    uniqueIndex('charges_uin_key').on(t.uin),
    uniqueIndex('charges_application_fee_key').on(t.applicationId).where(sql`${t.kind} = 'STATE_FEE'`),
    index('charges_user_idx').on(t.userId, t.issuedAt),
    index('charges_due_idx').on(t.dueDate).where(sql`${t.status} = 'UNPAID'`),
    check('charges_amount_positive', sql`${t.amountKopecks} > 0`),
    check('charges_discount_range', sql`${t.discountPercent} BETWEEN 0 AND 100`),
    // Exactly one issuer (an admin or an API client); only a state fee may have none (the system issued it).
    check('charges_one_issuer', sql`num_nonnulls(${t.issuedBy}, ${t.issuedByClientId}) = 1 OR (${t.kind} = 'STATE_FEE' AND ${t.issuedBy} IS NULL AND ${t.issuedByClientId} IS NULL)`),
  ],
);

export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    chargeId: uuid('charge_id').notNull().references(() => charges.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    amountKopecks: kopecks('amount_kopecks').notNull(),
    method: paymentMethodEnum('method').notNull(),
    status: paymentStatusEnum('status').notNull().default('PENDING'),
    providerPaymentId: text('provider_payment_id'),
    confirmationUrl: text('confirmation_url'),
    returnUrl: text('return_url').notNull(),
    refundedKopecks: kopecks('refunded_kopecks').notNull().default(0),
    failureReason: text('failure_reason'),
    idempotencyKey: text('idempotency_key'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    paidAt: ts('paid_at'),
  },
  (t) => [
    uniqueIndex('payments_one_pending_key').on(t.chargeId).where(sql`${t.status} = 'PENDING'`),
    uniqueIndex('payments_provider_key').on(t.providerPaymentId),
    uniqueIndex('payments_idempotency_key').on(t.userId, t.idempotencyKey),
    index('payments_charge_idx').on(t.chargeId, t.createdAt),
    index('payments_pending_idx').on(t.createdAt).where(sql`${t.status} = 'PENDING'`),
    check('payments_amount_positive', sql`${t.amountKopecks} > 0`),
    check('payments_refund_bounds', sql`${t.refundedKopecks} BETWEEN 0 AND ${t.amountKopecks}`),
  ],
);

export const refunds = pgTable(
  'refunds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    paymentId: uuid('payment_id').notNull().references(() => payments.id, { onDelete: 'cascade' }),
    amountKopecks: kopecks('amount_kopecks').notNull(),
    reason: text('reason').notNull(),
    status: refundStatusEnum('status').notNull().default('PENDING'),
    providerRefundId: text('provider_refund_id'),
    /** Staff who asked; null for the automatic ones (a duplicate payment, a rejected application). */
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    settledAt: ts('settled_at'),
  },
  (t) => [
    uniqueIndex('refunds_provider_key').on(t.providerRefundId),
    index('refunds_payment_idx').on(t.paymentId),
    index('refunds_pending_idx').on(t.createdAt).where(sql`${t.status} = 'PENDING'`),
    check('refunds_amount_positive', sql`${t.amountKopecks} > 0`),
  ],
);

/** Every movement of money, signed kopecks from the citizen's side: issued +, paid -, refunded +. Append-only. */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: ledgerKindEnum('kind').notNull(),
    chargeId: uuid('charge_id').notNull().references(() => charges.id),
    paymentId: uuid('payment_id').references(() => payments.id),
    refundId: uuid('refund_id').references(() => refunds.id),
    amountKopecks: kopecks('amount_kopecks').notNull(),
    note: text('note'),
    /** Who moved it when a person or a machine did (issuing, cancelling): a user, or an API client. */
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'restrict' }),
    actorClientId: uuid('actor_client_id').references(() => apiClients.id, { onDelete: 'restrict' }),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [
    index('ledger_charge_idx').on(t.chargeId, t.id),
    uniqueIndex('ledger_payment_once_key').on(t.paymentId).where(sql`${t.kind} = 'PAYMENT_SUCCEEDED'`),
    uniqueIndex('ledger_refund_once_key').on(t.refundId).where(sql`${t.kind} = 'REFUND_SUCCEEDED'`),
    check('ledger_one_actor', sql`num_nonnulls(${t.actorId}, ${t.actorClientId}) <= 1`),
  ],
);
