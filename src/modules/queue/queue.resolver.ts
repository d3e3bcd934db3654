/** The queue's queries, mutations, subscriptions and relation fields. */
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { Database } from '../../db/client.js';
import { requireViewer, type GraphQLContext } from '../../shared/graphql/context.js';
import { Broadcast } from '../../shared/graphql/broadcast.js';
import { notFound, unauthenticated } from '../../shared/errors.js';
import { currentThenLive, ownEvents, type AppPubSub } from '../../shared/pubsub.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import { ticketTopic, type BranchLoadEvent, type TicketEvent } from './queue.events.js';
import { Branch, branchesLoaders, toBranch } from '../branches/index.js';
import { catalogLoaders, Service, toService } from '../catalog/index.js';
import type { LoadAlertsService } from './load-alerts.service.js';
import type { LoadService } from './load.service.js';
import { queueLoaders } from './queue.loaders.js';
import { toAlert, toLoad, toSample, toTicket } from './queue.mappers.js';
import { DEFAULT_HISTORY_HOURS } from './queue.rules.js';
import type { QueueService } from './queue.service.js';
import { BranchLoad, BranchLoadSample, LoadAlert, QueueTicket, TicketStatus } from './queue.types.js';

type Ctx = GraphQLContext;

@Resolver(() => QueueTicket)
export class QueueResolver {
  constructor(
    private readonly tickets: QueueService,
    private readonly alerts: LoadAlertsService,
    private readonly load: LoadService,
    private readonly pubsub: AppPubSub,
    private readonly db: Database,
  ) {}

  /** What the subscriptions read (they ask this application's instance through the context). */
  liveSources(): { load: LoadService; pubsub: AppPubSub } {
    return { load: this.load, pubsub: this.pubsub };
  }

  /** ticketUpdated: the caller's active tickets as they are now, then every change. */
  liveTickets(viewer: Viewer): AsyncIterable<TicketEvent> {
    const current = async () => (await this.tickets.activeTickets(viewer)).map((t): TicketEvent => ({ userId: viewer.userId, ticketId: t.id }));
    return currentThenLive(current, ownEvents(this.pubsub, ticketTopic, viewer.userId));
  }

  @Authorized()
  @Mutation(() => QueueTicket, { description: 'A ticket of the hall\'s queue for a service of the branch.' })
  async takeTicket(@Arg('branchId', () => ID, { description: 'The branch the caller is at.' }) branchId: string, @Arg('serviceId', () => ID, { description: 'The service wanted; the branch must offer it.' }) serviceId: string, @Ctx() ctx: Ctx): Promise<QueueTicket> {
    return toTicket(await this.tickets.takeTicket(requireViewer(ctx), branchId, serviceId));
  }

  @Authorized('OPERATOR', 'ADMIN')
  @Mutation(() => BranchLoad, { description: 'Operators: opens a window of their branch.' })
  async openWindow(@Arg('branchId', () => ID, { description: 'The operator\'s branch.' }) branchId: string, @Arg('window', () => Int, { description: 'The window (desk) number, 1 to the branch\'s windows.' }) window: number, @Ctx() ctx: Ctx): Promise<BranchLoad> {
    return toLoad(await this.tickets.openWindow(requireViewer(ctx), branchId, window));
  }

  @Authorized('OPERATOR', 'ADMIN')
  @Mutation(() => BranchLoad, { description: 'Operators: closes a window (nobody may be at it).' })
  async closeWindow(@Arg('branchId', () => ID, { description: 'The operator\'s branch.' }) branchId: string, @Arg('window', () => Int, { description: 'The window (desk) number, 1 to the branch\'s windows.' }) window: number, @Ctx() ctx: Ctx): Promise<BranchLoad> {
    return toLoad(await this.tickets.closeWindow(requireViewer(ctx), branchId, window));
  }

