/** Registration, login, second factor, sessions and credentials: thin, one service call each. */
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { requireViewer, type GraphQLContext } from '../../shared/graphql/context.js';
import { LoginInput, RegisterInput } from './accounts.inputs.js';
import { toAuthPayload, toChallenge, toLoginResult, toSession, toUser } from './accounts.mappers.js';
import { AuthPayload, Challenge, LoginResult, Session, TotpSetup, TwoFactorMethod, User } from './accounts.types.js';
import type { AuthService } from './auth.service.js';
import type { ChallengeService } from './challenges.service.js';
import type { CredentialsService } from './credentials.service.js';
import type { SessionService } from './sessions.service.js';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly challenges: ChallengeService,
    private readonly credentials: CredentialsService,
  ) {}

  @Mutation(() => Challenge, { description: 'Starts a registration: a code goes by SMS to the phone.' })
  async register(@Arg('input', () => RegisterInput, { description: 'The new account\'s data.' }) input: RegisterInput, @Ctx() ctx: GraphQLContext): Promise<Challenge> {
    return toChallenge(await this.auth.register(input, ctx.meta));
  }

  @Mutation(() => AuthPayload, { description: 'Finishes a registration with the SMS code and signs in.' })
  async confirmRegistration(@Arg('challengeId', () => ID, { description: 'The challenge `register` returned.' }) challengeId: string, @Arg('code', { description: 'The 6-digit SMS code.' }) code: string, @Ctx() ctx: GraphQLContext): Promise<AuthPayload> {
    return toAuthPayload(await this.auth.confirmRegistration(challengeId, code, ctx.meta));
  }

  @Mutation(() => LoginResult, { description: 'Password login by phone, e-mail, SNILS or INN.' })
  async login(@Arg('input', () => LoginInput, { description: 'Login (phone, e-mail, SNILS or INN) and password.' }) input: LoginInput, @Ctx() ctx: GraphQLContext): Promise<typeof LoginResult> {
    return toLoginResult(await this.auth.login(input, ctx.meta));
  }

  @Mutation(() => AuthPayload, { description: 'Second step of a login: the SMS code or the authenticator code.' })
  async verifySecondFactor(@Arg('challengeId', () => ID, { description: 'The challenge `login` returned.' }) challengeId: string, @Arg('code', { description: 'The SMS or TOTP code.' }) code: string, @Ctx() ctx: GraphQLContext): Promise<AuthPayload> {
    return toAuthPayload(await this.auth.verifySecondFactor(challengeId, code, ctx.meta));
  }

  @Mutation(() => Challenge, { description: 'Sends a new code for a challenge (after a pause, a limited number of times).' })
  async resendCode(@Arg('challengeId', () => ID, { description: 'The challenge to resend (at most 3 times, 60 s apart).' }) challengeId: string, @Ctx() ctx: GraphQLContext): Promise<Challenge> {
    return toChallenge(await this.challenges.resendCode(challengeId, ctx.meta));
  }

  @Mutation(() => AuthPayload, { description: 'Exchanges a refresh token for a new pair; a reused token ends the whole session.' })
  async refreshSession(@Arg('refreshToken', { description: 'The refresh token of the last AuthPayload; it rotates on every use, and reusing a spent one revokes the whole session.' }) refreshToken: string, @Ctx() ctx: GraphQLContext): Promise<AuthPayload> {
    return toAuthPayload(await this.sessions.refreshSession(refreshToken, ctx.meta));
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Ends the current session.' })
  logout(@Ctx() ctx: GraphQLContext): Promise<boolean> {
    return this.sessions.logout(requireViewer(ctx), ctx.meta);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Ends one of the caller\'s sessions (another device).' })
  revokeSession(@Arg('id', () => ID, { description: 'The caller\'s session to end (from `mySessions`); its tokens stop working at once.' }) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return this.sessions.revokeSession(requireViewer(ctx), id, ctx.meta);
  }

  @Authorized()
  @Query(() => [Session], { description: 'The caller\'s signed-in devices.' })
  async mySessions(@Ctx() ctx: GraphQLContext): Promise<Session[]> {
    return (await this.sessions.mySessions(requireViewer(ctx))).map(toSession);
  }

  @Mutation(() => Challenge, { description: 'Answers alike whether or not the account exists.' })
  async requestPasswordReset(@Arg('login', { description: 'Phone, e-mail, SNILS or INN; the answer never reveals whether the account exists.' }) login: string, @Ctx() ctx: GraphQLContext): Promise<Challenge> {
    return toChallenge(await this.credentials.requestPasswordReset(login, ctx.meta));
  }

  @Mutation(() => Boolean, { description: 'Sets a new password with the reset code; every session ends.' })
  resetPassword(@Arg('challengeId', () => ID, { description: 'The challenge `requestPasswordReset` returned.' }) challengeId: string, @Arg('code', { description: 'The 6-digit code.' }) code: string, @Arg('newPassword', { description: 'The new password (same rules as at registration).' }) newPassword: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return this.credentials.resetPassword(challengeId, code, newPassword, ctx.meta);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Changes the password; other devices are signed out.' })
  changePassword(@Arg('currentPassword', { description: 'The current password.' }) currentPassword: string, @Arg('newPassword', { description: 'The new password (8+ characters, upper and lower case, a digit and a special character; not a common one).' }) newPassword: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return this.credentials.changePassword(requireViewer(ctx), currentPassword, newPassword, ctx.meta);
  }

  @Authorized()
  @Mutation(() => TotpSetup, { description: 'A new authenticator secret, active after enableTwoFactor(TOTP, code).' })
  beginTotpSetup(@Ctx() ctx: GraphQLContext): Promise<TotpSetup> {
    return this.credentials.beginTotpSetup(requireViewer(ctx));
  }

  @Authorized()
  @Mutation(() => User, { description: 'Turns on the second factor: SMS (needs a confirmed phone) or TOTP (needs a code from the new secret).' })
  async enableTwoFactor(@Arg('method', () => TwoFactorMethod, { description: 'SMS or TOTP.' }) method: TwoFactorMethod, @Arg('code', () => String, { description: 'For TOTP: a code from the app set up with `beginTotpSetup` (required); not used for SMS.', nullable: true }) code: string | null, @Ctx() ctx: GraphQLContext): Promise<User> {
    return toUser(await this.credentials.enableTwoFactor(requireViewer(ctx), method, code, ctx.meta));
  }

  @Authorized()
  @Mutation(() => User, { description: 'Turns off the second factor; needs the password.' })
  async disableTwoFactor(@Arg('password', { description: 'The current password, to confirm.' }) password: string, @Ctx() ctx: GraphQLContext): Promise<User> {
    return toUser(await this.credentials.disableTwoFactor(requireViewer(ctx), password, ctx.meta));
  }
}
