/** GraphQL inputs of applications: list filters, a new draft, a change of a draft or of a submitted application. */
import { Field, ID, InputType } from 'type-graphql';
import { JSONScalar } from '../../shared/graphql/scalars.js';
import { ApplicationStatus } from './applications.types.js';

@InputType()
export class ApplicationFilter {
  @Field(() => [ApplicationStatus], { nullable: true })
  status?: ApplicationStatus[] | null;
  @Field(() => ID, { nullable: true })
  serviceId?: string | null;
  @Field(() => String, { nullable: true, description: 'Part of the number or of the service\'s title.' })
  search?: string | null;
}

@InputType()
export class ApplicationDraftInput {
  @Field(() => ID)
  serviceId!: string;
  @Field(() => JSONScalar, { nullable: true, description: 'Form data; fields not given are prefilled from the profile where the form has them.' })
  data?: Record<string, unknown> | null;
  @Field(() => ID, { nullable: true })
  branchId?: string | null;
  @Field(() => [ID], { nullable: true })
  attachmentIds?: string[] | null;
  @Field(() => ID, { nullable: true, description: 'Start from an earlier application of the same service.' })
  fromApplicationId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Apply for the caller\'s dependant (their document must be VERIFIED: PRECONDITION_FAILED, rule DEPENDANT_NOT_VERIFIED).' })
  forDependantId?: string | null;
}

@InputType()
export class ApplicationChangeInput {
  @Field(() => JSONScalar, { nullable: true, description: 'The whole form data (replaces the current data); null keeps it.' })
  data?: Record<string, unknown> | null;
  @Field(() => ID, { nullable: true })
  branchId?: string | null;
  @Field(() => [ID], { nullable: true, description: 'The whole list of attached scans; null keeps it.' })
  attachmentIds?: string[] | null;
}
