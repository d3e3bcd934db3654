/** Mutations on a ticket after it is issued, and walk-in issuance: thin, each one service call. */
import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { requireViewer, type GraphQLContext } from '../../shared/graphql/context.js';
import { toTicket } from './queue.mappers.js';
import type { QueueService, TicketIssuer } from './queue.service.js';
import { forbidden, unauthenticated } from '../../shared/errors.js';
import { hasRole } from '../../shared/auth/viewer.js';
import { QueueTicket } from './queue.types.js';
import type { TicketActionsService } from './ticket-actions.service.js';

type Ctx = GraphQLContext;

@Resolver(() => QueueTicket)
export class TicketActionsResolver {
  constructor(
    private readonly queue: QueueService,
    private readonly actions: TicketActionsService,
  ) {}

  @Authorized()
  @Mutation(() => QueueTicket, { description: 'The holder or staff: leave the queue.' })
  async cancelTicket(@Arg('id', () => ID, { description: 'The ticket.' }) id: string, @Ctx() ctx: Ctx): Promise<QueueTicket> {
    return toTicket(await this.actions.cancel(requireViewer(ctx), id));
  }

  @Mutation(() => QueueTicket, { description: 'Operators of the branch, or the hall\'s kiosk (an API client with QUEUE_KIOSK restricted to the branch): a ticket for a visitor without an account.' })
  async issueWalkInTicket(
    @Arg('branchId', () => ID, { description: 'The operator\'s (or the kiosk\'s) branch.' }) branchId: string,
    @Arg('serviceId', () => ID, { description: 'A service the branch offers.' }) serviceId: string,
    @Ctx() ctx: Ctx,
  ): Promise<QueueTicket> {
    return toTicket(await this.queue.issueWalkIn(this.issuerOf(ctx), branchId, serviceId));
  }

  /** The kiosk (an API client) or an operator or admin; anyone else UNAUTHENTICATED or FORBIDDEN, as @Authorized would answer. */
  private issuerOf(ctx: Ctx): TicketIssuer {
    if (ctx.apiClient) return this.queue.kioskIssuer(ctx.apiClient);
    if (!ctx.viewer) throw unauthenticated();
    if (!hasRole(ctx.viewer, 'OPERATOR') && !hasRole(ctx.viewer, 'ADMIN')) throw forbidden();
    return this.queue.staffIssuer(ctx.viewer);
  }

  @Authorized('OPERATOR', 'ADMIN')
  @Mutation(() => QueueTicket, { description: 'Operators: the called visitor is being served (SERVING).' })
  async startServing(@Arg('id', () => ID, { description: 'A called ticket.' }) id: string, @Ctx() ctx: Ctx): Promise<QueueTicket> {
    return toTicket(await this.actions.startServing(requireViewer(ctx), id));
  }

  @Authorized('OPERATOR', 'ADMIN')
  @Mutation(() => QueueTicket, { description: 'Operators: move the ticket to another service\'s line; it keeps its time of issue.' })
  async transferTicket(
    @Arg('id', () => ID, { description: 'The ticket.' }) id: string,
    @Arg('serviceId', () => ID, { description: 'Another service the branch offers.' }) serviceId: string,
    @Ctx() ctx: Ctx,
  ): Promise<QueueTicket> {
    return toTicket(await this.actions.transfer(requireViewer(ctx), id, serviceId));
  }

  @Authorized('OPERATOR', 'ADMIN')
  @Mutation(() => QueueTicket, { description: 'Operators: call the same ticket again.' })
  async recallTicket(@Arg('id', () => ID, { description: 'A called ticket.' }) id: string, @Ctx() ctx: Ctx): Promise<QueueTicket> {
    return toTicket(await this.actions.recall(requireViewer(ctx), id));
  }

  @Authorized()
  @Mutation(() => QueueTicket, { description: 'The holder: be told once (urgent) when this many people or fewer are ahead.' })
  async setTicketAlert(
    @Arg('id', () => ID, { description: 'The caller\'s waiting ticket.' }) id: string,
    @Arg('peopleAhead', () => Int, { description: 'People ahead at or below which to tell the holder.' }) peopleAhead: number,
    @Ctx() ctx: Ctx,
  ): Promise<QueueTicket> {
    return toTicket(await this.actions.setAlert(requireViewer(ctx), id, peopleAhead));
  }
}