  @Authorized('OPERATOR', 'ADMIN')
  @Mutation(() => QueueTicket, { nullable: true, description: 'Operators: completes the ticket at the window and calls the next one (booked visitors first); null when nobody waits.' })
  async callNextTicket(@Arg('branchId', () => ID, { description: 'The operator\'s branch.' }) branchId: string, @Arg('window', () => Int, { description: 'The window (desk) number, opened with `openWindow`.' }) window: number, @Ctx() ctx: Ctx): Promise<QueueTicket | null> {
    const t = await this.tickets.callNext(requireViewer(ctx), branchId, window);
    return t ? toTicket(t) : null;
  }

  @Authorized('OPERATOR', 'ADMIN')
  @Mutation(() => QueueTicket, { description: 'Operators: the visitor was served.' })
  async completeTicket(@Arg('id', () => ID, { description: 'The ticket being served.' }) id: string, @Ctx() ctx: Ctx): Promise<QueueTicket> {
    return toTicket(await this.tickets.complete(requireViewer(ctx), id));
  }

  @Authorized('OPERATOR', 'ADMIN')
  @Mutation(() => QueueTicket, { description: 'Operators: the visitor did not come to the window.' })
  async markNoShow(@Arg('id', () => ID, { description: 'The called ticket whose holder did not come.' }) id: string, @Ctx() ctx: Ctx): Promise<QueueTicket> {
    return toTicket(await this.tickets.markNoShow(requireViewer(ctx), id));
  }

  @Authorized()
  @Query(() => [QueueTicket], { description: 'The caller\'s tickets of the last 24 hours, newest first.' })
  async myTickets(@Ctx() ctx: Ctx): Promise<QueueTicket[]> {
    return (await this.tickets.myTickets(requireViewer(ctx))).map(toTicket);
  }

  @Authorized('OPERATOR', 'ADMIN')
  @Query(() => [QueueTicket], { description: 'Operators and admins: the branch\'s live queue.' })
  async queue(@Arg('branchId', () => ID, { description: 'The branch (the operator\'s own; admins any).' }) branchId: string, @Ctx() ctx: Ctx): Promise<QueueTicket[]> {
    return (await this.tickets.queue(requireViewer(ctx), branchId)).map(toTicket);
  }

