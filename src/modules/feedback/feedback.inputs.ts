/** GraphQL inputs of feedback: leaving it, and which complaints staff want to see. */
import { Field, ID, InputType, Int } from 'type-graphql';
import { FeedbackKind, SupportPriority } from './feedback.types.js';

@InputType({ description: 'Exactly one of applicationId, bookingId, branchId; a rating, a text or both (a complaint needs a text).' })
export class FeedbackInput {
  @Field(() => FeedbackKind)
  kind!: FeedbackKind;
  @Field(() => Int, { nullable: true })
  rating?: number | null;
  @Field(() => String, { nullable: true })
  text?: string | null;
  @Field(() => ID, { nullable: true })
  applicationId?: string | null;
  @Field(() => ID, { nullable: true })
  bookingId?: string | null;
  @Field(() => ID, { nullable: true })
  branchId?: string | null;

  @Field(() => SupportPriority, { nullable: true, description: 'Complaints and help requests (NORMAL when not given); staff may raise or lower it.' })
  priority?: SupportPriority | null;
}

@InputType({ description: 'Beyond the contract: which complaints staff want to see.' })
export class ComplaintFilter {
  @Field(() => ID, { nullable: true, description: 'Admins: one branch; operators see only their own.' })
  branchId?: string | null;
  @Field(() => Boolean, { nullable: true })
  unansweredOnly?: boolean | null;
  @Field(() => Boolean, { nullable: true })
  overdueOnly?: boolean | null;
}
