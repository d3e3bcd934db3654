import { gzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { MeDocument } from '../../src/sdk/generated/graphql.js';
import { queryText, type Doc } from '../../src/sdk/client.js';
import { registerCitizen } from '../helpers/accounts.js';
import { startTestApp, useTestApp } from '../helpers/app.js';

const doc = <R = unknown, V = Record<string, unknown>>(q: string) => ({ toString: () => q }) as Doc<R, V>;

describe('HTTP surface (production settings)', () => {
  const t = useTestApp({ NODE_ENV: 'production', GRAPHQL_MAX_ALIASES: '5', GRAPHQL_MAX_DEPTH: '2' });

  it('healthz says the process is alive and readyz that PostgreSQL and Redis answer', async () => {
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ postgres: true, redis: true });
  });

  it('answers malformed JSON with a JSON error, not an HTML page', async () => {
    const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/json/);
    const body = (await res.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]?.extensions.code).toBe('BAD_REQUEST');
  });

  it('answers a body over 200 kB with 413 PAYLOAD_TOO_LARGE as JSON, and a simple form POST (no JSON, a CSRF shape) with 400', async () => {
    const big = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(210 * 1024) } }) });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const form = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ __typename }"}' });
    expect(form.status).toBe(400);
    // A query string on a POST changes nothing, and the answer's length is exact (no chunked body, no ETag).
    const ok = await fetch(`${t.url}/graphql?from=test`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    const text = await ok.text();
    expect([ok.status, text, ok.headers.get('content-length'), ok.headers.get('etag')]).toEqual([200, '{"data":{"__typename":"Query"}}\n', String(Buffer.byteLength(text)), null]);
    expect(ok.headers.get('x-request-id')).toBeTruthy();
  });

  it('reads a JSON body as express.json does: strict, a UTF-8 charset, compressed, chunked past the limit', async () => {
    const post = (body: string | Uint8Array | ReadableStream<Uint8Array>, headers: Record<string, string>) => fetch(`${t.url}/graphql`, { method: 'POST', headers, body, ...(body instanceof ReadableStream && { duplex: 'half' }) });
    const query = JSON.stringify({ query: '{ __typename }' });
    // Neither an object nor an array: refused like malformed JSON.
    expect((await post('"{ __typename }"', { 'content-type': 'application/json' })).status).toBe(400);
    // A byte order mark, a charset parameter, leading whitespace: answered.
    expect((await post(`\uFEFF  ${query}`, { 'content-type': 'application/json; charset=UTF-8' })).status).toBe(200);
    // A gzip body goes through express.json, which inflates it.
    expect((await post(gzipSync(query), { 'content-type': 'application/json', 'content-encoding': 'gzip' })).status).toBe(200);
    // No Content-Length (chunked): the limit is counted as it streams in.
    const pad = 'x'.repeat(64 * 1024);
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode(`{"query":"{ __typename }","variables":{"pad":"`));
        for (let i = 0; i < 4; i++) c.enqueue(new TextEncoder().encode(pad));
        c.enqueue(new TextEncoder().encode('"}}'));
        c.close();
      },
    });
    expect((await post(stream, { 'content-type': 'application/json' })).status).toBe(413);
  });

  it('refuses batched requests', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]),
    });
    expect(res.status).toBe(400);
  });

  it('prevents CSRF: a simple GET without a preflight header is refused', async () => {
    const res = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`);
    expect(res.status).toBe(400);
    const ok = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(ok.status).toBe(200);
  });

  it('has no introspection and no field suggestions in production', async () => {
    const intro = await t.client.raw(doc('{ __schema { types { name } } }'));
    expect(intro.errors?.[0]?.message).toMatch(/introspection/i);
    const typo = await t.client.raw(doc('{ mee { id } }'));
    expect(typo.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('limits aliases, counting __typename aliases too', async () => {
    const aliases = Array.from({ length: 6 }, (_, i) => `a${i}: __typename`).join(' ');
    const res = await t.client.raw(doc(`{ ${aliases} }`));
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('limits depth', async () => {
    const shallow = await t.client.raw(doc('{ me { id } }'));
    expect(shallow.errors).toBeUndefined();
    const deep = await t.client.raw(doc('{ myActivity { pageInfo { endCursor } } }'));
    expect(deep.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('limits tokens', async () => {
    const fields = Array.from({ length: 3000 }, () => 'id').join(' ');
    const res = await t.client.raw(doc(`{ me { ${fields} } }`));
    expect(res.errors?.[0]?.message).toMatch(/token/i);
  });

  it('answers a request id header', async () => {
    const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ me { id } }' }) });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('masks an unexpected error and carries the request id the response header gives', async () => {
    const spy = vi.spyOn(t.running.app.services.branches, 'regions').mockRejectedValueOnce(new Error('boom: a detail nobody outside may see'));
    try {
      const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ regions { code } }' }) });
      const body = (await res.json()) as { errors: Array<{ message: string; extensions: { code: string; requestId: string } }> };
      expect(body.errors[0]?.extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(body.errors[0]?.message).not.toContain('boom');
      expect(body.errors[0]?.extensions.requestId).toBe(res.headers.get('x-request-id'));
    } finally {
      spy.mockRestore();
    }
  });
});

describe('WebSocket', () => {
  const t = useTestApp({ ACCESS_TOKEN_TTL_SECONDS: '2' });

  it('serves only subscriptions over the socket', async () => {
    const c = await registerCitizen(t);
    const ws = c.client.websocket();
    const result = await new Promise<unknown>((resolve) => {
      ws.subscribe({ query: queryText(MeDocument) }, { next: resolve, error: resolve, complete: () => undefined });
    });
    expect(JSON.stringify(result)).toMatch(/Only subscriptions/);
    await ws.dispose();
  });

  it('closes the socket with 4401 when the access token expires', async () => {
    const c = await registerCitizen(t);
    const started = Date.now();
    const code = await new Promise<number>((resolve) => {
      c.client.websocket({ onClose: (closeCode) => resolve(closeCode) });
    });
    expect(code).toBe(4401); // contract v2: 4401 TOKEN_EXPIRED (refresh and reconnect)
    expect(Date.now() - started).toBeGreaterThan(500);
  });

  it('stops within the shutdown budget with a socket open', async () => {
    const other = await startTestApp();
    const c = await registerCitizen(other);
    const ws = c.client.websocket();
    await new Promise<void>((resolve) => ws.on('connected', () => resolve()));
    const began = Date.now();
    await other.stop();
    expect(Date.now() - began).toBeLessThan(10_000);
    await ws.dispose();
  });
});

describe('WebSocket limits', () => {
  const t = useTestApp({ GRAPHQL_MAX_ALIASES: '2' });

  it('applies the same validation limits as HTTP', async () => {
    const ws = t.client.websocket();
    const result = await new Promise<unknown>((resolve) => {
      ws.subscribe({ query: 'subscription { a: __typename b: __typename c: __typename }' }, { next: resolve, error: resolve, complete: () => undefined });
    });
    expect(JSON.stringify(result)).toMatch(/Aliases limit/);
    await ws.dispose();
  });
});
