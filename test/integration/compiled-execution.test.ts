/**
 * Compiled execution (src/server/executor.ts, graphql-jit) answers exactly what graphql-js's
 * executor answers: the same operations, sent to an instance of each kind over one database, give
 * the same status and the same body (data, errors with their codes, paths and locations), for
 * unions and interfaces, variables that do not coerce, a field error in a list, an unexpected
 * error masked, directives, introspection, and a mutation of several root fields run in order.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config/env.js';
import { start, type Running } from '../../src/main.js';
import { createStaff, registerCitizen } from '../helpers/accounts.js';
import { useTestApp } from '../helpers/app.js';
import { buildBranch, buildCategory, buildService } from '../factories/catalog.js';

const compiled = useTestApp({ GRAPHQL_COMPILE_AFTER: '1' });
let interpreted: Running;
let token: string;
let branchId: string;
let serviceId: string;

beforeAll(async () => {
  expect(compiled.config.GRAPHQL_COMPILE_AFTER).toBe(1);
  interpreted = await start(
    loadConfig({
      NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATABASE_URL: compiled.databaseUrl, REDIS_URL: compiled.config.REDIS_URL, REDIS_PREFIX: compiled.config.REDIS_PREFIX,
      MIGRATE_ON_START: 'false', ROLE: 'api', GRAPHQL_COMPILE_AFTER: '0', DATA_ENCRYPTION_KEY: compiled.config.DATA_ENCRYPTION_KEY ?? '',
    }),
  );
  const admin = (await createStaff(compiled, 'ADMIN')).client;
  const category = await buildCategory(admin);
  serviceId = (await buildService(admin, category.id)).id;
  branchId = (await buildBranch(admin, {}, [serviceId])).id;
  token = (await registerCitizen(compiled)).accessToken;
});
afterAll(async () => {
  await interpreted?.stop();
});

async function post(url: string, query: string, variables: Record<string, unknown> = {}, auth?: string) {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) }, body: JSON.stringify({ query, variables }) });
  // The request id differs by request; everything else must not.
  return { status: res.status, body: (await res.text()).replace(/"requestId":"[^"]+"/g, '"requestId":"…"') };
}

async function same(query: string, variables: Record<string, unknown> = {}, auth?: string) {
  const a = await post(compiled.url, query, variables, auth);
  const b = await post(interpreted.api?.url ?? '', query, variables, auth);
  expect(a).toEqual(b);
  return JSON.parse(a.body) as { data?: Record<string, unknown> | null; errors?: Array<{ extensions?: Record<string, unknown> }> };
}

describe('compiled execution answers as graphql-js does', () => {
  it('lists, nested loaders, unions, interfaces and directives', async () => {
    const list = await same('query($s: Boolean!) { branches(first: 5) { nodes { id name openNow load { level } services { id title } region @skip(if: $s) { code } ...on Node { __typename } } } }', { s: true });
    expect(JSON.stringify(list.data)).toContain(branchId);
    const node = await same('query($id: ID!) { node(id: $id) { __typename id ... on Branch { name } ... on Booking { status } } }', { id: branchId }, token);
    expect(node.data?.node).toMatchObject({ __typename: 'Branch', id: branchId });
    await same('query($id: ID!) { node(id: $id) { __typename id } }', { id: serviceId }, token);
    const me = await same('{ me { id firstName trustLevel } a: __typename }', {}, token);
    expect(me.data?.me).toBeTruthy();
    await same('{ me { id } }');
    await same('{ __type(name: "LoginResult") { kind possibleTypes { name } } }');
  });

  it('errors: a union answered with an error, variables that do not coerce, a missing non-null variable, a bad scalar', async () => {
    const login = await same('mutation($i: LoginInput!) { login(input: $i) { __typename ... on AuthPayload { accessToken } ... on Challenge { id } } }', { i: { login: '+79990009999', password: 'not-the-password' } });
    expect(login.errors?.[0]?.extensions?.code).toBeTruthy();
    expect((await same('query($f: Int) { branches(first: $f) { nodes { id } } }', { f: 'many' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await same('query($id: ID!) { branch(id: $id) { id } }');
    await same('query($b: ID!, $s: ID!, $d: Date!) { availableSlots(branchId: $b, serviceId: $s, from: $d, to: $d) { startsAt } }', { b: branchId, s: serviceId, d: '2026-13-45' });
    await same('{ branch(id: "not-a-uuid") { id name } service(code: "no-such-service") { id } }');
  });

  it('an unexpected error in a resolver is masked the same way', async () => {
    const spies = [compiled.running.app, interpreted.app].map((app) => vi.spyOn(app.services.branches, 'regions').mockRejectedValueOnce(new Error('boom: a detail nobody outside may see')));
    try {
      const masked = await same('{ regions { code } a: __typename }');
      expect(masked.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it('a mutation of several root fields runs them one after another (each alias a guess of its own)', async () => {
    const guesses = ['a', 'b'].map((a) => `${a}: confirmRegistration(challengeId: "00000000-0000-4000-8000-000000000000", code: "000000") { accessToken }`).join(' ');
    const answer = await same(`mutation { ${guesses} }`);
    expect(answer.data).toBeNull();
  });
});
