/** Admins' management of staff accounts over GraphQL: thin, everything in StaffAdmin. */
import 'reflect-metadata';
import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { requireViewer, type GraphQLContext } from '../../shared/graphql/context.js';
import { PageInfo } from '../../shared/graphql/relay.js';
import { toUser } from './accounts.mappers.js';
import { Role, User } from './accounts.types.js';
import type { StaffAdmin } from './staff.service.js';

@ObjectType({ description: 'A page of users.' })
export class UserConnection {
  @Field(() => [User], { description: 'The users of this page.' })
  nodes!: User[];
  @Field(() => PageInfo, { description: 'Where this page ends; pass `endCursor` as `after` for the next one.' })
  pageInfo!: PageInfo;
  @Field(() => Int, { description: 'How many users match, across all pages.' })
  totalCount!: number;
}

@InputType({ description: 'What an admin changes of a staff account; fields left out stay as they are.' })
export class StaffUpdateInput {
  @Field(() => [Role], { nullable: true, description: 'OPERATOR and/or ADMIN; a change ends the account\'s sessions (roles travel in tokens).' })
  roles?: Role[] | null;
  @Field(() => ID, { nullable: true, description: 'The branch an operator works at (an operator needs one).' })
  branchId?: string | null;
  @Field(() => String, { description: 'New last name.', nullable: true })
  lastName?: string | null;
  @Field(() => String, { description: 'New first name.', nullable: true })
  firstName?: string | null;
  @Field(() => String, { nullable: true, description: 'An empty string clears it.' })
  middleName?: string | null;
}

@Resolver()
export class StaffResolver {
  constructor(private readonly staff: StaffAdmin) {}

  @Authorized('ADMIN')
  @Query(() => UserConnection, { description: 'Admins: staff accounts, by name; by branch and role, inactive ones on request.' })
  async staffUsers(
    @Arg('branchId', () => ID, { description: 'Only staff of this branch.', nullable: true }) branchId: string | null,
    @Arg('role', () => Role, { description: 'Only this role (OPERATOR or ADMIN).', nullable: true }) role: Role | null,
    @Arg('includeInactive', () => Boolean, { description: 'Also deactivated staff.', nullable: true, defaultValue: false }) includeInactive: boolean | null,
    @Arg('first', () => Int, { description: 'Page size, 1 to 100 (default 20); counts in the query cost as `first` times the selected fields.', nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { description: 'Cursor from the previous page\'s `pageInfo.endCursor`.', nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UserConnection> {
    const staffRole = role === Role.OPERATOR || role === Role.ADMIN ? role : null;
    if (role === Role.CITIZEN) return { nodes: [], totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null } };
    const page = await this.staff.list(requireViewer(ctx), { branchId, role: staffRole, includeInactive }, first, after);
    return { ...page, nodes: page.nodes.map(toUser) };
  }

  @Authorized('ADMIN')
  @Mutation(() => User, { description: 'Admins: a staff account\'s roles, branch and name; journalled.' })
  async updateStaffUser(@Arg('id', () => ID, { description: 'The staff member to change.' }) id: string, @Arg('input', () => StaffUpdateInput, { description: 'Fields to change; a role or branch change revokes their sessions.' }) input: StaffUpdateInput, @Ctx() ctx: GraphQLContext): Promise<User> {
    return toUser(await this.staff.update(requireViewer(ctx), id, input, ctx.meta));
  }

  @Authorized('ADMIN')
  @Mutation(() => User, { description: 'Admins: the account cannot log in by any method, every session ends at once on every instance, its open cases go back to their line; journalled.' })
  async deactivateStaffUser(@Arg('id', () => ID, { description: 'The staff member to deactivate; their sessions are revoked.' }) id: string, @Ctx() ctx: GraphQLContext): Promise<User> {
    return toUser(await this.staff.deactivate(requireViewer(ctx), id, ctx.meta));
  }

  @Authorized('ADMIN')
  @Mutation(() => User, { description: 'Admins: a deactivated staff account may log in again; journalled.' })
  async reactivateStaffUser(@Arg('id', () => ID, { description: 'The deactivated staff member to let back in.' }) id: string, @Ctx() ctx: GraphQLContext): Promise<User> {
    return toUser(await this.staff.reactivate(requireViewer(ctx), id, ctx.meta));
  }
}
