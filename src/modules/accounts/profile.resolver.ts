/** The caller's profile, contacts and journal; staff operations on accounts. */
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireViewer, type GraphQLContext } from '../../shared/graphql/context.js';
import { StaffUserInput, UpdateProfileInput } from './accounts.inputs.js';
import { toActivityConnection, toChallenge, toUser } from './accounts.mappers.js';
import { ActivityConnection, Challenge, OtpChannel, User } from './accounts.types.js';
import type { ProfileService } from './profile.service.js';

@Resolver()
export class ProfileResolver {
  constructor(private readonly profile: ProfileService) {}

  @Query(() => User, { nullable: true, description: 'The caller; null when not signed in.' })
  async me(@Ctx() ctx: GraphQLContext): Promise<User | null> {
    const row = await this.profile.me(ctx.viewer);
    return row ? toUser(row) : null;
  }

  @Authorized()
  @Query(() => ActivityConnection, { description: 'The caller\'s security journal, newest first.' })
  async myActivity(
    @Arg('first', () => Int, { description: 'Page size, 1 to 100 (default 20); counts in the query cost as `first` times the selected fields.', nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { description: 'Cursor from the previous page\'s `pageInfo.endCursor`.', nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ActivityConnection> {
    return toActivityConnection(await this.profile.myActivity(requireViewer(ctx), first ?? 20, after));
  }

  @Authorized()
  @Mutation(() => User, { description: 'Birth date, SNILS, INN and addresses. Names and passport data change through an operator.' })
  async updateProfile(@Arg('input', () => UpdateProfileInput, { description: 'Fields to change; absent fields stay. Names and birth date change only through `requestProfileChange`.' }) input: UpdateProfileInput, @Ctx() ctx: GraphQLContext): Promise<User> {
    return toUser(await this.profile.updateProfile(requireViewer(ctx), input, ctx.meta));
  }

  @Authorized()
  @Mutation(() => Challenge, { description: 'Starts a change of phone (SMS) or e-mail (EMAIL): a code goes to the new contact.' })
  async changeContact(@Arg('channel', () => OtpChannel, { description: 'SMS for the phone, EMAIL for the e-mail.' }) channel: OtpChannel, @Arg('value', { description: 'The new phone (+7...) or e-mail; the code goes there.' }) value: string, @Ctx() ctx: GraphQLContext): Promise<Challenge> {
    return toChallenge(await this.profile.changeContact(requireViewer(ctx), channel, value, ctx.meta));
  }

  @Authorized()
  @Mutation(() => User, { description: 'Finishes a contact change with the code sent to the new contact.' })
  async confirmContactChange(@Arg('challengeId', () => ID, { description: 'The challenge `changeContact` returned.' }) challengeId: string, @Arg('code', { description: 'The 6-digit code sent to the new contact.' }) code: string, @Ctx() ctx: GraphQLContext): Promise<User> {
    return toUser(await this.profile.confirmContactChange(requireViewer(ctx), challengeId, code, ctx.meta));
  }

  @Authorized('OPERATOR', 'ADMIN')
  @Mutation(() => User, { description: 'Operators: identity confirmed in person at a branch.' })
  async confirmIdentity(@Arg('userId', () => ID, { description: 'The citizen whose identity was checked in person (passport shown).' }) userId: string, @Ctx() ctx: GraphQLContext): Promise<User> {
    return toUser(await this.profile.confirmIdentity(requireViewer(ctx), userId, ctx.meta));
  }

  @Authorized('ADMIN')
  @Mutation(() => User, { description: 'Admins: a staff account (operator or administrator).' })
  async createStaffUser(@Arg('input', () => StaffUserInput, { description: 'The staff member\'s data and role.' }) input: StaffUserInput, @Ctx() ctx: GraphQLContext): Promise<User> {
    return toUser(await this.profile.createStaffUser(requireViewer(ctx), input, ctx.meta));
  }
}

@Resolver(() => ActivityConnection)
export class ActivityConnectionResolver {
  @FieldResolver(() => Int)
  totalCount(@Root() connection: ActivityConnection): Promise<number> {
    return connection.countTotal();
  }
}
