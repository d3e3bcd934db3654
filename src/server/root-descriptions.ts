/**
 * Descriptions of the root operation types (type-graphql has no decorator for them), set on the
 * built schema before it is emitted. What a client must know before its first operation lives here.
 */
import type { GraphQLSchema } from 'graphql';

const common =
  'Send the access token as `Authorization: Bearer <token>` (HTTP) or `connectionParams.authorization` (WebSocket); API clients send `Authorization: ApiKey <secret>` and reach only the fields their scopes allow. ' +
  'A bad token is not anonymous: UNAUTHENTICATED with `extensions.reason` TOKEN_EXPIRED (refresh it), TOKEN_INVALID or SESSION_REVOKED (log in again), HTTP 401. ' +
  'Failures carry a stable `extensions.code` (UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT with `extensions.fields`, CONFLICT, PRECONDITION_FAILED (a rule of the domain says no), RATE_LIMITED with `extensions.retryAfter`). ' +
  'Limits per operation (defaults, configurable): depth 12 (GRAPHQL_MAX_DEPTH), 15 aliases, 20 directives, 2000 tokens and a cost of 20000 (GRAPHQL_MAX_COST): every field costs 1 and a list multiplies what is selected under it by its `first` (pages hold at most 100) or by its known size; a costlier operation is refused before it runs ("Query is too expensive").';

const roots = {
  query: `Reads. Public catalog and branch reads need no token and are served from a shared cache; everything about a person needs one. ${common}`,
  mutation: `Changes. Each mutation runs in one transaction; inputs are checked field by field (BAD_USER_INPUT lists every wrong field at once). ${common}`,
  subscription: `Live updates over WebSocket (graphql-ws protocol on /graphql). A subscription first sends the current state where it says so, then every change. The socket closes 4401 when the token expires and 4403 when the session is revoked or the token is invalid, with the reason. ${common}`,
} as const;

export function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const types = { query: schema.getQueryType(), mutation: schema.getMutationType(), subscription: schema.getSubscriptionType() };
  for (const [op, description] of Object.entries(roots) as Array<[keyof typeof roots, string]>) {
    const type = types[op];
    if (type && !type.description) type.description = description;
  }
  return schema;
}
