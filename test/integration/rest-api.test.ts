/**
 * The REST endpoints against schema/openapi.json: every route the app mounts is described, every
 * error answer of every endpoint has the one `Error` body (checked with ajv against the file's
 * own schema), with a status the file lists for that operation. (The file is checked against the
 * official OpenAPI 3.1 schema in test/sdk/openapi.test.ts, `npm run test:sdk`.)
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { createAccount } from '../helpers/accounts.js';
import { useTestApp, type TestApp } from '../helpers/app.js';

interface Operation { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }
const spec = JSON.parse(readFileSync(new URL('../../schema/openapi.json', import.meta.url), 'utf8')) as {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, object> };
};
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
ajv.addSchema({ $id: 'openapi', components: spec.components }, 'openapi');
const isError = ajv.compile({ $ref: 'openapi#/components/schemas/Error' });
const SECRET = 'sms-webhook-secret-for-tests';
const ID = '00000000-0000-4000-8000-000000000000';

/** Calls an endpoint and checks its error: the documented status, the one body, the code. */
async function expectError(t: TestApp, specPath: string, method: 'get' | 'post' | 'options', url: string, init: RequestInit, status: number, code: string) {
  const res = await fetch(`${t.url}${url}`, { ...init, method: method.toUpperCase() });
  expect(res.status, `${method} ${url}`).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await res.json()) as { errors: Array<{ extensions: { code: string; reason?: string } }> };
  expect(isError(body), JSON.stringify(isError.errors)).toBe(true);
  expect(body.errors[0]?.extensions.code).toBe(code);
  const documented = spec.paths[specPath]?.[method];
  if (documented) expect(Object.keys(documented.responses), `${method} ${specPath} documents ${status}`).toContain(String(status));
  return body;
}

describe('REST endpoints and schema/openapi.json', () => {
  const t = useTestApp({ SMS_WEBHOOK_SECRET: SECRET });

  it('describes every route the app mounts, with the Error body on every error response', () => {
    expect(spec.openapi).toBe('3.1.0');
    const mounted = t.running.app.routers.flatMap((router) =>
      (router as unknown as { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> }).stack.flatMap((layer) =>
        layer.route ? Object.keys(layer.route.methods).map((m) => `${m} ${layer.route?.path.replace(/:(\w+)/g, '{$1}')}`) : [],
      ),
    );
    expect(mounted.length).toBeGreaterThanOrEqual(5);
    for (const route of [...mounted, 'get /healthz', 'get /readyz']) {
      const [method = '', path = ''] = route.split(' ');
      expect(spec.paths[path]?.[method], `${route} is in schema/openapi.json`).toBeDefined();
    }
    for (const [path, ops] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const [status, response] of Object.entries(op.responses)) {
          if (Number(status) < 400 || path === '/readyz') continue;
          expect(response.content?.['application/json']?.schema, `${method} ${path} ${status}`).toEqual({ $ref: '#/components/schemas/Error' });
        }
      }
    }
  });

  it('POST /uploads', async () => {
    const owner = await createAccount(t, 'CITIZEN');
    await expectError(t, '/uploads', 'post', '/uploads', { body: new FormData() }, 401, 'UNAUTHENTICATED');
    const body = await expectError(t, '/uploads', 'post', '/uploads', { headers: { authorization: `Bearer ${owner.accessToken}`, 'content-type': 'text/plain' }, body: 'x' }, 400, 'BAD_USER_INPUT');
    expect(JSON.stringify(body)).toContain('"field":"file"');
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('plain text, not a scan')]), 'a.pdf');
    await expectError(t, '/uploads', 'post', '/uploads', { headers: { authorization: `Bearer ${owner.accessToken}` }, body: form }, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('GET /attachments/{id}', async () => {
    const owner = await createAccount(t, 'CITIZEN');
    await expectError(t, '/attachments/{id}', 'get', `/attachments/${ID}`, {}, 401, 'UNAUTHENTICATED');
    await expectError(t, '/attachments/{id}', 'get', `/attachments/${ID}`, { headers: { authorization: `Bearer ${owner.accessToken}` } }, 404, 'NOT_FOUND');
    const link = await expectError(t, '/attachments/{id}', 'get', `/attachments/${ID}?sig=forged.x`, {}, 401, 'UNAUTHENTICATED');
    expect(link.errors[0]?.extensions.reason).toBe('LINK_INVALID');
  });

  it('GET /bookings/{id}/ticket.pdf and /bookings/{id}/event.ics', async () => {
    const owner = await createAccount(t, 'CITIZEN');
    for (const file of ['ticket.pdf', 'event.ics']) {
      const path = `/bookings/{id}/${file}`;
      await expectError(t, path, 'get', `/bookings/${ID}/${file}`, {}, 401, 'UNAUTHENTICATED');
      await expectError(t, path, 'get', `/bookings/${ID}/${file}`, { headers: { authorization: `Bearer ${owner.accessToken}` } }, 404, 'NOT_FOUND');
      const link = await expectError(t, path, 'get', `/bookings/${ID}/${file}?sig=a.b`, {}, 401, 'UNAUTHENTICATED');
      expect(link.errors[0]?.extensions.reason).toBe('LINK_INVALID');
    }
  });

  it('POST /webhooks/sms-status', async () => {
    const json = { 'content-type': 'application/json' };
    await expectError(t, '/webhooks/sms-status', 'post', '/webhooks/sms-status', { headers: { ...json, authorization: 'Bearer wrong' }, body: '{}' }, 401, 'UNAUTHENTICATED');
    const bad = await expectError(t, '/webhooks/sms-status', 'post', '/webhooks/sms-status', { headers: { ...json, authorization: `Bearer ${SECRET}` }, body: JSON.stringify({ reference: 'r1', status: 'LOST' }) }, 400, 'BAD_USER_INPUT');
    expect(JSON.stringify(bad)).toContain('"field":"status"');
  });

  it('unknown paths, refused preflights and malformed JSON answer with the same body', async () => {
    await expectError(t, '/nowhere', 'get', '/nowhere', {}, 404, 'NOT_FOUND');
    await expectError(t, '/graphql', 'options', '/graphql', { headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } }, 403, 'FORBIDDEN');
    await expectError(t, '/graphql', 'post', '/graphql', { headers: { 'content-type': 'application/json' }, body: '{"query": ' }, 400, 'BAD_REQUEST');
  });
});
