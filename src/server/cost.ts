/**
 * The cost of an operation, computed with its variables (so `first: $n` counts like `first: 12`),
 * on HTTP (an Apollo plugin, before execution) and on WebSocket (in onSubscribe) alike.
 *
 * Every field costs 1. A field returning a list multiplies what is selected under it by the list's
 * size: a paged field by its `first` (a variable's value or the argument's default, capped at
 * GRAPHQL_MAX_PAGE_SIZE), and the `nodes`/`edges` of a connection by the connection's `first`; an
 * unpaged list by its largest real size (UNPAGED_LIST_SIZES, else GRAPHQL_UNPAGED_LIST_SIZE).
 * An operation above GRAPHQL_MAX_COST is refused before anything runs: "Query is too expensive".
 */
import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isAbstractType,
  isInterfaceType,
  isListType,
  isObjectType,
  valueFromAST,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Config } from '../config/env.js';

/** Lists without paging, by the most they hold in practice (documented in the README). */
export const UNPAGED_LIST_SIZES: Readonly<Record<string, number>> = {
  'Branch.services': 60,
  'Branch.workingHours': 7,
  'Branch.exceptions': 60,
  'Branch.loadHistory': 96,
  'Query.serviceCategories': 50,
  'Query.regions': 100,
  'Query.availableSlots': 100,
  'Query.queue': 200,
  'Subscription.queueChanged': 200,
  'Query.calledTickets': 50,
  'Branch.calledTickets': 50,
  'Branch.forecast': 24,
  'Query.complaints': 100,
  'Query.supportChats': 100,
  'Service.requiredDocuments': 20,
};

export interface CostLimits {
  maxCost: number;
  maxPageSize: number;
  unpagedListSize: number;
}

export const costLimits = (config: Config): CostLimits => ({
  maxCost: config.GRAPHQL_MAX_COST,
  maxPageSize: config.GRAPHQL_MAX_PAGE_SIZE,
  unpagedListSize: config.GRAPHQL_UNPAGED_LIST_SIZE,
});

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  limits: CostLimits;
}

function argValue(w: Walk, field: GraphQLField<unknown, unknown>, node: { arguments?: readonly { name: { value: string }; value: import('graphql').ValueNode }[] }, name: string): unknown {
  const def = field.args.find((a) => a.name === name);
  if (!def) return undefined;
  const given = node.arguments?.find((a) => a.name.value === name);
  if (!given) return def.defaultValue;
  return valueFromAST(given.value, def.type, w.variables);
}

function selectionCost(w: Walk, set: SelectionSetNode, parent: GraphQLNamedType, pageSize: number | null, seen: Set<string>): number {
  let total = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FRAGMENT_SPREAD) {
      const frag = w.fragments.get(sel.name.value);
      if (!frag || seen.has(frag.name.value)) continue;
      const type = w.schema.getType(frag.typeCondition.name.value) ?? parent;
      total += selectionCost(w, frag.selectionSet, type, pageSize, new Set([...seen, frag.name.value]));
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      const type = sel.typeCondition ? (w.schema.getType(sel.typeCondition.name.value) ?? parent) : parent;
      total += selectionCost(w, sel.selectionSet, type, pageSize, seen);
    } else {
      if (!(isObjectType(parent) || isInterfaceType(parent))) continue;
      const field = parent.getFields()[sel.name.value];
      if (!field) continue;
      total += 1;
      if (!sel.selectionSet) continue;
      const first = argValue(w, field, sel, 'first');
      const ownPage = typeof first === 'number' ? Math.min(Math.max(first, 0), w.limits.maxPageSize) : null;
      const isList = isListType(getNullableType(field.type));
      const coordinate = `${parent.name}.${field.name}`;
      // A list's size: its own `first`, else the page of the connection it belongs to, else its known maximum.
      const size = isList ? (ownPage ?? (['nodes', 'edges'].includes(field.name) ? pageSize : null) ?? UNPAGED_LIST_SIZES[coordinate] ?? w.limits.unpagedListSize) : 1;
      const child = getNamedType(field.type);
      const childCost = selectionCost(w, sel.selectionSet, child, isList ? null : ownPage, seen);
      total += size * (isAbstractType(child) ? Math.max(childCost, 1) : childCost);
    }
  }
  return total;
}

/** The operation's cost with these variables (see the file's comment for the model). */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, limits: CostLimits): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  return selectionCost({ schema, fragments, variables, limits }, operation.selectionSet, root, null, new Set());
}

/** Throws the "too expensive" error when the operation costs more than the limit. */
export function assertAffordable(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, limits: CostLimits): void {
  const cost = operationCost(schema, document, operation, variables, limits);
  if (cost > limits.maxCost) throw tooExpensive(cost, limits.maxCost);
}

export function tooExpensive(cost: number, maxCost: number): GraphQLError {
  return new GraphQLError('Query is too expensive: ask for fewer objects or smaller pages', {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_TOO_EXPENSIVE', cost, maxCost },
  });
}
