/** Feedback over GraphQL: leaving it, the author's list, and the branch's complaints for staff. */
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { requireViewer, type GraphQLContext } from '../../server/context.js';
import type { FeedbackRow } from './feedback.repository.js';
import { ComplaintFilter, Feedback, FeedbackInput, FeedbackKind } from './feedback.types.js';

type Ctx = GraphQLContext;

export const toFeedback = (f: FeedbackRow): Feedback => ({
  id: f.id,
  kind: FeedbackKind[f.kind],
  rating: f.rating,
  text: f.text,
  applicationId: f.applicationId,
  bookingId: f.bookingId,
  branchId: f.branchId,
  answer: f.answer,
  answeredAt: f.answeredAt,
  answerDueAt: f.answerDueAt,
  overdue: f.overdueAt !== null,
  createdAt: f.createdAt,
});

@Resolver(() => Feedback)
export class FeedbackResolver {
  @Authorized()
  @Mutation(() => Feedback, { description: 'One per subject per user; a complaint opens a case for the branch.' })
  async leaveFeedback(@Arg('input', () => FeedbackInput) input: FeedbackInput, @Ctx() ctx: Ctx): Promise<Feedback> {
    return toFeedback(await ctx.services.feedback.leave(requireViewer(ctx), input));
  }

  @Authorized()
  @Query(() => [Feedback], { description: 'Beyond the contract: the caller\'s feedback with answers, newest first.' })
  async myFeedback(@Ctx() ctx: Ctx): Promise<Feedback[]> {
    return (await ctx.services.feedback.myFeedback(requireViewer(ctx))).map(toFeedback);
  }

  @Authorized('OPERATOR', 'ADMIN')
  @Query(() => [Feedback], { description: 'Beyond the contract, operators and admins: complaints of the branch, soonest deadline first.' })
  async complaints(@Arg('filter', () => ComplaintFilter, { nullable: true }) filter: ComplaintFilter | null, @Ctx() ctx: Ctx): Promise<Feedback[]> {
    return (await ctx.services.feedback.complaints(requireViewer(ctx), filter ?? {})).map(toFeedback);
  }

  @Authorized('OPERATOR', 'ADMIN')
  @Mutation(() => Feedback, { description: 'Beyond the contract, operators of the branch and admins: answers feedback once; the author is notified.' })
  async answerFeedback(@Arg('id', () => ID) id: string, @Arg('answer') answer: string, @Ctx() ctx: Ctx): Promise<Feedback> {
    return toFeedback(await ctx.services.feedback.answer(requireViewer(ctx), id, answer));
  }
}
