/** GraphQL inputs of charges. */
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../shared/graphql/scalars.js';
import { ChargeKind, ChargeStatus } from './payments.types.js';

@InputType({ description: 'Which charges to list.' })
export class ChargeFilter {
  @Field(() => [ChargeStatus], { nullable: true, description: 'Only charges in these statuses.' })
  status?: ChargeStatus[] | null;
  @Field(() => [ChargeKind], { nullable: true, description: 'Only charges of these kinds.' })
  kind?: ChargeKind[] | null;
}

@InputType({ description: 'Integrators (scope CHARGES_WRITE) and admins: an accrual for a citizen.' })
export class ChargeInput {
  @Field(() => ID, { nullable: true, description: 'The citizen (or give snils).' })
  userId?: string | null;
  @Field(() => String, { nullable: true, description: 'The citizen by a SNILS verified on their account (or give userId).' })
  snils?: string | null;
  @Field(() => ChargeKind, { description: 'What the charge is for.' })
  kind!: ChargeKind;
  @Field({ description: 'The purpose of payment.' })
  purpose!: string;
  @Field({ description: 'Who receives the money.' })
  payee!: string;
  @Field({ description: 'Decimal roubles, at most two decimals ("500", "1234.56").' })
  amount!: string;
  @Field(() => Int, { nullable: true, description: 'Percent off while paid within the discount period (a fine: 50).' })
  discountPercent?: number | null;
  @Field(() => DateScalar, { nullable: true, description: 'The last day of the discount period (required with discountPercent).' })
  discountUntil?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'The day by which it must be paid.' })
  dueDate?: string | null;
  @Field(() => String, { nullable: true, description: 'The УИН: 20 or 25 digits with a valid control digit.' })
  uin?: string | null;
}
