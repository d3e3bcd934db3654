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
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ActivityConnection> {
    return toActivityConnection(await this.profile.myActivity(requireViewer(ctx), first ?? 20, after));
  }

  @Authorized()
  @Mutation(() => User, { description: 'Birth date, SNILS, INN and addresses. Names and passport data change through an operator.' })
  async updateProfile(@Arg('input', () => UpdateProfileInput) input: UpdateProfileInput, @Ctx() ctx: GraphQLContext): Promise<User> {
    return toUser(await this.profile.updateProfile(requireViewer(ctx), input, ctx.meta));
  }

  @Authorized()
  @Mutation(() => Challenge, { description: 'Starts a change of phone (SMS) or e-mail (EMAIL): a code goes to the new contact.' })
  async changeContact(@Arg('channel', () => OtpChannel) channel: OtpChannel, @Arg('value') value: string, @Ctx() ctx: GraphQLContext): Promise<Challenge> {
    return toChallenge(await this.profile.changeContact(requireViewer(ctx), channel, value, ctx.meta));
  }

  @Authorized()
  @Mutation(() => User, { description: 'Finishes a contact change with the code sent to the new contact.' })
  async confirmContactChange(@Arg('challengeId', () => ID) challengeId: string, @Arg('code') code: string, @Ctx() ctx: GraphQLContext): Promise<User> {
    return toUser(await this.profile.confirmContactChange(requireViewer(ctx), challengeId, code, ctx.meta));
  }

  @Authorized('OPERATOR', 'ADMIN')
  @Mutation(() => User, { description: 'Operators: identity confirmed in person at a branch.' })
  async confirmIdentity(@Arg('userId', () => ID) userId: string, @Ctx() ctx: GraphQLContext): Promise<User> {
    return toUser(await this.profile.confirmIdentity(requireViewer(ctx), userId, ctx.meta));
  }

  @Authorized('ADMIN')
  @Mutation(() => User, { description: 'Admins: a staff account (operator or administrator).' })
  async createStaffUser(@Arg('input', () => StaffUserInput) input: StaffUserInput, @Ctx() ctx: GraphQLContext): Promise<User> {
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
