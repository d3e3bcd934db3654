/** The Node interface, PageInfo, and how a module lets `node(id)` find one of its types (src/server/nodes.ts asks them). */
import { Field, ID, InterfaceType, ObjectType, Int } from 'type-graphql';
import type { Viewer } from '../auth/viewer.js';

@InterfaceType({
  description: 'An object with a stable id, fetchable with `node(id)`.',
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, { description: 'Globally unique, opaque id; pass it to `node(id)` to fetch the object again.' })
  id!: string;
}

@ObjectType({ description: 'Where a page of a connection ends.' })
export class PageInfo {
  @Field({ description: 'Whether another page follows.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor!: string | null;
}

export function connectionArgsLimit(first: number | null | undefined, max = 100): number {
  return Math.min(Math.max(first ?? 20, 1), max);
}

export { Int };

/** A type that `node(id)` can return: looks the id up as the viewer may see it. */
export interface NodeFetcher {
  typename: string;
  fetch(viewer: Viewer, id: string): Promise<object | null>;
}

/** A type found by `find` (which checks the viewer's access) and turned into its GraphQL object by `map`. */
export function nodeType<R>(typename: string, find: (viewer: Viewer, id: string) => Promise<R | null | undefined>, map: (row: R) => object): NodeFetcher {
  return {
    typename,
    fetch: async (viewer, id) => {
      const row = await find(viewer, id);
      return row ? map(row) : null;
    },
  };
}
