/** Branch queries, admin mutations and relation fields (through per-request loaders). */
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireViewer, type GraphQLContext } from '../../server/context.js';
import { DateScalar } from '../../shared/graphql/scalars.js';
import { notFound } from '../../shared/errors.js';
import { User } from '../accounts/index.js';
import { toService } from '../catalog/index.js';
import { Service } from '../catalog/index.js';
import { BranchFilter, BranchInput, ScheduleExceptionInput, WorkingHoursInput } from './branches.inputs.js';
import { toBranch, toException, toHours } from './branches.mappers.js';
import { Branch, BranchConnection, BranchOrder, Region, ScheduleException, WorkingHours } from './branches.types.js';

async function branchPage(ctx: GraphQLContext, filter: BranchFilter | null, orderBy: BranchOrder | null, first: number | null, after: string | null): Promise<BranchConnection> {
  const page = await ctx.services.branches.branches(filter, orderBy, first, after);
  for (const row of page.nodes) ctx.loaders.branches.branchById.prime(row.id, row);
  return { ...page, nodes: page.nodes.map(toBranch) };
}

@Resolver(() => Branch)
export class BranchResolver {
  @Query(() => [Region], { description: 'Regions with the localities that have branches.' })
  regions(@Ctx() ctx: GraphQLContext): Promise<Region[]> {
    return ctx.services.branches.regions();
  }

  @Query(() => BranchConnection, { description: 'Branches by region, locality, service, distance and opening; NAME or DISTANCE order.' })
  branches(
    @Arg('filter', () => BranchFilter, { nullable: true }) filter: BranchFilter | null,
    @Arg('orderBy', () => BranchOrder, { nullable: true, defaultValue: BranchOrder.NAME }) orderBy: BranchOrder | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BranchConnection> {
    return branchPage(ctx, filter, orderBy, first, after);
  }

  @Query(() => Branch, { nullable: true })
  async branch(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Branch | null> {
    const row = await ctx.services.branches.branch(id);
    return row ? toBranch(row) : null;
  }

  @FieldResolver(() => Region)
  async region(@Root() branch: Branch, @Ctx() ctx: GraphQLContext): Promise<Region> {
    const region = await ctx.loaders.branches.regionByCode.load(branch.regionCode);
    if (!region) throw notFound('Регион');
    return region;
  }

  @FieldResolver(() => [WorkingHours], { description: 'Weekly hours; a missing weekday is a day off.' })
  async workingHours(@Root() branch: Branch, @Ctx() ctx: GraphQLContext): Promise<WorkingHours[]> {
    return (await ctx.loaders.branches.hoursByBranch.load(branch.id)).map(toHours);
  }

  @FieldResolver(() => [ScheduleException], { description: 'Holidays and short days between from and to (default: the next 30 days).' })
  async exceptions(
    @Root() branch: Branch,
    @Arg('from', () => DateScalar, { nullable: true }) from: string | null,
    @Arg('to', () => DateScalar, { nullable: true }) to: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ScheduleException[]> {
    const today = ctx.now.toISOString().slice(0, 10);
    const until = to ?? new Date(ctx.now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    return (await ctx.loaders.branches.exceptionsByBranch.load(`${branch.id}|${from ?? today}|${until}`)).map(toException);
  }

  @FieldResolver(() => Boolean, { description: 'Open at this moment, in the branch\'s time zone, with breaks and exceptions.' })
  openNow(@Root() branch: Branch, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return ctx.loaders.branches.openNowByBranch.load(branch.id);
  }

  @FieldResolver(() => [Service], { description: 'Services offered here.' })
  async services(@Root() branch: Branch, @Ctx() ctx: GraphQLContext): Promise<Service[]> {
    return (await ctx.loaders.catalog.servicesByBranch.load(branch.id)).map(toService);
  }

  @Authorized('ADMIN')
  @Mutation(() => Branch, { description: 'Admins: a new branch (default hours unless given).' })
  async createBranch(@Arg('input', () => BranchInput) input: BranchInput, @Ctx() ctx: GraphQLContext): Promise<Branch> {
    return toBranch(await ctx.services.branches.createBranch(requireViewer(ctx), input));
  }

  @Authorized('ADMIN')
  @Mutation(() => Branch)
  async updateBranch(@Arg('id', () => ID) id: string, @Arg('input', () => BranchInput) input: BranchInput, @Ctx() ctx: GraphQLContext): Promise<Branch> {
    return toBranch(await ctx.services.branches.updateBranch(requireViewer(ctx), id, input));
  }

  @Authorized('ADMIN')
  @Mutation(() => Branch, { description: 'Admins: replaces the weekly hours.' })
  async setWorkingHours(@Arg('branchId', () => ID) branchId: string, @Arg('hours', () => [WorkingHoursInput]) hours: WorkingHoursInput[], @Ctx() ctx: GraphQLContext): Promise<Branch> {
    return toBranch(await ctx.services.branches.setWorkingHours(requireViewer(ctx), branchId, hours));
  }

  @Authorized('ADMIN')
  @Mutation(() => Branch, { description: 'Admins: a holiday or short day (replaces one on the same date).' })
  async addScheduleException(@Arg('branchId', () => ID) branchId: string, @Arg('input', () => ScheduleExceptionInput) input: ScheduleExceptionInput, @Ctx() ctx: GraphQLContext): Promise<Branch> {
    return toBranch(await ctx.services.branches.addScheduleException(requireViewer(ctx), branchId, input));
  }

  @Authorized('ADMIN')
  @Mutation(() => Branch, { description: 'Admins: replaces the services offered.' })
  async setBranchServices(@Arg('branchId', () => ID) branchId: string, @Arg('serviceIds', () => [ID]) serviceIds: string[], @Ctx() ctx: GraphQLContext): Promise<Branch> {
    return toBranch(await ctx.services.branches.setBranchServices(requireViewer(ctx), branchId, serviceIds));
  }
}

@Resolver(() => Service)
export class ServiceBranchesResolver {
  @FieldResolver(() => BranchConnection, { description: 'Branches offering the service.' })
  branches(
    @Root() service: Service,
    @Arg('filter', () => BranchFilter, { nullable: true }) filter: BranchFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BranchConnection> {
    return branchPage(ctx, { ...filter, serviceId: service.id }, BranchOrder.NAME, first, after);
  }
}

@Resolver(() => User)
export class StaffBranchResolver {
  @FieldResolver(() => Branch, { nullable: true, description: 'The branch a staff member works at.' })
  async staffBranch(@Root() user: User, @Ctx() ctx: GraphQLContext): Promise<Branch | null> {
    if (!user.staffBranchId) return null;
    const row = await ctx.loaders.branches.branchById.load(user.staffBranchId);
    return row ? toBranch(row) : null;
  }
}
