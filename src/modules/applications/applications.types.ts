/** GraphQL types of applications. */
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, DateTimeScalar, JSONScalar } from '../../shared/graphql/scalars.js';
import { Node, PageInfo } from '../../shared/graphql/relay.js';
import { RequiredDocument } from '../catalog/index.js';

export enum ApplicationStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  ACCEPTED = 'ACCEPTED',
  IN_PROGRESS = 'IN_PROGRESS',
  ACTION_REQUIRED = 'ACTION_REQUIRED',
  READY_FOR_PICKUP = 'READY_FOR_PICKUP',
  COMPLETED = 'COMPLETED',
  REJECTED = 'REJECTED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ApplicationStatus, {
  name: 'ApplicationStatus',
  description: 'DRAFT → SUBMITTED → ACCEPTED → IN_PROGRESS → READY_FOR_PICKUP → COMPLETED; ACTION_REQUIRED goes back to IN_PROGRESS; REJECTED and CANCELLED are final.',
});

@ObjectType({ description: 'A timeline entry: a status change (or an announced amendment) with time, actor and comment.' })
export class ApplicationEvent {
  @Field(() => ID)
  id!: string;
  @Field(() => ID)
  applicationId!: string;
  @Field(() => ApplicationStatus)
  status!: ApplicationStatus;
  @Field(() => DateTimeScalar)
  at!: Date;
  @Field({ description: 'Who made the change: CITIZEN, OPERATOR, ADMIN or SYSTEM.' })
  actor!: string;
  @Field(() => String, { nullable: true })
  comment!: string | null;
}

@ObjectType({ description: 'A submitted version of the application (1 at submission, one more per amendment).' })
export class ApplicationVersion {
  applicationId!: string;
  attachmentIds!: string[];
  @Field(() => Int)
  version!: number;
  @Field(() => JSONScalar)
  data!: Record<string, unknown>;
  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

@ObjectType({ description: 'A comment of the applicant or of a specialist.' })
export class ApplicationComment {
  @Field(() => ID)
  id!: string;
  @Field({ description: 'The author as shown: the applicant\'s name, or "Специалист МФЦ …".' })
  author!: string;
  @Field({ description: 'CITIZEN, OPERATOR or ADMIN.' })
  authorRole!: string;
  @Field()
  text!: string;
  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

@ObjectType({ implements: Node, description: 'An application for a service: a draft, then a submitted case moving through its lifecycle.' })
export class Application extends Node {
  userId!: string;
  /** The dependant the application is for (Application.forDependant, resolved by the family module). */
  forDependantId!: string | null;
  serviceId!: string;
  branchId!: string | null;
  attachmentIds!: string[];
  resultAttachmentId!: string | null;
  @Field(() => String, { nullable: true, description: 'Assigned on submission, e.g. MFC-2026-0000123.' })
  number!: string | null;
  @Field(() => ApplicationStatus)
  status!: ApplicationStatus;
  @Field(() => JSONScalar, { description: 'The form\'s data (the service\'s applicationForm describes it).' })
  data!: Record<string, unknown>;
  @Field(() => Int, { description: 'The current version (1 until the first amendment).' })
  version!: number;
  @Field({ description: 'Whether the applicant may still withdraw it (SUBMITTED or ACCEPTED).' })
  canCancel!: boolean;
  @Field({ description: 'Whether the applicant may send a new version (SUBMITTED, ACCEPTED or ACTION_REQUIRED).' })
  canAmend!: boolean;
  @Field(() => DateScalar, { nullable: true, description: 'When the result is due: the service\'s processing days as working days after submission.' })
  dueDate!: string | null;
  @Field(() => DateTimeScalar, { nullable: true })
  submittedAt!: Date | null;
  @Field(() => DateTimeScalar)
  createdAt!: Date;
  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}

@ObjectType()
export class ApplicationConnection {
  @Field(() => [Application])
  nodes!: Application[];
  @Field(() => PageInfo)
  pageInfo!: PageInfo;
  @Field(() => Int, { description: 'All matching applications, counted only when asked for.' })
  totalCount!: number;
  countTotal!: () => Promise<number>;
}

@ObjectType({ description: 'A problem of the application, with the field at fault (e.g. data.passport.series, branchId).' })
export class ValidationIssue {
  @Field()
  field!: string;
  @Field()
  message!: string;
}

@ObjectType({ description: 'Everything standing between the application and its submission, at once.' })
export class ApplicationValidation {
  @Field()
  valid!: boolean;
  @Field(() => [ValidationIssue])
  issues!: ValidationIssue[];
  @Field(() => [RequiredDocument])
  missingDocuments!: RequiredDocument[];
}
