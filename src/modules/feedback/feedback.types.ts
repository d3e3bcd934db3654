/** GraphQL types of feedback: praise, remarks and complaints with their answers (inputs in feedback.inputs.ts). */
import 'reflect-metadata';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../shared/graphql/scalars.js';
import { Node } from '../../shared/graphql/relay.js';

export enum FeedbackKind {
  PRAISE = 'PRAISE',
  REMARK = 'REMARK',
  COMPLAINT = 'COMPLAINT',
  REQUEST = 'REQUEST',
}
registerEnumType(FeedbackKind, {
  name: 'FeedbackKind',
  description: 'What the feedback is: praise and remarks are kept; complaints and requests open support cases.',
  valuesConfig: { REMARK: { description: 'A remark or suggestion; answered but not tracked as a complaint.' }, PRAISE: { description: 'Thanks for good service.' },
    COMPLAINT: { description: 'Opens a case the branch must answer by answerDueAt.' },
    REQUEST: { description: 'Beyond the contract: a request for help (openSupportRequest, or about a booking, application or branch); a case like a complaint.' },
  },
});

export enum SupportPriority {
  CRITICAL = 'CRITICAL',
  NORMAL = 'NORMAL',
}
registerEnumType(SupportPriority, {
  name: 'SupportPriority',
  description: 'How soon a support case must be answered.',
  valuesConfig: {
    CRITICAL: { description: 'A service cannot be used at all: answered within 30 minutes (SUPPORT_CRITICAL_MINUTES).' },
    NORMAL: { description: 'Answered within 2 hours (SUPPORT_NORMAL_MINUTES).' },
  },
});

@ObjectType({ description: 'One addition to a support case\'s thread, by the citizen or the answering staff.' })
export class FeedbackFollowUp {
  @Field(() => ID, { description: 'The follow-up\'s id.' })
  id!: string;

  @Field({ description: 'Written by staff (else by the case\'s author).' })
  fromStaff!: boolean;

  @Field({ description: 'The author as shown: the citizen\'s name, or "Сотрудник МФЦ" and a first name.' })
  authorName!: string;

  @Field({ description: 'The text.' })
  text!: string;

  @Field(() => DateTimeScalar, { description: 'When it was written.' })
  at!: Date;
}

@ObjectType({ implements: Node, description: 'A rating and text about a visit (booking), an application or a branch.' })
export class Feedback extends Node {
  @Field(() => FeedbackKind, { description: 'Praise, remark or complaint.' })
  kind!: FeedbackKind;
  @Field(() => Int, { description: '1 (bad) to 5 (excellent), if given.', nullable: true })
  rating!: number | null;
  @Field(() => String, { description: 'The citizen\'s text, if given.', nullable: true })
  text!: string | null;
  @Field(() => ID, { description: 'The application it is about, if any.', nullable: true })
  applicationId!: string | null;
  @Field(() => ID, { description: 'The visit it is about, if any.', nullable: true })
  bookingId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The branch whose operators answer it.' })
  branchId!: string | null;
  @Field(() => String, { description: 'The staff\'s answer, if given.', nullable: true })
  answer!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Beyond the contract.' })
  answeredAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Support cases must be answered by then (from the priority); null for other feedback.' })
  answerDueAt!: Date | null;
  @Field({ description: 'A case whose deadline passed unanswered (flagged by the periodic check, which also told its staff).' })
  overdue!: boolean;
  @Field(() => String, { nullable: true, description: 'Human-readable case number, e.g. ОБР-2026-0000042; null for praise and remarks.' })
  caseNumber!: string | null;
  @Field(() => SupportPriority, { description: 'The case\'s priority (NORMAL for feedback that is not a case).' })
  priority!: SupportPriority;
  @Field(() => DateTimeScalar, { description: 'When it was left.' })
  createdAt!: Date;
}
