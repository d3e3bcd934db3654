/** The catalog's queries, admin mutations and relation fields (through per-request loaders). */
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireViewer, type GraphQLContext } from '../../server/context.js';
import { notFound } from '../../shared/errors.js';
import { ServiceCategoryInput, ServiceFilter, ServiceInput } from './catalog.inputs.js';
import { toCategory, toService } from './catalog.mappers.js';
import { Fee, Service, ServiceCategory, ServiceConnection } from './catalog.types.js';

const RUB = (amount: string) => ({ amount, currency: 'RUB' });

async function servicePage(ctx: GraphQLContext, filter: ServiceFilter | null, first: number | null, after: string | null): Promise<ServiceConnection> {
  const page = await ctx.services.catalog.services(filter, first, after);
  for (const row of page.nodes) ctx.loaders.catalog.serviceById.prime(row.id, row);
  return { ...page, nodes: page.nodes.map(toService) };
}

@Resolver(() => Service)
export class ServiceResolver {
  @Query(() => [ServiceCategory], { description: 'Every category of the catalog.' })
  async serviceCategories(@Ctx() ctx: GraphQLContext): Promise<ServiceCategory[]> {
    return (await ctx.services.catalog.categories()).map(toCategory);
  }

  @Query(() => ServiceConnection, { description: 'Services, best matches first when searching.' })
  services(
    @Arg('filter', () => ServiceFilter, { nullable: true }) filter: ServiceFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ServiceConnection> {
    return servicePage(ctx, filter, first, after);
  }

  @Query(() => Service, { nullable: true, description: 'A service by id or by code.' })
  async service(
    @Arg('id', () => ID, { nullable: true }) id: string | null,
    @Arg('code', () => String, { nullable: true }) code: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Service | null> {
    const row = await ctx.services.catalog.service({ id, code });
    return row ? toService(row) : null;
  }

  @FieldResolver(() => ServiceCategory)
  async category(@Root() service: Service, @Ctx() ctx: GraphQLContext): Promise<ServiceCategory> {
    const row = await ctx.loaders.catalog.categoryById.load(service.categoryId);
    if (!row) throw notFound('Категория');
    return toCategory(row);
  }

  @FieldResolver(() => Fee, { nullable: true, description: 'The state fee; null when the service is free.' })
  fee(@Root() service: Service, @Ctx() ctx: GraphQLContext): Fee | null {
    const fee = ctx.services.catalog.fee(service.feeAmount);
    return fee ? { amount: RUB(fee.amount), onlineAmount: RUB(fee.onlineAmount) } : null;
  }

  @Authorized('ADMIN')
  @Mutation(() => ServiceCategory, { description: 'Admins: a new category.' })
  async createServiceCategory(@Arg('input', () => ServiceCategoryInput) input: ServiceCategoryInput, @Ctx() ctx: GraphQLContext): Promise<ServiceCategory> {
    return toCategory(await ctx.services.catalog.createCategory(requireViewer(ctx), input));
  }

  @Authorized('ADMIN')
  @Mutation(() => Service, { description: 'Admins: a new service.' })
  async createService(@Arg('input', () => ServiceInput) input: ServiceInput, @Ctx() ctx: GraphQLContext): Promise<Service> {
    return toService(await ctx.services.catalog.createService(requireViewer(ctx), input));
  }

  @Authorized('ADMIN')
  @Mutation(() => Service, { description: 'Admins: replaces a service\'s description.' })
  async updateService(@Arg('id', () => ID) id: string, @Arg('input', () => ServiceInput) input: ServiceInput, @Ctx() ctx: GraphQLContext): Promise<Service> {
    return toService(await ctx.services.catalog.updateService(requireViewer(ctx), id, input));
  }

  @Authorized('ADMIN')
  @Mutation(() => Service, { description: 'Admins: the service is no longer offered (kept for history).' })
  async archiveService(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Service> {
    return toService(await ctx.services.catalog.archiveService(requireViewer(ctx), id));
  }
}

@Resolver(() => ServiceCategory)
export class ServiceCategoryResolver {
  @FieldResolver(() => ServiceConnection, { description: 'The category\'s services.' })
  services(
    @Root() category: ServiceCategory,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ServiceConnection> {
    return servicePage(ctx, { categoryId: category.id }, first, after);
  }
}
