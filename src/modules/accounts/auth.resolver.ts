/** Registration, login, second factor, sessions and credentials: thin, one service call each. */
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { requireViewer, type GraphQLContext } from '../../server/context.js';
import { LoginInput, RegisterInput } from './accounts.inputs.js';
import { toAuthPayload, toUser } from './accounts.mappers.js';
import { AuthPayload, Challenge, LoginResult, Session, TotpSetup, TwoFactorMethod, User } from './accounts.types.js';

const toPayload = toAuthPayload;

@Resolver()
export class AuthResolver {
  @Mutation(() => Challenge, { description: 'Starts a registration: a code goes by SMS to the phone.' })
  register(@Arg('input', () => RegisterInput) input: RegisterInput, @Ctx() ctx: GraphQLContext): Promise<Challenge> {
    return ctx.services.accounts.auth.register(input, ctx.meta) as Promise<Challenge>;
  }

  @Mutation(() => AuthPayload, { description: 'Finishes a registration with the SMS code and signs in.' })
  async confirmRegistration(@Arg('challengeId', () => ID) challengeId: string, @Arg('code') code: string, @Ctx() ctx: GraphQLContext): Promise<AuthPayload> {
    return toPayload(await ctx.services.accounts.auth.confirmRegistration(challengeId, code, ctx.meta));
  }

  @Mutation(() => LoginResult, { description: 'Password login by phone, e-mail, SNILS or INN.' })
  async login(@Arg('input', () => LoginInput) input: LoginInput, @Ctx() ctx: GraphQLContext): Promise<typeof LoginResult> {
    const r = await ctx.services.accounts.auth.login(input, ctx.meta);
    if (r.kind === 'auth') return toPayload(r);
    const { kind: _kind, ...challenge } = r;
    return challenge as Challenge;
  }

  @Mutation(() => AuthPayload, { description: 'Second step of a login: the SMS code or the authenticator code.' })
  async verifySecondFactor(@Arg('challengeId', () => ID) challengeId: string, @Arg('code') code: string, @Ctx() ctx: GraphQLContext): Promise<AuthPayload> {
    return toPayload(await ctx.services.accounts.auth.verifySecondFactor(challengeId, code, ctx.meta));
  }

  @Mutation(() => Challenge, { description: 'Sends a new code for a challenge (after a pause, a limited number of times).' })
  resendCode(@Arg('challengeId', () => ID) challengeId: string, @Ctx() ctx: GraphQLContext): Promise<Challenge> {
    return ctx.services.accounts.challenges.resend(challengeId, ctx.meta).then((row) => ctx.services.accounts.challenges.view(row) as Challenge);
  }

  @Mutation(() => AuthPayload, { description: 'Exchanges a refresh token for a new pair; a reused token ends the whole session.' })
  async refreshSession(@Arg('refreshToken') refreshToken: string, @Ctx() ctx: GraphQLContext): Promise<AuthPayload> {
    return toPayload(await ctx.services.accounts.auth.refreshSession(refreshToken, ctx.meta));
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Ends the current session.' })
  logout(@Ctx() ctx: GraphQLContext): Promise<boolean> {
    return ctx.services.accounts.auth.logout(requireViewer(ctx), ctx.meta);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Ends one of the caller\'s sessions (another device).' })
  revokeSession(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return ctx.services.accounts.auth.revokeSession(requireViewer(ctx), id, ctx.meta);
  }

  @Authorized()
  @Query(() => [Session], { description: 'The caller\'s signed-in devices.' })
  mySessions(@Ctx() ctx: GraphQLContext): Promise<Session[]> {
    return ctx.services.accounts.auth.mySessions(requireViewer(ctx));
  }

  @Mutation(() => Challenge, { description: 'Answers alike whether or not the account exists.' })
  requestPasswordReset(@Arg('login') login: string, @Ctx() ctx: GraphQLContext): Promise<Challenge> {
    return ctx.services.accounts.credentials.requestPasswordReset(login, ctx.meta) as Promise<Challenge>;
  }

  @Mutation(() => Boolean, { description: 'Sets a new password with the reset code; every session ends.' })
  resetPassword(@Arg('challengeId', () => ID) challengeId: string, @Arg('code') code: string, @Arg('newPassword') newPassword: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return ctx.services.accounts.credentials.resetPassword(challengeId, code, newPassword, ctx.meta);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Changes the password; other devices are signed out.' })
  changePassword(@Arg('currentPassword') currentPassword: string, @Arg('newPassword') newPassword: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return ctx.services.accounts.credentials.changePassword(requireViewer(ctx), currentPassword, newPassword, ctx.meta);
  }

  @Authorized()
  @Mutation(() => TotpSetup, { description: 'A new authenticator secret, active after enableTwoFactor(TOTP, code).' })
  beginTotpSetup(@Ctx() ctx: GraphQLContext): Promise<TotpSetup> {
    return ctx.services.accounts.credentials.beginTotpSetup(requireViewer(ctx));
  }

  @Authorized()
  @Mutation(() => User, { description: 'Turns on the second factor: SMS (needs a confirmed phone) or TOTP (needs a code from the new secret).' })
  async enableTwoFactor(@Arg('method', () => TwoFactorMethod) method: TwoFactorMethod, @Arg('code', () => String, { nullable: true }) code: string | null, @Ctx() ctx: GraphQLContext): Promise<User> {
    return toUser(await ctx.services.accounts.credentials.enableTwoFactor(requireViewer(ctx), method, code, ctx.meta));
  }

  @Authorized()
  @Mutation(() => User, { description: 'Turns off the second factor; needs the password.' })
  async disableTwoFactor(@Arg('password') password: string, @Ctx() ctx: GraphQLContext): Promise<User> {
    return toUser(await ctx.services.accounts.credentials.disableTwoFactor(requireViewer(ctx), password, ctx.meta));
  }
}
