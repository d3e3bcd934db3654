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
  description: 'DRAFT → SUBMITTED → ACCEPTED → IN_PROGRESS → READY_FOR_PICKUP → COMPLETED; ACTION_REQUIRED goes back to IN_PROGRESS; REJECTED and CANCELLED are final.', valuesConfig: { ACCEPTED: { description: 'Taken by the branch; the citizen can still cancel.' }, ACTION_REQUIRED: { description: 'The citizen must act (usually more documents); back to IN_PROGRESS when done.' }, CANCELLED: { description: 'Cancelled by the citizen; final.' }, COMPLETED: { description: 'The result was handed over; final.' }, DRAFT: { description: 'Being filled in by the citizen; not seen by staff.' }, IN_PROGRESS: { description: 'Being worked on; can no longer be cancelled.' }, READY_FOR_PICKUP: { description: 'The result is ready at the branch (or downloadable).' }, REJECTED: { description: 'Refused, with the reason in the comment; final.' }, SUBMITTED: { description: 'Sent to the branch, waiting to be accepted; the citizen can still cancel.' } },
});

@ObjectType({ description: 'A timeline entry: a status change (or an announced amendment) with time, actor and comment.' })
export class ApplicationEvent {
  @Field(() => ID, { description: 'The timeline entry\'s id.' })
  id!: string;
  @Field(() => ID, { description: 'The application whose status changed.' })
  applicationId!: string;
  @Field(() => ApplicationStatus, { description: 'The new status.' })
  status!: ApplicationStatus;
  @Field(() => DateTimeScalar, { description: 'When the status changed.' })
  at!: Date;
  @Field({ description: 'Who made the change: CITIZEN, OPERATOR, ADMIN or SYSTEM.' })
  actor!: string;
  @Field(() => String, { description: 'The staff\'s comment on the change, if any.', nullable: true })
  comment!: string | null;
}

@ObjectType({ description: 'A submitted version of the application (1 at submission, one more per amendment).' })
export class ApplicationVersion {
  applicationId!: string;
  attachmentIds!: string[];
  @Field(() => Int, { description: '1 for the submitted application, +1 for each later change.' })
  version!: number;
  @Field(() => JSONScalar, { description: 'The form data of this version (the service\'s application form).' })
  data!: Record<string, unknown>;
  @Field(() => DateTimeScalar, { description: 'When this version was made.' })
  createdAt!: Date;
}

@ObjectType({ description: 'A comment of the applicant or of a specialist.' })
export class ApplicationComment {
  @Field(() => ID, { description: 'The comment\'s id.' })
  id!: string;
  @Field({ description: 'The author as shown: the applicant\'s name, or "Специалист МФЦ …".' })
  author!: string;
  @Field({ description: 'CITIZEN, OPERATOR or ADMIN.' })
  authorRole!: string;
  @Field({ description: 'The comment text.' })
  text!: string;
  @Field(() => DateTimeScalar, { description: 'When the comment was written.' })
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
  @Field(() => ApplicationStatus, { description: 'Where the application is in its lifecycle.' })
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
  @Field(() => DateTimeScalar, { description: 'When it was submitted; null for drafts.', nullable: true })
  submittedAt!: Date | null;
  @Field(() => DateTimeScalar, { description: 'When the draft was started.' })
  createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When anything in it last changed.' })
  updatedAt!: Date;
}

@ObjectType({ description: 'A page of applications.' })
export class ApplicationConnection {
  @Field(() => [Application], { description: 'The applications of this page.' })
  nodes!: Application[];
  @Field(() => PageInfo, { description: 'Where this page ends; pass `endCursor` as `after` for the next one.' })
  pageInfo!: PageInfo;
  @Field(() => Int, { description: 'All matching applications, counted only when asked for.' })
  totalCount!: number;
  countTotal!: () => Promise<number>;
}

@ObjectType({ description: 'A problem of the application, with the field at fault (e.g. data.passport.series, branchId).' })
export class ValidationIssue {
  @Field({ description: 'The form field (JSON pointer-like path) the problem is about.' })
  field!: string;
  @Field({ description: 'What is wrong, in Russian, to show next to the field.' })
  message!: string;
}

@ObjectType({ description: 'Everything standing between the application and its submission, at once.' })
export class ApplicationValidation {
  @Field({ description: 'Whether `submitApplication` would accept it now.' })
  valid!: boolean;
  @Field(() => [ValidationIssue], { description: 'Problems with the form data, field by field.' })
  issues!: ValidationIssue[];
  @Field(() => [RequiredDocument], { description: 'Required documents not attached yet.' })
  missingDocuments!: RequiredDocument[];
}
