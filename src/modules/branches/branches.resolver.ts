/** Branch queries, admin mutations and relation fields (through per-request loaders). */
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Database } from '../../db/client.js';
import { requireViewer, type GraphQLContext } from '../../shared/graphql/context.js';
import { DateScalar } from '../../shared/graphql/scalars.js';
import { notFound } from '../../shared/errors.js';
import { User } from '../accounts/index.js';
import { catalogLoaders, Service, ServiceConnection, servicePageLimit, toService } from '../catalog/index.js';
import { decodeOffset, offsetPage } from '../../shared/pagination.js';
import { BranchFilter, BranchInput, ScheduleExceptionInput, WorkingHoursInput } from './branches.inputs.js';
import { branchesLoaders } from './branches.loaders.js';
import { toBranch, toException, toHours } from './branches.mappers.js';
import { EXCEPTIONS_DEFAULT_DAYS, exceptionsRange } from './branches.rules.js';
import type { BranchesService } from './branches.service.js';
import { Branch, BranchConnection, BranchOrder, Region, ScheduleException, WorkingHours } from './branches.types.js';

/** A page of branches, primed into the operation's loader so relation fields do not re-read them. */
async function branchPage(
  branches: BranchesService,
  db: Database,
  ctx: GraphQLContext,
  args: { filter: BranchFilter | null; orderBy: BranchOrder | null; first: number | null; after: string | null },
): Promise<BranchConnection> {
  const page = await branches.branches(args.filter, args.orderBy, args.first, args.after);
  const loaders = branchesLoaders(ctx, db, ctx.now);
  for (const row of page.nodes) loaders.branchById.prime(row.id, row);
  return { ...page, nodes: page.nodes.map(toBranch) };
}

@Resolver(() => Branch)
export class BranchResolver {
  constructor(
    private readonly branchesService: BranchesService,
    private readonly db: Database,
  ) {}

  @Query(() => [Region], { description: 'Regions with the localities that have branches.' })
  regions(): Promise<Region[]> {
    return this.branchesService.regions();
  }

