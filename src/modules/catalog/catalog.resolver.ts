/** The catalog's queries, admin mutations and relation fields (through per-request loaders). */
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Database } from '../../db/client.js';
import { requireViewer, type GraphQLContext } from '../../shared/graphql/context.js';
import { notFound } from '../../shared/errors.js';
import { ServiceCategoryInput, ServiceFilter, ServiceInput } from './catalog.inputs.js';
import { catalogLoaders } from './catalog.loaders.js';
import { toCategory, toFee, toService } from './catalog.mappers.js';
import type { CatalogService } from './catalog.service.js';
import { Fee, Service, ServiceCategory, ServiceConnection } from './catalog.types.js';

/** A page of services; each row primes this operation's loader (Booking.service and the like). */
async function servicePage(catalog: CatalogService, db: Database, ctx: GraphQLContext, filter: ServiceFilter | null, first: number | null, after: string | null): Promise<ServiceConnection> {
  const page = await catalog.services(filter, first, after);
  const { serviceById } = catalogLoaders(ctx, db);
  for (const row of page.nodes) serviceById.prime(row.id, row);
  return { ...page, nodes: page.nodes.map(toService) };
}

@Resolver(() => Service)
export class ServiceResolver {
  constructor(
    private readonly catalog: CatalogService,
    private readonly db: Database,
  ) {}

  @Query(() => [ServiceCategory], { description: 'Every category of the catalog.' })
  async serviceCategories(): Promise<ServiceCategory[]> {
    return (await this.catalog.categories()).map(toCategory);
  }

  @Query(() => ServiceConnection, { description: 'Services, best matches first when searching.' })
  services(
    @Arg('filter', () => ServiceFilter, { description: 'Restricts by words (Russian morphology), category, kind or online availability.', nullable: true }) filter: ServiceFilter | null,
    @Arg('first', () => Int, { description: 'Page size, 1 to 100 (default 20); counts in the query cost as `first` times the selected fields.', nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { description: 'Cursor from the previous page\'s `pageInfo.endCursor`.', nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ServiceConnection> {
    return servicePage(this.catalog, this.db, ctx, filter, first, after);
  }

  @Query(() => Service, { nullable: true, description: 'A service by id or by code.' })
  async service(@Arg('id', () => ID, { description: 'The service\'s id (give id or code).', nullable: true }) id: string | null, @Arg('code', () => String, { description: 'The service\'s code (give id or code).', nullable: true }) code: string | null): Promise<Service | null> {
    const row = await this.catalog.service({ id, code });
    return row ? toService(row) : null;
  }

  @FieldResolver(() => ServiceCategory, { description: 'The category the service belongs to.' })
  async category(@Root() service: Service, @Ctx() ctx: GraphQLContext): Promise<ServiceCategory> {
    const row = await catalogLoaders(ctx, this.db).categoryById.load(service.categoryId);
    if (!row) throw notFound('Категория');
    return toCategory(row);
  }

  @FieldResolver(() => Fee, { nullable: true, description: 'The state fee; null when the service is free.' })
  fee(@Root() service: Service): Fee | null {
    return toFee(this.catalog.fee(service.feeAmount));
  }

  @Authorized('ADMIN')
  @Mutation(() => ServiceCategory, { description: 'Admins: a new category.' })
  async createServiceCategory(@Arg('input', () => ServiceCategoryInput, { description: 'The new category.' }) input: ServiceCategoryInput, @Ctx() ctx: GraphQLContext): Promise<ServiceCategory> {
    return toCategory(await this.catalog.createCategory(requireViewer(ctx), input));
  }

  @Authorized('ADMIN')
  @Mutation(() => ServiceCategory, { description: 'Admins: renames a category (slug and title).' })
  async updateServiceCategory(@Arg('id', () => ID, { description: 'The category to change.' }) id: string, @Arg('input', () => ServiceCategoryInput, { description: 'The category\'s new data.' }) input: ServiceCategoryInput, @Ctx() ctx: GraphQLContext): Promise<ServiceCategory> {
    return toCategory(await this.catalog.updateCategory(requireViewer(ctx), id, input));
  }

  @Authorized('ADMIN')
  @Mutation(() => Boolean, { description: 'Admins: only a category without services (archived ones included); CONFLICT otherwise.' })
  deleteServiceCategory(@Arg('id', () => ID, { description: 'The category to delete; refused (PRECONDITION_FAILED) while it has services.' }) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return this.catalog.deleteCategory(requireViewer(ctx), id);
  }

  @Authorized('ADMIN')
  @Mutation(() => Service, { description: 'Admins: a new service.' })
  async createService(@Arg('input', () => ServiceInput, { description: 'The new service.' }) input: ServiceInput, @Ctx() ctx: GraphQLContext): Promise<Service> {
    return toService(await this.catalog.createService(requireViewer(ctx), input));
  }

  @Authorized('ADMIN')
  @Mutation(() => Service, { description: 'Admins: replaces a service\'s description.' })
  async updateService(@Arg('id', () => ID, { description: 'The service to change.' }) id: string, @Arg('input', () => ServiceInput, { description: 'The service\'s new data.' }) input: ServiceInput, @Ctx() ctx: GraphQLContext): Promise<Service> {
    return toService(await this.catalog.updateService(requireViewer(ctx), id, input));
  }

  @Authorized('ADMIN')
  @Mutation(() => Service, { description: 'Admins: the service is no longer offered (kept for history).' })
  async archiveService(@Arg('id', () => ID, { description: 'The service to archive; it leaves the catalog but its applications stay.' }) id: string, @Ctx() ctx: GraphQLContext): Promise<Service> {
    return toService(await this.catalog.archiveService(requireViewer(ctx), id));
  }
}

@Resolver(() => ServiceCategory)
export class ServiceCategoryResolver {
  constructor(
    private readonly catalog: CatalogService,
    private readonly db: Database,
  ) {}

  @FieldResolver(() => ServiceConnection, { description: 'The category\'s services.' })
  services(
    @Root() category: ServiceCategory,
    @Arg('first', () => Int, { description: 'Page size, 1 to 100 (default 20); counts in the query cost as `first` times the selected fields.', nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { description: 'Cursor from the previous page\'s `pageInfo.endCursor`.', nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ServiceConnection> {
    return servicePage(this.catalog, this.db, ctx, { categoryId: category.id }, first, after);
  }
}
