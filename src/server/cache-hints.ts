/**
 * HTTP cache hints for public reads (issue 13, item 4): a query made only of public, slowly
 * changing data (the catalog, categories, regions, branches and their hours) is answered with
 * `Cache-Control: public, max-age=HTTP_CACHE_MAX_AGE_SECONDS` (private when the caller is
 * authenticated), anything else with no hint at all.
 *
 * The policy is computed once per parsed document, from the selection alone: a root field is
 * cacheable only when listed in PUBLIC_ROOT_FIELDS, a field listed in LIVE_FIELDS (the load, the
 * board, anything per moment) makes the whole answer uncacheable, and everything else inherits
 * from its parent. This replaces Apollo's cache-control plugin, which wraps every resolver of
 * every request to compute the same thing field by field at run time.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, OperationTypeNode, type DocumentNode, type SelectionSetNode } from 'graphql';
import type { GraphQLContext } from '../shared/graphql/context.js';
import { fragmentsOf, selectedFields, type Fragments } from './selections.js';

/** Root fields that read public data only. */
export const PUBLIC_ROOT_FIELDS: ReadonlySet<string> = new Set([
  'branch',
  'branches',
  'service',
  'services',
  'serviceCategories',
  'regions',
  'localitySuggestions',
  'searchSuggestions',
  'ssoProviders',
  'pushPublicKey',
]);

/** Fields of public types that change from moment to moment (or per caller): never cached. */
export const LIVE_FIELDS: ReadonlySet<string> = new Set(['load', 'loadHistory', 'forecast', 'calledTickets', 'windows', 'cancelledBookings', 'openNow']);

/** Whether one operation's selection is public and slow-changing: every root public, no live field below. */
export function isCacheable(document: DocumentNode, operationName: string | null | undefined): boolean {
  const fragments = fragmentsOf(document);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && (operationName ? d.name?.value === operationName : true));
  if (operation?.kind !== Kind.OPERATION_DEFINITION || operation.operation !== OperationTypeNode.QUERY) return false;
  const roots = [...selectedFields(operation.selectionSet, fragments, new Set())];
  if (roots.length === 0) return false;
  return roots.every((f) => f.name.value === '__typename' || (PUBLIC_ROOT_FIELDS.has(f.name.value) && !hasLiveField(f.selectionSet, fragments, new Set())));
}

function hasLiveField(set: SelectionSetNode | undefined, fragments: Fragments, seen: Set<string>): boolean {
  if (!set) return false;
  for (const f of selectedFields(set, fragments, seen)) if (LIVE_FIELDS.has(f.name.value) || hasLiveField(f.selectionSet, fragments, seen)) return true;
  return false;
}

/** The plugin: the verdict is kept per parsed document (Apollo reuses the parsed document per query text). */
export function cacheHintsPlugin(maxAgeSeconds: number): ApolloServerPlugin<GraphQLContext> {
  const verdicts = new WeakMap<DocumentNode, Map<string, boolean>>();
  const verdict = (document: DocumentNode, name: string | null | undefined): boolean => {
    let byName = verdicts.get(document);
    if (!byName) verdicts.set(document, (byName = new Map<string, boolean>()));
    const key = name ?? '';
    let v = byName.get(key);
    if (v === undefined) byName.set(key, (v = isCacheable(document, name)));
    return v;
  };
  return {
    requestDidStart() {
      if (maxAgeSeconds <= 0) return Promise.resolve(undefined);
      return Promise.resolve({
        willSendResponse({ document, operationName, response, errors, contextValue }) {
          if (!document || (errors?.length ?? 0) > 0 || response.body.kind !== 'single' || !verdict(document, operationName)) return Promise.resolve();
          const scope = contextValue.viewer ? 'private' : 'public';
          response.http.headers.set('cache-control', `${scope}, max-age=${maxAgeSeconds}`);
          return Promise.resolve();
        },
      });
    },
  };
}