  @Query(() => BranchConnection, { description: 'Branches by region, locality, service, distance and opening; NAME or DISTANCE order.' })
  branches(
    @Arg('filter', () => BranchFilter, { description: 'Restricts by region, locality, service or distance.', nullable: true }) filter: BranchFilter | null,
    @Arg('orderBy', () => BranchOrder, { description: 'Order of the list; DISTANCE needs `filter.near`.', nullable: true, defaultValue: BranchOrder.NAME }) orderBy: BranchOrder | null,
    @Arg('first', () => Int, { description: 'Page size, 1 to 100 (default 20); counts in the query cost as `first` times the selected fields.', nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { description: 'Cursor from the previous page\'s `pageInfo.endCursor`.', nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BranchConnection> {
    return branchPage(this.branchesService, this.db, ctx, { filter, orderBy, first, after });
  }

  @Query(() => [String], { description: 'Beyond the contract: localities with branches spelled like the text (typos), best first: "Возможно, вы имели в виду …". A branches search by a mistyped locality uses the closest one.' })
  localitySuggestions(@Arg('text', { description: 'The beginning of the locality\'s name, as typed.' }) text: string, @Arg('regionCode', () => String, { description: 'Only localities of this region.', nullable: true }) regionCode: string | null): Promise<string[]> {
    return this.branchesService.localitySuggestions(text, regionCode);
  }

  @Query(() => Branch, { description: 'One branch by id, or null when there is none. Public.', nullable: true })
  async branch(@Arg('id', () => ID, { description: 'The branch\'s id.' }) id: string): Promise<Branch | null> {
    const row = await this.branchesService.branch(id);
    return row ? toBranch(row) : null;
  }

  @FieldResolver(() => Region, { description: 'The region the branch is in.' })
  async region(@Root() branch: Branch, @Ctx() ctx: GraphQLContext): Promise<Region> {
    const region = await branchesLoaders(ctx, this.db, ctx.now).regionByCode.load(branch.regionCode);
    if (!region) throw notFound('Регион');
    return region;
  }

  @FieldResolver(() => [WorkingHours], { description: 'Weekly hours; a missing weekday is a day off.' })
  async workingHours(@Root() branch: Branch, @Ctx() ctx: GraphQLContext): Promise<WorkingHours[]> {
    return (await branchesLoaders(ctx, this.db, ctx.now).hoursByBranch.load(branch.id)).map(toHours);
  }

  @FieldResolver(() => [ScheduleException], { description: `Holidays and short days between from and to (default: the next ${EXCEPTIONS_DEFAULT_DAYS} days).` })
  async exceptions(
    @Root() branch: Branch,
    @Arg('from', () => DateScalar, { description: 'First day (default today).', nullable: true }) from: string | null,
    @Arg('to', () => DateScalar, { description: 'Last day (inclusive; default 30 days on).', nullable: true }) to: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ScheduleException[]> {
    const range = exceptionsRange(ctx.now, from, to);
    return (await branchesLoaders(ctx, this.db, ctx.now).exceptionsByBranch.load(`${branch.id}|${range.from}|${range.to}`)).map(toException);
  }

  @FieldResolver(() => Boolean, { description: 'Open at this moment, in the branch\'s time zone, with breaks and exceptions.' })
  openNow(@Root() branch: Branch, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return branchesLoaders(ctx, this.db, ctx.now).openNowByBranch.load(branch.id);
  }

  @FieldResolver(() => [Service], { description: 'Services offered here, all at once (counted as 60 in the query cost).', deprecationReason: 'Use servicesPage (a page at a time by title) and serviceCount (without loading them); services loads every service of the branch in one list.' })
  async services(@Root() branch: Branch, @Ctx() ctx: GraphQLContext): Promise<Service[]> {
    return (await catalogLoaders(ctx, this.db).servicesByBranch.load(branch.id)).map(toService);
  }

  @FieldResolver(() => Int, { description: 'How many services are offered here (without loading them).' })
  async serviceCount(@Root() branch: Branch, @Ctx() ctx: GraphQLContext): Promise<number> {
    return (await catalogLoaders(ctx, this.db).servicesByBranch.load(branch.id)).length;
  }

  @FieldResolver(() => ServiceConnection, { description: 'Services offered here, a page at a time by title (dashboards of many branches). Cost: first × the selection.' })
  async servicesPage(
    @Root() branch: Branch,
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'Page size (at most GRAPHQL_MAX_PAGE_SIZE).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the page before.' }) after: string | null,
  ): Promise<ServiceConnection> {
    const all = await catalogLoaders(ctx, this.db).servicesByBranch.load(branch.id);
    const offset = after ? decodeOffset(after) : 0;
    const page = offsetPage(all.slice(offset, offset + servicePageLimit(first)), all.length, offset);
    return { ...page, nodes: page.nodes.map(toService) };
  }

  @Authorized('ADMIN')
  @Mutation(() => Branch, { description: 'Admins: a new branch (default hours unless given).' })
  async createBranch(@Arg('input', () => BranchInput, { description: 'The new branch; it starts with default hours (Mon-Fri 09:00-18:00, Sat 10:00-15:00).' }) input: BranchInput, @Ctx() ctx: GraphQLContext): Promise<Branch> {
    return toBranch(await this.branchesService.createBranch(requireViewer(ctx), input));
  }

  @Authorized('ADMIN')
  @Mutation(() => Branch, { description: 'Admins: changes a branch\'s data; public caches are refreshed.' })
  async updateBranch(@Arg('id', () => ID, { description: 'The branch to change.' }) id: string, @Arg('input', () => BranchInput, { description: 'The branch\'s new data.' }) input: BranchInput, @Ctx() ctx: GraphQLContext): Promise<Branch> {
    return toBranch(await this.branchesService.updateBranch(requireViewer(ctx), id, input));
  }

  @Authorized('ADMIN')
  @Mutation(() => Branch, { description: 'Admins: replaces the weekly hours; bookings at times now closed are cancelled (cancelledBookings says how many).' })
  async setWorkingHours(@Arg('branchId', () => ID, { description: 'The branch.' }) branchId: string, @Arg('hours', () => [WorkingHoursInput], { description: 'The weekly hours, one entry per open weekday (replaces them); bookings that no longer fit are cancelled with a message.' }) hours: WorkingHoursInput[], @Ctx() ctx: GraphQLContext): Promise<Branch> {
    return toBranch(await this.branchesService.setWorkingHours(requireViewer(ctx), branchId, hours));
  }

  @Authorized('ADMIN')
  @Mutation(() => Branch, { description: 'Admins: a holiday or short day (replaces one on the same date); bookings at times now closed are cancelled (cancelledBookings says how many).' })
  async addScheduleException(@Arg('branchId', () => ID, { description: 'The branch.' }) branchId: string, @Arg('input', () => ScheduleExceptionInput, { description: 'The day and its hours (or closed); bookings that no longer fit are cancelled with a message.' }) input: ScheduleExceptionInput, @Ctx() ctx: GraphQLContext): Promise<Branch> {
    return toBranch(await this.branchesService.addScheduleException(requireViewer(ctx), branchId, input));
  }

  @Authorized('ADMIN')
  @Mutation(() => Branch, { description: 'Admins: replaces the services offered.' })
  async setBranchServices(@Arg('branchId', () => ID, { description: 'The branch.' }) branchId: string, @Arg('serviceIds', () => [ID], { description: 'Every service the branch offers (replaces the list).' }) serviceIds: string[], @Ctx() ctx: GraphQLContext): Promise<Branch> {
    return toBranch(await this.branchesService.setBranchServices(requireViewer(ctx), branchId, serviceIds));
  }
}

@Resolver(() => Service)
export class ServiceBranchesResolver {
  constructor(
    private readonly branchesService: BranchesService,
    private readonly db: Database,
  ) {}

  @FieldResolver(() => BranchConnection, { description: 'Branches offering the service.' })
  branches(
    @Root() service: Service,
    @Arg('filter', () => BranchFilter, { description: 'Restricts by region, locality or distance.', nullable: true }) filter: BranchFilter | null,
    @Arg('first', () => Int, { description: 'Page size, 1 to 100 (default 20); counts in the query cost as `first` times the selected fields.', nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { description: 'Cursor from the previous page\'s `pageInfo.endCursor`.', nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BranchConnection> {
    return branchPage(this.branchesService, this.db, ctx, { filter: { ...filter, serviceId: service.id }, orderBy: BranchOrder.NAME, first, after });
  }
}

@Resolver(() => User)
export class StaffBranchResolver {
  constructor(private readonly db: Database) {}

  @FieldResolver(() => Branch, { nullable: true, description: 'The branch a staff member works at.' })
  async staffBranch(@Root() user: User, @Ctx() ctx: GraphQLContext): Promise<Branch | null> {
    if (!user.staffBranchId) return null;
    const row = await branchesLoaders(ctx, this.db, ctx.now).branchById.load(user.staffBranchId);
    return row ? toBranch(row) : null;
  }
}
