/** The citizen's data access log: `myDataAccessLog` and its entries' staff names and branches. */
import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { requireViewer, type GraphQLContext } from '../../shared/graphql/context.js';
import type { AccountsDirectory } from '../accounts/index.js';
import { Branch, toBranch, type BranchesDirectory } from '../branches/index.js';
import { privacyLoaders } from './privacy.loaders.js';
import { toDataAccessConnection } from './privacy.mappers.js';
import type { StaffAccessService } from './privacy.service.js';
import { DataAccessConnection, DataAccessEntry } from './privacy.types.js';

@Resolver(() => DataAccessEntry)
export class DataAccessResolver {
  constructor(
    private readonly access: StaffAccessService,
    private readonly accounts: AccountsDirectory,
    private readonly branches: BranchesDirectory,
  ) {}

  @Authorized()
  @Query(() => DataAccessConnection, { description: "Who on the staff accessed the caller's data, newest first." })
  async myDataAccessLog(
    @Arg('first', () => Int, { description: 'Page size, 1 to 100 (default 20); counts in the query cost as `first` times the selected fields.', nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { description: 'Cursor from the previous page\'s `pageInfo.endCursor`.', nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<DataAccessConnection> {
    return toDataAccessConnection(await this.access.myLog(requireViewer(ctx), first ?? 20, after));
  }

  @FieldResolver(() => String, { description: 'The staff member, by name.' })
  async staffName(@Root() e: DataAccessEntry, @Ctx() ctx: GraphQLContext): Promise<string> {
    const staff = await privacyLoaders(ctx, this.accounts, this.branches).staffById.load(e.staffId);
    return staff ? [staff.lastName, staff.firstName].filter(Boolean).join(' ') : '';
  }

  @FieldResolver(() => Branch, { nullable: true, description: "The staff member's branch at the time (none for admins)." })
  async branch(@Root() e: DataAccessEntry, @Ctx() ctx: GraphQLContext): Promise<Branch | null> {
    if (!e.branchId) return null;
    const row = await privacyLoaders(ctx, this.accounts, this.branches).branchById.load(e.branchId);
    return row ? toBranch(row) : null;
  }
}

@Resolver(() => DataAccessConnection)
export class DataAccessConnectionResolver {
  @FieldResolver(() => Int)
  totalCount(@Root() connection: DataAccessConnection): Promise<number> {
    return connection.countTotal();
  }
}
