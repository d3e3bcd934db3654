/** GraphQL types of the family module: dependants and profile change requests. */
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, DateTimeScalar } from '../../shared/graphql/scalars.js';
import { Node, PageInfo } from '../../shared/graphql/relay.js';
import { VerificationStatus } from '../documents/index.js';

export enum DependantRelation {
  CHILD = 'CHILD',
  WARD = 'WARD',
}
registerEnumType(DependantRelation, {
  name: 'DependantRelation',
  description: 'Who the dependant is to the citizen.',
  valuesConfig: {
    CHILD: { description: 'A child under 18 (birth certificate).' },
    WARD: { description: 'A ward (guardianship decision).' },
  },
});

@ObjectType({ implements: Node, description: 'A child or ward the citizen acts for: books visits and applies for them.' })
export class Dependant extends Node {
  parentId!: string;
  @Field({ description: 'Last name, as in the birth certificate or guardianship decision.' })
  lastName!: string;
  @Field({ description: 'First name, as in the birth certificate or guardianship decision.' })
  firstName!: string;
  @Field(() => String, { description: 'Patronymic, if any.', nullable: true })
  middleName!: string | null;
  @Field(() => DateScalar, { description: 'Date of birth.' })
  birthDate!: string;
  @Field(() => DependantRelation, { description: 'Child or ward.' })
  relation!: DependantRelation;
  @Field(() => String, { nullable: true, description: 'SNILS, 11 digits.' })
  snils!: string | null;
  @Field(() => VerificationStatus, { description: 'The birth certificate or guardianship document, reviewed by an operator.' })
  verification!: VerificationStatus;
  @Field(() => String, { nullable: true, description: 'Why the operator refused the document (beyond the contract).' })
  rejectionReason!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the dependant left the account: removed, or came of age (beyond the contract; history only).' })
  leftAt!: Date | null;
}

@ObjectType({ implements: Node, description: 'A change of name, birth date or passport data: applied only after an operator approves it.' })
export class ProfileChangeRequest extends Node {
  userId!: string;
  passportDocumentId!: string | null;
  attachmentIds!: string[];
  @Field(() => String, { nullable: true, description: 'The new last name, when it changes.' })
  lastName!: string | null;
  @Field(() => String, { nullable: true, description: 'The new first name, when it changes.' })
  firstName!: string | null;
  @Field(() => String, { nullable: true, description: 'The new middle name, when it changes.' })
  middleName!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'The corrected birth date, when it changes.' })
  birthDate!: string | null;
  @Field(() => String, { nullable: true, description: 'The citizen\'s note to the operator (beyond the contract).' })
  comment!: string | null;
  @Field(() => VerificationStatus, { description: 'PENDING while waiting; VERIFIED once applied; REJECTED with a reason.' })
  status!: VerificationStatus;
  @Field(() => String, { nullable: true, description: 'Why the operator rejected it.' })
  reason!: string | null;
  @Field(() => DateTimeScalar, { description: 'When the change was asked for.' })
  createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When an operator decided; null while pending.', nullable: true })
  reviewedAt!: Date | null;
}

@ObjectType({ description: 'A page of profile change requests.' })
export class ProfileChangeRequestConnection {
  @Field(() => [ProfileChangeRequest], { description: 'The requests of this page.' })
  nodes!: ProfileChangeRequest[];
  @Field(() => PageInfo, { description: 'Where this page ends; pass `endCursor` as `after` for the next one.' })
  pageInfo!: PageInfo;
  @Field(() => Int, { description: 'How many requests match, across all pages.' })
  totalCount!: number;
}
