/**
 * What machine clients (Authorization: ApiKey) may call. One table, next to nothing else, so the
 * whole surface an integrator reaches is readable at a glance: every root field it may call, the
 * scopes that allow it (any one of them), and the argument naming a branch for clients restricted
 * to branches. A root field that is not listed is refused to API clients (FORBIDDEN), whatever
 * their scopes: the default is deny, and test/integration/integrations/api-scopes.test.ts walks the
 * schema to prove it for every root field. Checked before execution on HTTP and WebSocket.
 */
import { valueFromASTUntyped, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type ValueNode } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from '../shared/graphql/context.js';
import { AppError, ErrorCode } from '../shared/errors.js';
import { fragmentsOf, selectedFields } from './selections.js';
import type { ApiClientPrincipal, ApiScopeName } from '../shared/auth/api-client.js';

export interface ApiFieldRule {
  scopes: readonly ApiScopeName[];
  /** The argument holding a branch id (or a list of them) that a branch-restricted client must be allowed. */
  branchArg?: string;
}

export const API_CLIENT_FIELDS: Readonly<Record<string, ApiFieldRule>> = {
  'Query.services': { scopes: ['CATALOG_READ'] },
  'Query.service': { scopes: ['CATALOG_READ'] },
  'Query.serviceCategories': { scopes: ['CATALOG_READ'] },
  'Query.availableDates': { scopes: ['CATALOG_READ'], branchArg: 'branchId' },
  'Query.availableSlots': { scopes: ['CATALOG_READ'], branchArg: 'branchId' },
  'Query.regions': { scopes: ['LOAD_READ', 'CATALOG_READ'] },
  'Query.branches': { scopes: ['LOAD_READ', 'CATALOG_READ'] },
  'Query.branch': { scopes: ['LOAD_READ', 'CATALOG_READ'], branchArg: 'id' },
  'Subscription.branchLoadChanged': { scopes: ['LOAD_READ'], branchArg: 'branchIds' },
  // The hall's board (a screen in the hall as an API client restricted to its branch).
  'Query.calledTickets': { scopes: ['LOAD_READ'], branchArg: 'branchId' },
  'Subscription.ticketCalled': { scopes: ['LOAD_READ'], branchArg: 'branchId' },
  // The hall's kiosk: walk-in tickets at its branch (the service also refuses a key restricted to no branch).
  'Mutation.issueWalkInTicket': { scopes: ['QUEUE_KIOSK'], branchArg: 'branchId' },
  'Query.searchSuggestions': { scopes: ['CATALOG_READ'] },
  'Query.webhookEndpoints': { scopes: ['WEBHOOKS_MANAGE'] },
  'Mutation.createWebhookEndpoint': { scopes: ['WEBHOOKS_MANAGE'] },
  'Mutation.updateWebhookEndpoint': { scopes: ['WEBHOOKS_MANAGE'] },
  'Mutation.deleteWebhookEndpoint': { scopes: ['WEBHOOKS_MANAGE'] },
  'Mutation.replayWebhookDelivery': { scopes: ['WEBHOOKS_MANAGE'] },
  'Mutation.replayWebhookEvents': { scopes: ['WEBHOOKS_MANAGE'] },
  'Mutation.sendTestWebhook': { scopes: ['WEBHOOKS_MANAGE'] },
  // Fines and taxes by an integrator (a state agency's system). Not for clients restricted to
  // branches: a charge belongs to no branch (refused in the payments module, payments.access.ts).
  'Mutation.issueCharge': { scopes: ['CHARGES_WRITE'] },
  'Mutation.cancelCharge': { scopes: ['CHARGES_WRITE'] },
};

const refused = (message: string, field: string) => new AppError(ErrorCode.FORBIDDEN, message, { field, http: { status: 403 } });

/** The first root field the client may not call in this operation (as a FORBIDDEN error), or null. */
export function apiClientRefusal(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, client: ApiClientPrincipal, variables: Record<string, unknown>): AppError | null {
  const root = schema.getRootType(operation.operation);
  if (!root) return null;
  for (const field of selectedFields(operation.selectionSet, fragmentsOf(document), new Set())) {
    const name = field.name.value;
    if (name === '__typename') continue;
    const coordinate = `${root.name}.${name}`;
    const rule = API_CLIENT_FIELDS[coordinate];
    if (!rule) return refused(`${coordinate} недоступно клиентам API`, coordinate);
    if (!rule.scopes.some((s) => client.scopes.includes(s))) return refused(`${coordinate} требует одну из областей доступа: ${rule.scopes.join(', ')}`, coordinate);
    if (rule.branchArg && client.branchIds.length > 0) {
      const arg = field.arguments?.find((a) => a.name.value === rule.branchArg);
      const value = arg ? argValue(arg.value, variables) : null;
      const ids = value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];
      if (ids.length === 0 || ids.some((id) => typeof id !== 'string' || !client.branchIds.includes(id))) {
        return refused(`Клиенту API доступны только его отделения (${rule.branchArg})`, coordinate);
      }
    }
  }
  return null;
}

function argValue(node: ValueNode, variables: Record<string, unknown>): unknown {
  return valueFromASTUntyped(node, variables);
}

/** HTTP: refuses an API client's operation before it runs when a root field is not allowed to it. */
export function apiScopesPlugin(schema: GraphQLSchema): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ document, operation, request, contextValue }) {
          const client = contextValue.apiClient;
          const refusal = operation && client ? apiClientRefusal(schema, document, operation, client, request.variables ?? {}) : null;
          return refusal ? Promise.reject(refusal) : Promise.resolve();
        },
      });
    },
  };
}
