/** GraphQL types of feedback: praise, remarks and complaints with their answers (inputs in feedback.inputs.ts). */
import 'reflect-metadata';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../shared/graphql/scalars.js';
import { Node } from '../../shared/graphql/relay.js';

export enum FeedbackKind {
  PRAISE = 'PRAISE',
  REMARK = 'REMARK',
  COMPLAINT = 'COMPLAINT',
}
registerEnumType(FeedbackKind, { name: 'FeedbackKind', valuesConfig: { COMPLAINT: { description: 'Opens a case the branch must answer by answerDueAt.' } } });

@ObjectType({ implements: Node, description: 'A rating and text about a visit (booking), an application or a branch.' })
export class Feedback extends Node {
  @Field(() => FeedbackKind)
  kind!: FeedbackKind;
  @Field(() => Int, { nullable: true })
  rating!: number | null;
  @Field(() => String, { nullable: true })
  text!: string | null;
  @Field(() => ID, { nullable: true })
  applicationId!: string | null;
  @Field(() => ID, { nullable: true })
  bookingId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The branch whose operators answer it.' })
  branchId!: string | null;
  @Field(() => String, { nullable: true })
  answer!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Beyond the contract.' })
  answeredAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Beyond the contract: complaints must be answered by then.' })
  answerDueAt!: Date | null;
  @Field({ description: 'Beyond the contract: a complaint whose deadline passed unanswered (flagged by the periodic check).' })
  overdue!: boolean;
  @Field(() => DateTimeScalar)
  createdAt!: Date;
}
