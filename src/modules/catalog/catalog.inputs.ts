/** GraphQL inputs of the services catalog. */
import { Field, ID, InputType, Int } from 'type-graphql';
import { JSONScalar } from '../../shared/graphql/scalars.js';
import { TrustLevel } from '../accounts/index.js';
import { DocumentKind, ServiceKind } from './catalog.types.js';

@InputType({ description: 'Filters of the catalog; all given ones apply.' })
export class ServiceFilter {
  @Field(() => String, { nullable: true, description: 'Full-text search over title and description, Russian morphology.' })
  search?: string | null;
  @Field(() => ID, { description: 'Only services of this category.', nullable: true })
  categoryId?: string | null;
  @Field(() => ServiceKind, { description: 'Only services of this kind.', nullable: true })
  kind?: ServiceKind | null;
  @Field(() => Boolean, { description: 'Only services that can be done fully online.', nullable: true })
  availableOnline?: boolean | null;
  @Field(() => ID, { nullable: true, description: 'Only services offered at this branch.' })
  branchId?: string | null;
}

@InputType({ description: 'A catalog category.' })
export class ServiceCategoryInput {
  @Field({ description: 'Latin letters, digits and dashes.' })
  slug!: string;
  @Field({ description: 'The category\'s name.' })
  title!: string;
}

@InputType({ description: 'A document a service requires.' })
export class RequiredDocumentInput {
  @Field(() => DocumentKind, { description: 'The personal document kind, when it is one (then the citizen\'s saved one can be attached).', nullable: true })
  kind?: DocumentKind | null;
  @Field({ description: 'The document\'s name.' })
  title!: string;
  @Field(() => String, { description: 'More about it (which pages, originals or copies).', nullable: true })
  description?: string | null;
  @Field({ description: 'Whether the application may go without it.' })
  optional!: boolean;
}

@InputType({ description: 'A service\'s data (admins).' })
export class ServiceInput {
  @Field({ description: 'Stable short code, unique.' })
  code!: string;
  @Field({ description: 'The service\'s name.' })
  title!: string;
  @Field({ description: 'What the service is and who may apply.' })
  description!: string;
  @Field(() => ID, { description: 'The category.' })
  categoryId!: string;
  @Field(() => ServiceKind, { description: 'What it produces.' })
  kind!: ServiceKind;
  @Field(() => [RequiredDocumentInput], { description: 'The documents it requires, each with a title.' })
  requiredDocuments!: RequiredDocumentInput[];
  @Field(() => Int, { description: 'Processing time in working days.' })
  processingDays!: number;
  @Field(() => String, { nullable: true, description: 'Decimal string; no fee when absent.' })
  feeAmount?: string | null;
  @Field({ description: 'Whether it can be done fully online.' })
  availableOnline!: boolean;
  @Field({ description: 'Whether a visit needs a booking.' })
  requiresAppointment!: boolean;
  @Field(() => TrustLevel, { description: 'The lowest account level that may apply.' })
  minTrustLevel!: TrustLevel;
  @Field(() => Int, { description: 'Length of a visit in minutes: a multiple of 15, from 15 to 240.' })
  appointmentMinutes!: number;
  @Field(() => JSONScalar, { description: 'JSON Schema of the application form; submissions are checked against it.', nullable: true })
  applicationForm?: Record<string, unknown> | null;
}
