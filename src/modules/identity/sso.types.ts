/** GraphQL types of the SSO login (the contract's SsoProvider and SsoRedirect). */
import 'reflect-metadata';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'An OpenID Connect provider one can log in with, e.g. Gosuslugi.' })
export class SsoProvider {
  @Field(() => ID, { description: 'Pass to beginSsoLogin.' })
  id!: string;
  @Field({ description: 'Shown on the button: "Войти через Госуслуги".' })
  name!: string;
}

@ObjectType({ description: 'Where to send the browser to log in at the provider.' })
export class SsoRedirect {
  @Field({ description: "The provider's authorization URL (code flow with PKCE S256, state and nonce)." })
  authorizationUrl!: string;
  @Field({ description: 'The state the provider brings back to the redirect URI with the code; single use, short-lived.' })
  state!: string;
}
