/** Login with an electronic signature: thin, one service call each. */
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../shared/graphql/context.js';
import { toAuthPayload } from '../accounts/index.js';
import { AuthPayload } from '../accounts/index.js';
import type { SignatureService } from './signature.service.js';
import { SignatureChallenge, SignatureLoginInput } from './signature.types.js';

@Resolver()
export class SignatureResolver {
  constructor(private readonly signature: SignatureService) {}

  @Mutation(() => SignatureChallenge, { description: 'Starts a login with an electronic signature: the text to sign.' })
  beginSignatureLogin(@Ctx() ctx: GraphQLContext): Promise<SignatureChallenge> {
    return this.signature.begin(ctx.meta);
  }

  @Mutation(() => AuthPayload, { description: 'Finishes a signature login: the signature, the certificate chain up to a trusted root, and the account named by the SNILS or INN in the certificate.' })
  async completeSignatureLogin(@Arg('input', () => SignatureLoginInput, { description: 'The challenge and its signature.' }) input: SignatureLoginInput, @Ctx() ctx: GraphQLContext): Promise<AuthPayload> {
    return toAuthPayload(await this.signature.complete(input, ctx.meta));
  }
}
