/**
 * `node(id)`: the modules' NodeFetchers asked in turn (ids are UUIDs, so one type answers). Each
 * fetcher checks the viewer's access, so an object the caller may not see is simply not found.
 */
import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { requireViewer, type GraphQLContext } from '../shared/graphql/context.js';
import { Node, type NodeFetcher } from '../shared/graphql/relay.js';
import type { Viewer } from '../shared/auth/viewer.js';
import { isUuid } from '../shared/ids.js';

export class NodeRegistry {
  private readonly fetchers: NodeFetcher[] = [];

  register(...fetchers: NodeFetcher[]): void {
    this.fetchers.push(...fetchers);
  }

  /** An object of one type as the viewer may see it (the account feed resolves its events with this). */
  async fetchOf(viewer: Viewer, typename: string, id: string): Promise<object | null> {
    if (!isUuid(id)) return null;
    for (const f of this.fetchers) if (f.typename === typename) return f.fetch(viewer, id);
    return null;
  }

  async fetch(viewer: Viewer, id: string): Promise<Node | null> {
    if (!isUuid(id)) return null;
    for (const f of this.fetchers) {
      const found = await f.fetch(viewer, id);
      if (found) return { ...found, __typename: f.typename } as unknown as Node;
    }
    return null;
  }
}

@Resolver()
export class NodeResolver {
  constructor(private readonly registry: NodeRegistry) {}

  @Authorized()
  @Query(() => Node, { nullable: true, description: 'Any object by id, as far as the caller may see it.' })
  node(@Arg('id', () => ID, { description: 'A global id (`id` of any Node).' }) id: string, @Ctx() ctx: GraphQLContext): Promise<Node | null> {
    return this.registry.fetch(requireViewer(ctx), id);
  }
}
