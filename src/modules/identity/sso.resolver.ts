/** Login through an OpenID Connect provider: thin, one service call each. */
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../shared/graphql/context.js';
import { toAuthPayload } from '../accounts/index.js';
import { AuthPayload } from '../accounts/index.js';
import type { SsoService } from './sso.service.js';
import { SsoProvider, SsoRedirect } from './sso.types.js';

@Resolver()
export class SsoResolver {
  constructor(private readonly sso: SsoService) {}

  @Query(() => [SsoProvider], { description: 'The configured external login providers (Gosuslugi and others).' })
  ssoProviders(): SsoProvider[] {
    return this.sso.providers();
  }

  @Mutation(() => SsoRedirect, { description: 'Starts a login at a provider; redirectUri must be one of the provider\'s allowed redirect URIs.' })
  beginSsoLogin(@Arg('providerId', () => ID, { description: 'The provider, from `ssoProviders`.' }) providerId: string, @Arg('redirectUri', { description: 'Where the provider sends the user back; must be one of the configured redirect URIs.' }) redirectUri: string, @Ctx() ctx: GraphQLContext): Promise<SsoRedirect> {
    return this.sso.begin(providerId, redirectUri, ctx.meta);
  }

  @Mutation(() => AuthPayload, { description: 'Finishes a provider login with the state and code the provider sent to the redirect URI, and signs in.' })
  async completeSsoLogin(@Arg('state', { description: 'The `state` query parameter the provider returned (checked against the one issued).' }) state: string, @Arg('code', { description: 'The `code` query parameter the provider returned.' }) code: string, @Ctx() ctx: GraphQLContext): Promise<AuthPayload> {
    return toAuthPayload(await this.sso.complete(state, code, ctx.meta));
  }
}
