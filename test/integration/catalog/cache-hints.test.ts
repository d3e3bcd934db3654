/**
 * Cache hints on public reads (issue 13, item 4): only a query made of public, slow-changing
 * fields is cacheable, public for anonymous callers and private with a token; live fields,
 * personal fields, mutations and errors get no hint.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registerCitizen } from '../../helpers/accounts.js';
import { startTestApp, type TestApp } from '../../helpers/app.js';

let t: TestApp;
let token: string;

beforeAll(async () => {
  t = await startTestApp({ HTTP_CACHE_MAX_AGE_SECONDS: '45' });
  token = (await registerCitizen(t)).accessToken;
});
afterAll(async () => {
  await t.stop();
});

async function get(query: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${t.url}/graphql?query=${encodeURIComponent(query)}`, { headers: { 'apollo-require-preflight': 'true', ...headers } });
  const body = (await res.json()) as { errors?: unknown[] };
  return { status: res.status, cacheControl: res.headers.get('cache-control'), body };
}

it('marks an anonymous read of public data public with the configured max-age, also through fragments', async () => {
  const r = await get('{ serviceCategories { id title } regions { code name } }');
  expect(r.body.errors).toBeUndefined();
  expect(r.cacheControl).toBe('public, max-age=45');
  const viaFragment = await get('query Q { branches(first: 2) { nodes { ...B } } } fragment B on Branch { id name workingHours { weekday opens closes } }');
  expect(viaFragment.body.errors).toBeUndefined();
  expect(viaFragment.cacheControl).toBe('public, max-age=45');
});

it('makes the same read private for a signed-in caller', async () => {
  const r = await get('{ serviceCategories { id title } }', { authorization: `Bearer ${token}` });
  expect(r.cacheControl).toBe('private, max-age=45');
});

it('gives no hint when a live or personal field is selected, on errors and on mutations', async () => {
  expect((await get('{ branches(first: 2) { nodes { id load { waiting } } } }')).cacheControl).toBeNull();
  expect((await get('query Q { branches(first: 2) { nodes { ...B } } } fragment B on Branch { id openNow }')).cacheControl).toBeNull();
  expect((await get('{ serviceCategories { id } me { id } }', { authorization: `Bearer ${token}` })).cacheControl).toBeNull();
  const wrong = await get('{ service(id: "not-an-id") { id } }');
  expect(wrong.body.errors).toBeDefined();
  expect(wrong.cacheControl).toBeNull();
  const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'mutation { logout }' }) });
  expect(res.headers.get('cache-control')).toBeNull();
});

it('names only fields that exist in the schema (a renamed field must not silently drop out of the lists)', async () => {
  const { buildSchema } = await import('graphql');
  const { readFileSync } = await import('node:fs');
  const { LIVE_FIELDS, PUBLIC_ROOT_FIELDS } = await import('../../../src/server/cache-hints.js');
  const schema = buildSchema(readFileSync(new URL('../../../schema/schema.graphql', import.meta.url), 'utf8'));
  const query = Object.keys(schema.getQueryType()?.getFields() ?? {});
  expect([...PUBLIC_ROOT_FIELDS].filter((f) => !query.includes(f))).toEqual([]);
  const branch = schema.getType('Branch') as import('graphql').GraphQLObjectType;
  expect([...LIVE_FIELDS].filter((f) => !(f in branch.getFields()))).toEqual([]);
});
