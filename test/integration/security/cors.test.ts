/**
 * Browser apps on other origins: CORS_ORIGINS decides, preflights are answered before Apollo's
 * CSRF prevention, credentials stay off, and a WebSocket upgrade from an unlisted page is refused.
 */
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { useTestApp } from '../../helpers/app.js';

const APP = 'https://app.example.test';
const EVIL = 'https://evil.example.test';

/** Opens a raw socket with the given Origin; resolves 'open' or the HTTP status of the refused upgrade. */
function upgrade(url: string, origin?: string): Promise<'open' | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', origin ? { origin } : {});
    ws.on('open', () => {
      ws.close();
      resolve('open');
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', reject);
  });
}

describe('CORS for browser apps', () => {
  const t = useTestApp({ CORS_ORIGINS: `${APP}, http://localhost:5173`, CORS_MAX_AGE_SECONDS: '1234' });

  it('answers a preflight from a listed origin with 204, before CSRF prevention, without credentials', async () => {
    // Given a browser about to POST JSON with a bearer token from another origin
    const res = await fetch(`${t.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: APP, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    // Then the preflight passes with the allowed methods, headers and max age
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(res.headers.get('access-control-allow-headers')).toMatch(/apollo-require-preflight/);
    expect(res.headers.get('access-control-max-age')).toBe('1234');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('vary')).toMatch(/Origin/);
  });

  it('refuses a preflight from an unlisted origin and gives it no CORS headers', async () => {
    const res = await fetch(`${t.url}/graphql`, { method: 'OPTIONS', headers: { origin: EVIL, 'access-control-request-method': 'POST' } });
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const body = (await res.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]?.extensions.code).toBe('FORBIDDEN');
  });

  it('a real request from a listed origin carries Access-Control-Allow-Origin and exposed headers', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { origin: APP, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(res.headers.get('access-control-expose-headers')).toMatch(/x-request-id/);
  });

  it('a GET query needs the CSRF preflight header; with it, it runs', async () => {
    const q = encodeURIComponent('{ __typename }');
    const bare = await fetch(`${t.url}/graphql?query=${q}`, { headers: { origin: APP } });
    expect(bare.status).toBe(400);
    const withHeader = await fetch(`${t.url}/graphql?query=${q}`, { headers: { origin: APP, 'apollo-require-preflight': 'true' } });
    expect(withHeader.status).toBe(200);
    expect(withHeader.headers.get('access-control-allow-origin')).toBe(APP);
  });

  it('a WebSocket upgrade from an unlisted page is refused; listed, own and no Origin open', async () => {
    expect(await upgrade(t.url, EVIL)).toBe(403);
    expect(await upgrade(t.url, APP)).toBe('open');
    expect(await upgrade(t.url)).toBe('open');
    expect(await upgrade(t.url, t.url)).toBe('open');
  });
});

describe('CORS off (no CORS_ORIGINS)', () => {
  const t = useTestApp();

  it('gives no CORS headers and refuses preflights from any other origin', async () => {
    const res = await fetch(`${t.url}/graphql`, { method: 'OPTIONS', headers: { origin: APP, 'access-control-request-method': 'POST' } });
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(await upgrade(t.url, APP)).toBe(403);
  });
});
