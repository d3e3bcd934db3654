/**
 * Transitional: the context of resolvers not yet moved to constructor-injected services. Modules
 * that have a front door use src/shared/graphql/context.ts; this file goes when the last one does.
 */
import type { Services } from '../app.js';
import type { GraphQLContext as SharedContext } from '../shared/graphql/context.js';
import type { Loaders } from './loaders.js';

export { requireViewer } from '../shared/graphql/context.js';

export interface GraphQLContext extends SharedContext {
  services: Services;
  loaders: Loaders;
}
