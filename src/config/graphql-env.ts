/**
 * Limits of a GraphQL request and how it is executed, parsed with the rest of the configuration in
 * src/config/env.ts. Each has a row in the README's configuration table.
 */
import { int } from './parsers.js';

export const graphqlEnv = {
  /** Query depth, aliases (`__typename` ones count), tokens per document and cost (src/server/cost.ts). */
  GRAPHQL_MAX_DEPTH: int(12, 1),
  GRAPHQL_MAX_ALIASES: int(15, 1),
  GRAPHQL_MAX_TOKENS: int(2000, 1),
  GRAPHQL_MAX_COST: int(20_000, 1),
  /** Largest JSON body of a GraphQL POST (bytes); a larger one is answered 413. */
  GRAPHQL_MAX_BODY_BYTES: int(204_800, 1024),
  /** The largest page the cost counts for a paged field's `first` (src/server/cost.ts). */
  GRAPHQL_MAX_PAGE_SIZE: int(100, 1),
  /** What an unpaged list counts as when src/server/cost.ts knows no size of its own for it. */
  GRAPHQL_UNPAGED_LIST_SIZE: int(20, 1),
  GRAPHQL_MAX_DIRECTIVES: int(20, 1),
  /** A document's queries run as code compiled for it (graphql-jit, src/server/executor.ts) from its Nth run on; 0: never (graphql-js's executor). */
  GRAPHQL_COMPILE_AFTER: int(2, 0),
};
