/** GraphQL types of charges and payments (contract v2, "payments"). */
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, DateTimeScalar } from '../../shared/graphql/scalars.js';
import { Node, PageInfo } from '../../shared/graphql/relay.js';
import { Money } from '../catalog/index.js';

export enum ChargeKind {
  STATE_FEE = 'STATE_FEE',
  FINE = 'FINE',
  TAX = 'TAX',
}
registerEnumType(ChargeKind, {
  name: 'ChargeKind',
  description: 'What a charge is for.',
  valuesConfig: { STATE_FEE: { description: 'A state fee of an application.' }, FINE: { description: 'A fine.' }, TAX: { description: 'A tax.' } },
});

export enum ChargeStatus {
  UNPAID = 'UNPAID',
  PAID = 'PAID',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ChargeStatus, {
  name: 'ChargeStatus',
  description: 'Whether a charge is still owed.',
  valuesConfig: { UNPAID: { description: 'Owed.' }, PAID: { description: 'Paid by a payment.' }, CANCELLED: { description: 'No longer owed (cancelled by its issuer, or the application ended before work started).' } },
});

export enum PaymentMethod {
  CARD = 'CARD',
  SBP = 'SBP',
}
registerEnumType(PaymentMethod, {
  name: 'PaymentMethod',
  description: 'How the citizen pays at the provider.',
  valuesConfig: { CARD: { description: 'A bank card (Visa, Mastercard, Mir).' }, SBP: { description: 'The Faster Payments System (СБП), from a bank app.' } },
});

export enum PaymentStatus {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
  REFUNDED = 'REFUNDED',
  PARTIALLY_REFUNDED = 'PARTIALLY_REFUNDED',
}
registerEnumType(PaymentStatus, {
  name: 'PaymentStatus',
  description: 'Where a payment stands, as confirmed by the provider.',
  valuesConfig: {
    PENDING: { description: 'Waiting for the citizen at the provider.' },
    SUCCEEDED: { description: 'Paid.' },
    FAILED: { description: 'Declined (see failureReason).' },
    CANCELLED: { description: 'Abandoned by the citizen or expired.' },
    REFUNDED: { description: 'Paid, then returned in full.' },
    PARTIALLY_REFUNDED: { description: 'Paid, then returned in part (see refundedAmount).' },
  },
});

@ObjectType({ implements: Node, description: 'Something a citizen owes: a state fee, a fine or a tax.' })
export class Charge extends Node {
  userId!: string;
  applicationId!: string | null;
  @Field({ description: 'УИН: the unique accrual id of the state payments system (20 or 25 digits).' })
  uin!: string;
  @Field(() => ChargeKind, { description: 'What the charge is for.' })
  kind!: ChargeKind;
  @Field({ description: 'The purpose of payment, as printed on the receipt.' })
  purpose!: string;
  @Field({ description: 'Who receives the money.' })
  payee!: string;
  @Field(() => Money, { description: 'The full amount.' })
  amount!: Money;
  @Field(() => Money, { description: 'What it costs paid now (a state fee paid online, a fine within its discount period).' })
  payableAmount!: Money;
  @Field(() => DateScalar, { nullable: true, description: 'The last day of the discount period (null: none, or always for a state fee paid online).' })
  discountUntil!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'The day by which it must be paid.' })
  dueDate!: string | null;
  @Field(() => ChargeStatus, { description: 'Whether it is still owed.' })
  status!: ChargeStatus;
  @Field(() => DateTimeScalar, { description: 'When it was issued.' })
  issuedAt!: Date;
}

@ObjectType({ description: 'A page of charges.' })
export class ChargeConnection {
  @Field(() => [Charge], { description: 'The charges of this page, newest first.' })
  nodes!: Charge[];
  @Field(() => PageInfo, { description: 'Where the next page starts.' })
  pageInfo!: PageInfo;
  @Field(() => Int, { description: 'How many charges match in all.' })
  totalCount!: number;
}

@ObjectType({ implements: Node, description: 'One attempt to pay a charge at the payment provider.' })
export class Payment extends Node {
  chargeId!: string;
  userId!: string;
  @Field(() => Money, { description: 'What is being paid.' })
  amount!: Money;
  @Field(() => PaymentMethod, { description: 'Card or SBP.' })
  method!: PaymentMethod;
  @Field(() => PaymentStatus, { description: 'As confirmed by the provider.' })
  status!: PaymentStatus;
  @Field(() => String, { nullable: true, description: 'Where to send the citizen to pay (card form or SBP page).' })
  confirmationUrl!: string | null;
  @Field(() => Money, { description: 'How much of it has been returned.' })
  refundedAmount!: Money;
  @Field(() => String, { nullable: true, description: 'Why it failed or was cancelled (the provider\'s reason).' })
  failureReason!: string | null;
  @Field(() => String, { nullable: true, description: 'PDF receipt, once paid: a signed link for the caller that opens without a header for FILE_LINK_TTL_SECONDS and dies with the session; ask again for a fresh one.' })
  receiptUrl!: string | null;
  @Field(() => DateTimeScalar, { description: 'When the payment was started.' })
  createdAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the provider confirmed it.' })
  paidAt!: Date | null;
}
