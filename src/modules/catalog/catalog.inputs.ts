/** GraphQL inputs of the services catalog. */
import { Field, ID, InputType, Int } from 'type-graphql';
import { JSONScalar } from '../../shared/graphql/scalars.js';
import { TrustLevel } from '../accounts/index.js';
import { DocumentKind, ServiceKind } from './catalog.types.js';

@InputType({ description: 'Filters of the catalog; all given ones apply.' })
export class ServiceFilter {
  @Field(() => String, { nullable: true, description: 'Full-text search over title and description, Russian morphology.' })
  search?: string | null;
  @Field(() => ID, { nullable: true })
  categoryId?: string | null;
  @Field(() => ServiceKind, { nullable: true })
  kind?: ServiceKind | null;
  @Field(() => Boolean, { nullable: true })
  availableOnline?: boolean | null;
  @Field(() => ID, { nullable: true, description: 'Only services offered at this branch.' })
  branchId?: string | null;
}

@InputType()
export class ServiceCategoryInput {
  @Field({ description: 'Latin letters, digits and dashes.' })
  slug!: string;
  @Field()
  title!: string;
}

@InputType()
export class RequiredDocumentInput {
  @Field(() => DocumentKind, { nullable: true })
  kind?: DocumentKind | null;
  @Field()
  title!: string;
  @Field(() => String, { nullable: true })
  description?: string | null;
  @Field()
  optional!: boolean;
}

@InputType()
export class ServiceInput {
  @Field()
  code!: string;
  @Field()
  title!: string;
  @Field()
  description!: string;
  @Field(() => ID)
  categoryId!: string;
  @Field(() => ServiceKind)
  kind!: ServiceKind;
  @Field(() => [RequiredDocumentInput])
  requiredDocuments!: RequiredDocumentInput[];
  @Field(() => Int)
  processingDays!: number;
  @Field(() => String, { nullable: true, description: 'Decimal string; no fee when absent.' })
  feeAmount?: string | null;
  @Field()
  availableOnline!: boolean;
  @Field()
  requiresAppointment!: boolean;
  @Field(() => TrustLevel)
  minTrustLevel!: TrustLevel;
  @Field(() => Int)
  appointmentMinutes!: number;
  @Field(() => JSONScalar, { nullable: true })
  applicationForm?: Record<string, unknown> | null;
}
