/**
 * The schema walk: every root field of the emitted schema either declares the scopes that may call
 * it (src/server/api-scopes.ts) or is refused to API clients, even to a client holding every scope.
 * Live requests over HTTP and WebSocket (api-keys.test.ts) show the check is wired; this proves it
 * covers the whole surface, so a new root field is closed to machine clients until someone opens it.
 */
import { readFileSync } from 'node:fs';
import { buildSchema, getOperationAST, parse, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { API_CLIENT_FIELDS, apiClientRefusal } from '../../../src/server/api-scopes.js';
import { API_SCOPES, type ApiClientPrincipal } from '../../../src/shared/auth/api-client.js';

const schema = buildSchema(readFileSync(new URL('../../../schema/schema.graphql', import.meta.url), 'utf8'));
const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter((r): r is GraphQLObjectType => r !== null && r !== undefined);
const everything: ApiClientPrincipal = { clientId: 'c', name: 'all scopes', scopes: API_SCOPES, branchIds: [] };
const keyword = { Query: 'query', Mutation: 'mutation', Subscription: 'subscription' } as Record<string, string>;

function refusalFor(root: GraphQLObjectType, field: string, client: ApiClientPrincipal) {
  const document = parse(`${keyword[root.name] ?? 'query'} { ${field} }`, { noLocation: true });
  const op = getOperationAST(document);
  if (!op) throw new Error('no operation');
  return apiClientRefusal(schema, document, op, client, {});
}

describe('every root field an API client may reach', () => {
  const fields = roots.flatMap((root) => Object.keys(root.getFields()).map((name) => ({ root, name, coordinate: `${root.name}.${name}` })));

  it('walks the whole schema', () => {
    expect(fields.length).toBeGreaterThan(100);
  });

  it.each(fields)('$coordinate declares its scopes or is refused', ({ root, name, coordinate }) => {
    const rule = API_CLIENT_FIELDS[coordinate];
    const refusal = refusalFor(root, name, everything);
    if (rule) {
      expect(rule.scopes.length).toBeGreaterThan(0);
      expect(refusal).toBeNull();
      // and a client without any of its scopes is refused
      const without = { ...everything, scopes: API_SCOPES.filter((s) => !rule.scopes.includes(s)) };
      expect(refusalFor(root, name, without)?.extensions.code).toBe('FORBIDDEN');
    } else {
      expect(refusal?.extensions).toMatchObject({ code: 'FORBIDDEN', field: coordinate });
    }
  });

  it('declares no field the schema does not have, and only known scopes and arguments', () => {
    for (const [coordinate, rule] of Object.entries(API_CLIENT_FIELDS)) {
      const [type, field] = coordinate.split('.');
      const root = roots.find((r) => r.name === type);
      const def = root?.getFields()[field ?? ''];
      expect(def, coordinate).toBeDefined();
      for (const s of rule.scopes) expect(API_SCOPES, coordinate).toContain(s);
      if (rule.branchArg) expect(def?.args.map((a) => a.name), coordinate).toContain(rule.branchArg);
    }
  });
});