  @Authorized()
  @Mutation(() => LoadAlert, { description: 'Tell me once when the branch\'s queue is down to maxWaiting people.' })
  async watchBranchLoad(@Arg('branchId', () => ID, { description: 'The branch to watch.' }) branchId: string, @Arg('maxWaiting', () => Int, { description: 'Tell me when this many people or fewer are waiting, 0 to 1000.' }) maxWaiting: number, @Ctx() ctx: Ctx): Promise<LoadAlert> {
    return toAlert(await this.alerts.watch(requireViewer(ctx), branchId, maxWaiting));
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Stops one of the caller\'s load alerts; true when it was active.' })
  cancelLoadAlert(@Arg('id', () => ID, { description: 'The alert to stop.' }) id: string, @Ctx() ctx: Ctx): Promise<boolean> {
    return this.alerts.cancel(requireViewer(ctx), id);
  }

  @Authorized()
  @Query(() => [LoadAlert], { description: 'The caller\'s active load alerts.' })
  async myLoadAlerts(@Ctx() ctx: Ctx): Promise<LoadAlert[]> {
    return (await this.alerts.mine(requireViewer(ctx))).map(toAlert);
  }

  @Broadcast()
  @Subscription(() => BranchLoad, {
    description: 'Live load of the given branches; every branch where none are given (dashboards). The current load comes first.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { branchIds?: string[] | null }, Ctx>) => context.resolver(QueueResolver).liveSources().load.subscribe(args.branchIds ?? null),
  })
  branchLoadChanged(@Root() event: BranchLoadEvent, @Arg('branchIds', () => [ID], { description: 'The branches to follow; without it every branch (dashboards).', nullable: true }) _branchIds: string[] | null): BranchLoad {
    return toLoad(event);
  }

  @Subscription(() => QueueTicket, {
    description: 'The caller\'s own queue tickets: those still in the queue (waiting, called, being served) first, as they are now, then every change (called to a window, served, cancelled...).',
    subscribe: ({ context }: SubscribeResolverData<unknown, unknown, Ctx>) => {
      const viewer = context.viewer;
      if (!viewer) throw unauthenticated();
      return context.resolver(QueueResolver).liveTickets(viewer);
    },
  })
  async ticketUpdated(@Root() event: TicketEvent, @Ctx() ctx: Ctx): Promise<QueueTicket> {
    const t = await this.tickets.ticket(requireViewer(ctx), event.ticketId);
    if (!t) throw notFound('Талон');
    return toTicket(t);
  }

  @FieldResolver(() => Branch, { description: 'The branch the ticket is for.' })
  async branch(@Root() ticket: QueueTicket, @Ctx() ctx: Ctx): Promise<Branch> {
    const row = await branchesLoaders(ctx, this.db, ctx.now).branchById.load(ticket.branchId);
    if (!row) throw notFound('Отделение');
    return toBranch(row);
  }

  @FieldResolver(() => Service, { description: 'The service the ticket is for.' })
  async service(@Root() ticket: QueueTicket, @Ctx() ctx: Ctx): Promise<Service> {
    const row = await catalogLoaders(ctx, this.db).serviceById.load(ticket.serviceId);
    if (!row) throw notFound('Услуга');
    return toService(row);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Place among the waiting tickets (1: next); null once called.' })
  position(@Root() ticket: QueueTicket, @Ctx() ctx: Ctx): Promise<number | null> {
    return ticket.status === TicketStatus.WAITING ? queueLoaders(ctx, this.db, ctx.now).positionByTicket.load(ticket.id) : Promise.resolve(null);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Minutes until the call, from the position, open windows and recent service times.' })
  async estimatedWaitMinutes(@Root() ticket: QueueTicket, @Ctx() ctx: Ctx): Promise<number | null> {
    if (ticket.status !== TicketStatus.WAITING) return null;
    const loaders = queueLoaders(ctx, this.db, ctx.now);
    const [position, figures] = await Promise.all([loaders.positionByTicket.load(ticket.id), loaders.figuresByBranch.load(ticket.branchId)]);
    if (position === null || !figures) return null;
    return this.load.estimateWait(position, figures);
  }
}

@Resolver(() => LoadAlert)
export class LoadAlertResolver {
  constructor(private readonly db: Database) {}

  @FieldResolver(() => Branch, { description: 'The watched branch.' })
  async branch(@Root() alert: LoadAlert, @Ctx() ctx: Ctx): Promise<Branch> {
    const row = await branchesLoaders(ctx, this.db, ctx.now).branchById.load(alert.branchId);
    if (!row) throw notFound('Отделение');
    return toBranch(row);
  }
}

@Resolver(() => Branch)
export class BranchLoadResolver {
  constructor(
    private readonly loads: LoadService,
    private readonly db: Database,
  ) {}

  @FieldResolver(() => BranchLoad, { description: 'Live load from the branch\'s queue.' })
  async load(@Root() branch: Branch, @Ctx() ctx: Ctx): Promise<BranchLoad> {
    const figures = await queueLoaders(ctx, this.db, ctx.now).figuresByBranch.load(branch.id);
    if (!figures) throw notFound('Отделение');
    return toLoad(this.loads.toEvent(figures, ctx.now));
  }

  @FieldResolver(() => [BranchLoadSample], { description: 'Load samples of the last hours (24 at most), oldest first.' })
  async loadHistory(@Root() branch: Branch, @Arg('hours', () => Int, { description: 'How many hours back, 1 to 24 (24 hours are kept); counts as up to 96 samples in the query cost.', nullable: true, defaultValue: DEFAULT_HISTORY_HOURS }) hours: number | null): Promise<BranchLoadSample[]> {
    return (await this.loads.history(branch.id, hours ?? DEFAULT_HISTORY_HOURS)).map(toSample);
  }
}
