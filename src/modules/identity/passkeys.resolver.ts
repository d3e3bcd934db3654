/** Passkeys: register (while logged in), list, remove, and log in. Thin, one service call each. */
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { requireViewer, type GraphQLContext } from '../../shared/graphql/context.js';
import { JSONScalar } from '../../shared/graphql/scalars.js';
import { toAuthPayload } from '../accounts/index.js';
import { AuthPayload } from '../accounts/index.js';
import { toPasskey } from './identity.mappers.js';
import type { PasskeysService } from './passkeys.service.js';
import { Passkey, PasskeyChallenge } from './passkeys.types.js';

@Resolver()
export class PasskeysResolver {
  constructor(private readonly passkeys: PasskeysService) {}

  @Authorized()
  @Query(() => [Passkey], { description: "The caller's passkeys, oldest first." })
  async myPasskeys(@Ctx() ctx: GraphQLContext): Promise<Passkey[]> {
    return (await this.passkeys.myPasskeys(requireViewer(ctx))).map(toPasskey);
  }

  @Authorized()
  @Mutation(() => PasskeyChallenge, { description: 'Starts adding a passkey to the caller\'s account (WebAuthn registration).' })
  beginPasskeyRegistration(@Ctx() ctx: GraphQLContext): Promise<PasskeyChallenge> {
    return this.passkeys.beginRegistration(requireViewer(ctx), ctx.meta);
  }

  @Authorized()
  @Mutation(() => Passkey, { description: 'Finishes adding a passkey with the answer of navigator.credentials.create() (RegistrationResponseJSON).' })
  async finishPasskeyRegistration(
    @Arg('challengeId', () => ID, { description: 'The challenge `beginPasskeyRegistration` returned.' }) challengeId: string,
    @Arg('response', () => JSONScalar, { description: 'RegistrationResponseJSON as @simplewebauthn/browser startRegistration() answers it.' }) response: unknown,
    @Arg('name', () => String, { nullable: true, description: 'What the owner calls the device; "Ключ доступа" when not given.' }) name: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Passkey> {
    return toPasskey(await this.passkeys.finishRegistration(requireViewer(ctx), { challengeId, response, name }, ctx.meta));
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Removes one of the caller\'s passkeys; it can no longer log in.' })
  removePasskey(@Arg('id', () => ID, { description: 'The caller\'s passkey to remove.' }) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return this.passkeys.remove(requireViewer(ctx), id, ctx.meta);
  }

  @Mutation(() => PasskeyChallenge, { description: 'Starts a login with a passkey (WebAuthn authentication, discoverable credentials).' })
  beginPasskeyLogin(@Ctx() ctx: GraphQLContext): Promise<PasskeyChallenge> {
    return this.passkeys.beginLogin(ctx.meta);
  }

  @Mutation(() => AuthPayload, { description: 'Finishes a passkey login with the answer of navigator.credentials.get() (AuthenticationResponseJSON) and signs in.' })
  async finishPasskeyLogin(
    @Arg('challengeId', () => ID, { description: 'The challenge `beginPasskeyLogin` returned.' }) challengeId: string,
    @Arg('response', () => JSONScalar, { description: 'AuthenticationResponseJSON as @simplewebauthn/browser startAuthentication() answers it.' }) response: unknown,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AuthPayload> {
    return toAuthPayload(await this.passkeys.finishLogin({ challengeId, response }, ctx.meta));
  }
}
