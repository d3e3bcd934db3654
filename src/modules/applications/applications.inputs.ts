/** GraphQL inputs of applications: list filters, a new draft, a change of a draft or of a submitted application. */
import { Field, ID, InputType } from 'type-graphql';
import { JSONScalar } from '../../shared/graphql/scalars.js';
import { ApplicationStatus } from './applications.types.js';

@InputType({ description: 'Restricts a list of applications.' })
export class ApplicationFilter {
  @Field(() => [ApplicationStatus], { description: 'Only applications in these statuses.', nullable: true })
  status?: ApplicationStatus[] | null;
  @Field(() => ID, { description: 'Only applications for this service.', nullable: true })
  serviceId?: string | null;
  @Field(() => String, { nullable: true, description: 'Part of the number or of the service\'s title.' })
  search?: string | null;
}

@InputType({ description: 'A new application draft.' })
export class ApplicationDraftInput {
  @Field(() => ID, { description: 'The service to apply for.' })
  serviceId!: string;
  @Field(() => JSONScalar, { nullable: true, description: 'Form data; fields not given are prefilled from the profile where the form has them.' })
  data?: Record<string, unknown> | null;
  @Field(() => ID, { description: 'The branch to apply at; may be chosen later, before submission.', nullable: true })
  branchId?: string | null;
  @Field(() => [ID], { description: 'Uploaded files (POST /uploads) to attach.', nullable: true })
  attachmentIds?: string[] | null;
  @Field(() => ID, { nullable: true, description: 'Start from an earlier application of the same service.' })
  fromApplicationId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Apply for the caller\'s dependant (their document must be VERIFIED: PRECONDITION_FAILED, rule DEPENDANT_NOT_VERIFIED).' })
  forDependantId?: string | null;
}

@InputType({ description: 'Changes to an application\'s form, branch or attachments.' })
export class ApplicationChangeInput {
  @Field(() => JSONScalar, { nullable: true, description: 'The whole form data (replaces the current data); null keeps it.' })
  data?: Record<string, unknown> | null;
  @Field(() => ID, { description: 'Move the application to another branch that offers the service.', nullable: true })
  branchId?: string | null;
  @Field(() => [ID], { nullable: true, description: 'The whole list of attached scans; null keeps it.' })
  attachmentIds?: string[] | null;
}
