/** Branch.forecast and recommendBranches (public), and the recommendation's branch. */
import { Arg, Ctx, FieldResolver, Float, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Database } from '../../db/client.js';
import { type GraphQLContext } from '../../shared/graphql/context.js';
import { notFound } from '../../shared/errors.js';
import { DateScalar } from '../../shared/graphql/scalars.js';
import { Branch, branchesLoaders, GeoPointInput, toBranch } from '../branches/index.js';
import type { ForecastService } from './forecast.service.js';
import { toForecast, toRecommendation } from './queue.mappers.js';
import { BranchRecommendation, VisitForecast } from './queue.types.js';

type Ctx = GraphQLContext;

@Resolver(() => BranchRecommendation)
export class ForecastResolver {
  constructor(
    private readonly forecasts: ForecastService,
    private readonly db: Database,
  ) {}

  @Query(() => [BranchRecommendation], { description: 'Branches ranked for a service near a point: distance, wait now and the next free place.' })
  async recommendBranches(
    @Arg('serviceId', () => ID, { description: 'The service wanted.' }) serviceId: string,
    @Arg('near', () => GeoPointInput, { description: 'Where the citizen is.' }) near: GeoPointInput,
    @Arg('radiusKm', () => Float, { nullable: true, defaultValue: 25, description: 'Only branches this close (at most RECOMMEND_MAX_RADIUS_KM).' }) radiusKm: number | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 5, description: 'How many branches (at most RECOMMEND_MAX_RESULTS).' }) first: number | null,
  ): Promise<BranchRecommendation[]> {
    return (await this.forecasts.recommend(serviceId, near, radiusKm, first)).map(toRecommendation);
  }

  @FieldResolver(() => Branch, { description: 'The branch recommended.' })
  async branch(@Root() r: BranchRecommendation, @Ctx() ctx: Ctx): Promise<Branch> {
    const row = await branchesLoaders(ctx, this.db, ctx.now).branchById.load(r.branchId);
    if (!row) throw notFound('Отделение');
    return toBranch(row);
  }
}

@Resolver(() => Branch)
export class BranchForecastResolver {
  constructor(
    private readonly forecasts: ForecastService,
    private readonly db: Database,
  ) {}

  @FieldResolver(() => [VisitForecast], { description: 'Expected wait per hour for a day (default: today, branch time zone).' })
  async forecast(
    @Root() branch: Branch,
    @Ctx() ctx: Ctx,
    @Arg('date', () => DateScalar, { nullable: true, description: 'The local day (default: today at the branch).' }) date: string | null,
    @Arg('serviceId', () => ID, { nullable: true, description: 'Count this service\'s free appointment places per hour.' }) serviceId: string | null,
  ): Promise<VisitForecast[]> {
    const row = await branchesLoaders(ctx, this.db, ctx.now).branchById.load(branch.id);
    if (!row) throw notFound('Отделение');
    return (await this.forecasts.forecast(row, date ?? null, serviceId ?? null)).map(toForecast);
  }
}
