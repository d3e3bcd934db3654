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
    @Arg('filter', () => BranchFilter, { nullable: true }) filter: BranchFilter | null,
    @Arg('orderBy', () => BranchOrder, { nullable: true, defaultValue: BranchOrder.NAME }) orderBy: BranchOrder | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BranchConnection> {
    return branchPage(this.branchesService, this.db, ctx, { filter, orderBy, first, after });
  }

  @Query(() => [String], { description: 'Beyond the contract: localities with branches spelled like the text (typos), best first: "Возможно, вы имели в виду …". A branches search by a mistyped locality uses the closest one.' })
  localitySuggestions(@Arg('text') text: string, @Arg('regionCode', () => String, { nullable: true }) regionCode: string | null): Promise<string[]> {
    return this.branchesService.localitySuggestions(text, regionCode);
  }

  @Query(() => Branch, { nullable: true })
  async branch(@Arg('id', () => ID) id: string): Promise<Branch | null> {
    const row = await this.branchesService.branch(id);
    return row ? toBranch(row) : null;
  }

  @FieldResolver(() => Region)
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
    @Arg('from', () => DateScalar, { nullable: true }) from: string | null,
    @Arg('to', () => DateScalar, { nullable: true }) to: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ScheduleException[]> {
    const range = exceptionsRange(ctx.now, from, to);
    return (await branchesLoaders(ctx, this.db, ctx.now).exceptionsByBranch.load(`${branch.id}|${range.from}|${range.to}`)).map(toException);
  }

  @FieldResolver(() => Boolean, { description: 'Open at this moment, in the branch\'s time zone, with breaks and exceptions.' })
  openNow(@Root() branch: Branch, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return branchesLoaders(ctx, this.db, ctx.now).openNowByBranch.load(branch.id);
  }

  @FieldResolver(() => [Service], { description: 'Services offered here.' })
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
  async createBranch(@Arg('input', () => BranchInput) input: BranchInput, @Ctx() ctx: GraphQLContext): Promise<Branch> {
    return toBranch(await this.branchesService.createBranch(requireViewer(ctx), input));
  }

  @Authorized('ADMIN')
  @Mutation(() => Branch)
  async updateBranch(@Arg('id', () => ID) id: string, @Arg('input', () => BranchInput) input: BranchInput, @Ctx() ctx: GraphQLContext): Promise<Branch> {
    return toBranch(await this.branchesService.updateBranch(requireViewer(ctx), id, input));
  }

  @Authorized('ADMIN')
  @Mutation(() => Branch, { description: 'Admins: replaces the weekly hours; bookings at times now closed are cancelled (cancelledBookings says how many).' })
  async setWorkingHours(@Arg('branchId', () => ID) branchId: string, @Arg('hours', () => [WorkingHoursInput]) hours: WorkingHoursInput[], @Ctx() ctx: GraphQLContext): Promise<Branch> {
    return toBranch(await this.branchesService.setWorkingHours(requireViewer(ctx), branchId, hours));
  }

  @Authorized('ADMIN')
  @Mutation(() => Branch, { description: 'Admins: a holiday or short day (replaces one on the same date); bookings at times now closed are cancelled (cancelledBookings says how many).' })
  async addScheduleException(@Arg('branchId', () => ID) branchId: string, @Arg('input', () => ScheduleExceptionInput) input: ScheduleExceptionInput, @Ctx() ctx: GraphQLContext): Promise<Branch> {
    return toBranch(await this.branchesService.addScheduleException(requireViewer(ctx), branchId, input));
  }

  @Authorized('ADMIN')
  @Mutation(() => Branch, { description: 'Admins: replaces the services offered.' })
  async setBranchServices(@Arg('branchId', () => ID) branchId: string, @Arg('serviceIds', () => [ID]) serviceIds: string[], @Ctx() ctx: GraphQLContext): Promise<Branch> {
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
    @Arg('filter', () => BranchFilter, { nullable: true }) filter: BranchFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
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
