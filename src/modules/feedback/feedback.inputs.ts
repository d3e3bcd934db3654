/** GraphQL inputs of feedback: leaving it, and which complaints staff want to see. */
import { Field, ID, InputType, Int } from 'type-graphql';
import { FeedbackKind, SupportPriority } from './feedback.types.js';

@InputType({ description: 'Exactly one of applicationId, bookingId, branchId; a rating, a text or both (a complaint needs a text).' })
export class FeedbackInput {
  @Field(() => FeedbackKind, { description: 'Praise, remark or complaint.' })
  kind!: FeedbackKind;
  @Field(() => Int, { description: '1 (bad) to 5 (excellent).', nullable: true })
  rating?: number | null;
  @Field(() => String, { description: 'The text, at most FEEDBACK_TEXT_MAX_LENGTH (2000) characters; a complaint needs one.', nullable: true })
  text?: string | null;
  @Field(() => ID, { description: 'The application rated (the caller\'s own).', nullable: true })
  applicationId?: string | null;
  @Field(() => ID, { description: 'The visit rated (the caller\'s own booking).', nullable: true })
  bookingId?: string | null;
  @Field(() => ID, { description: 'The branch rated.', nullable: true })
  branchId?: string | null;

  @Field(() => SupportPriority, { nullable: true, description: 'Complaints and help requests (NORMAL when not given); staff may raise or lower it.' })
  priority?: SupportPriority | null;
}

@InputType({ description: 'Beyond the contract: which complaints staff want to see.' })
export class ComplaintFilter {
  @Field(() => ID, { nullable: true, description: 'Admins: one branch; operators see only their own.' })
  branchId?: string | null;
  @Field(() => Boolean, { description: 'Only those not answered yet.', nullable: true })
  unansweredOnly?: boolean | null;
  @Field(() => Boolean, { description: 'Only those past their answer deadline (30 minutes for critical, 2 hours otherwise).', nullable: true })
  overdueOnly?: boolean | null;
}
