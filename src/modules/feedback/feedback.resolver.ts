/** Feedback over GraphQL: leaving it, the author's list, and the branch's complaints for staff. */
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Database } from '../../db/client.js';
import { requireViewer, type GraphQLContext } from '../../shared/graphql/context.js';
import { ComplaintFilter, FeedbackInput } from './feedback.inputs.js';
import { feedbackLoaders } from './feedback.loaders.js';
import { toFeedback, toFollowUp } from './feedback.mappers.js';
import type { FeedbackService } from './feedback.service.js';
import { Feedback, FeedbackFollowUp, SupportPriority } from './feedback.types.js';

type Ctx = GraphQLContext;

@Resolver(() => Feedback)
export class FeedbackResolver {
  constructor(
    private readonly feedbackService: FeedbackService,
    private readonly db: Database,
  ) {}

  @Authorized()
  @Mutation(() => Feedback, { description: 'One per subject per user; a complaint opens a case for the branch.' })
  async leaveFeedback(@Arg('input', () => FeedbackInput, { description: 'What is rated and how.' }) input: FeedbackInput, @Ctx() ctx: Ctx): Promise<Feedback> {
    return toFeedback(await this.feedbackService.leave(requireViewer(ctx), input));
  }

  @Authorized()
  @Query(() => [Feedback], { description: 'Beyond the contract: the caller\'s feedback with answers, newest first.' })
  async myFeedback(@Ctx() ctx: Ctx): Promise<Feedback[]> {
    return (await this.feedbackService.myFeedback(requireViewer(ctx))).map(toFeedback);
  }

  @Authorized('OPERATOR', 'ADMIN')
  @Query(() => [Feedback], { description: 'Beyond the contract, operators and admins: complaints of the branch, soonest deadline first.' })
  async complaints(@Arg('filter', () => ComplaintFilter, { description: 'Restricts to unanswered or overdue ones. Counts as up to 100 entries in the query cost.', nullable: true }) filter: ComplaintFilter | null, @Ctx() ctx: Ctx): Promise<Feedback[]> {
    return (await this.feedbackService.complaints(requireViewer(ctx), filter ?? {})).map(toFeedback);
  }

  @Authorized('OPERATOR', 'ADMIN')
  @Mutation(() => Feedback, { description: 'Beyond the contract, operators of the branch and admins: answers feedback once; the author is notified.' })
  async answerFeedback(@Arg('id', () => ID, { description: 'The feedback to answer.' }) id: string, @Arg('answer', { description: 'The answer, 1 to FEEDBACK_TEXT_MAX_LENGTH (2000) characters; the citizen is notified.' }) answer: string, @Ctx() ctx: Ctx): Promise<Feedback> {
    return toFeedback(await this.feedbackService.answer(requireViewer(ctx), id, answer));
  }

  @Authorized()
  @Mutation(() => Feedback, { description: 'A general request for help, not about a booking, application or branch: the general line\'s operators answer it.' })
  async openSupportRequest(
    @Arg('text', { description: 'The request, 1 to FEEDBACK_TEXT_MAX_LENGTH (2000) characters.' }) text: string,
    @Arg('priority', () => SupportPriority, { nullable: true, defaultValue: SupportPriority.NORMAL, description: 'NORMAL when not given.' }) priority: SupportPriority | null,
    @Ctx() ctx: Ctx,
  ): Promise<Feedback> {
    return toFeedback(await this.feedbackService.cases.openRequest(requireViewer(ctx), text, priority ?? SupportPriority.NORMAL));
  }

  @Authorized()
  @Mutation(() => Feedback, { description: 'The citizen or the answering staff adds to an open case; the other side is notified.' })
  async addFeedbackFollowUp(@Arg('id', () => ID, { description: 'The caller\'s feedback or support request.' }) id: string, @Arg('text', { description: 'The text, 1 to FEEDBACK_TEXT_MAX_LENGTH (2000) characters.' }) text: string, @Ctx() ctx: Ctx): Promise<Feedback> {
    return toFeedback(await this.feedbackService.cases.addFollowUp(requireViewer(ctx), id, text));
  }

  @Authorized('OPERATOR', 'ADMIN')
  @Mutation(() => Feedback, { description: 'Staff: change a case\'s priority (its deadline follows).' })
  async setFeedbackPriority(@Arg('id', () => ID, { description: 'The support request or complaint.' }) id: string, @Arg('priority', () => SupportPriority, { description: 'The new priority; the answer deadline follows it.' }) priority: SupportPriority, @Ctx() ctx: Ctx): Promise<Feedback> {
    return toFeedback(await this.feedbackService.cases.setPriority(requireViewer(ctx), id, priority));
  }

  @FieldResolver(() => [FeedbackFollowUp], { description: 'The case\'s thread, oldest first (empty for feedback that is not a case).' })
  async followUps(@Root() f: Feedback, @Ctx() ctx: Ctx): Promise<FeedbackFollowUp[]> {
    return (await feedbackLoaders(ctx, this.db).followUps.load(f.id)).map(toFollowUp);
  }
}
