/** Feedback over GraphQL: leaving it, the author's list, and the branch's complaints for staff. */
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { requireViewer, type GraphQLContext } from '../../shared/graphql/context.js';
import { ComplaintFilter, FeedbackInput } from './feedback.inputs.js';
import { toFeedback } from './feedback.mappers.js';
import type { FeedbackService } from './feedback.service.js';
import { Feedback } from './feedback.types.js';

type Ctx = GraphQLContext;

@Resolver(() => Feedback)
export class FeedbackResolver {
  constructor(private readonly feedbackService: FeedbackService) {}

  @Authorized()
  @Mutation(() => Feedback, { description: 'One per subject per user; a complaint opens a case for the branch.' })
  async leaveFeedback(@Arg('input', () => FeedbackInput) input: FeedbackInput, @Ctx() ctx: Ctx): Promise<Feedback> {
    return toFeedback(await this.feedbackService.leave(requireViewer(ctx), input));
  }

  @Authorized()
  @Query(() => [Feedback], { description: 'Beyond the contract: the caller\'s feedback with answers, newest first.' })
  async myFeedback(@Ctx() ctx: Ctx): Promise<Feedback[]> {
    return (await this.feedbackService.myFeedback(requireViewer(ctx))).map(toFeedback);
  }

  @Authorized('OPERATOR', 'ADMIN')
  @Query(() => [Feedback], { description: 'Beyond the contract, operators and admins: complaints of the branch, soonest deadline first.' })
  async complaints(@Arg('filter', () => ComplaintFilter, { nullable: true }) filter: ComplaintFilter | null, @Ctx() ctx: Ctx): Promise<Feedback[]> {
    return (await this.feedbackService.complaints(requireViewer(ctx), filter ?? {})).map(toFeedback);
  }

  @Authorized('OPERATOR', 'ADMIN')
  @Mutation(() => Feedback, { description: 'Beyond the contract, operators of the branch and admins: answers feedback once; the author is notified.' })
  async answerFeedback(@Arg('id', () => ID) id: string, @Arg('answer') answer: string, @Ctx() ctx: Ctx): Promise<Feedback> {
    return toFeedback(await this.feedbackService.answer(requireViewer(ctx), id, answer));
  }
}
