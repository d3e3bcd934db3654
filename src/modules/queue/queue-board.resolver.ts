/** The hall's board (public) and the staff's live queue: Query.calledTickets, Branch.calledTickets, ticketCalled, queueChanged. */
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { type GraphQLContext } from '../../shared/graphql/context.js';
import { unauthenticated } from '../../shared/errors.js';
import { Broadcast } from '../../shared/graphql/broadcast.js';
import { Branch } from '../branches/index.js';
import type { BoardService } from './board.service.js';
import type { TicketCalledEvent } from './queue.events.js';
import { toCalled, toCalledEvent, toTicket } from './queue.mappers.js';
import type { TicketRow } from './queue.repository.js';
import { CalledTicket, QueueTicket } from './queue.types.js';

type Ctx = GraphQLContext;

const calledOf = (rows: TicketRow[]): CalledTicket[] => rows.flatMap((r) => toCalled(r) ?? []);

@Resolver(() => CalledTicket)
export class BoardResolver {
  constructor(readonly board: BoardService) {}

  @Query(() => [CalledTicket], { description: 'Public: the last tickets called to windows at a branch today, newest first (the hall\'s board).' })
  async calledTickets(
    @Arg('branchId', () => ID, { description: 'The branch whose board to show.' }) branchId: string,
    @Arg('last', () => Int, { nullable: true, defaultValue: 10, description: 'How many calls (at most QUEUE_BOARD_MAX_TICKETS).' }) last: number | null,
  ): Promise<CalledTicket[]> {
    return calledOf(await this.board.calledTickets(branchId, last));
  }

  @Broadcast()
  @Subscription(() => CalledTicket, {
    description: 'Public: tickets called to windows at a branch (the hall\'s board), number and window only.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { branchId: string }, Ctx>) => context.resolver(BoardResolver).board.ticketCalled(args.branchId),
  })
  ticketCalled(@Root() event: TicketCalledEvent, @Arg('branchId', () => ID, { description: 'The branch whose calls to follow.' }) _branchId: string): CalledTicket {
    return toCalledEvent(event);
  }

  @Subscription(() => [QueueTicket], {
    description: 'Operators of the branch and admins: the whole live queue of the day, now and after every change.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { branchId: string }, Ctx>) => {
      if (!context.viewer) throw unauthenticated();
      return context.resolver(BoardResolver).board.queueChanged(context.viewer, args.branchId);
    },
  })
  queueChanged(@Root() rows: TicketRow[], @Arg('branchId', () => ID, { description: 'The branch whose queue to follow.' }) _branchId: string): QueueTicket[] {
    return rows.map(toTicket);
  }
}

@Resolver(() => Branch)
export class BranchBoardResolver {
  constructor(private readonly board: BoardService) {}

  @FieldResolver(() => [CalledTicket], { description: 'The last tickets called to windows, newest first (public).' })
  async calledTickets(@Root() branch: Branch, @Arg('last', () => Int, { nullable: true, defaultValue: 10, description: 'How many calls (at most QUEUE_BOARD_MAX_TICKETS).' }) last: number | null): Promise<CalledTicket[]> {
    return calledOf(await this.board.calledTickets(branch.id, last));
  }
}
