/**
 * Contract v2's token rule: a credential that does not authenticate is never anonymous. HTTP
 * answers 401 + WWW-Authenticate and UNAUTHENTICATED with extensions.reason; the WebSocket closes
 * 4401 (TOKEN_EXPIRED) or 4403 (SESSION_REVOKED, TOKEN_INVALID) with the reason as its text.
 */
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { LogoutDocument, MeDocument } from '../../../src/sdk/generated/graphql.js';
import { registerCitizen } from '../../helpers/accounts.js';
import { useTestApp, type TestApp } from '../../helpers/app.js';

const t = useTestApp({ ACCESS_TOKEN_TTL_SECONDS: '60' });

async function post(app: TestApp, authorization: string | null) {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query: '{ me { id } }' }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string; reason?: string } }> };
  return { status: res.status, wwwAuthenticate: res.headers.get('www-authenticate'), body, error: body.errors?.[0]?.extensions };
}

/** Opens a graphql-transport-ws socket with these connectionParams; resolves with the ack or the close. */
function connect(app: TestApp, payload: Record<string, unknown>): Promise<{ acked: boolean; close: Promise<{ code: number; reason: string }>; socket: WebSocket }> {
  const socket = new WebSocket(`${app.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
  const close = new Promise<{ code: number; reason: string }>((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  return new Promise((resolve) => {
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload })));
    socket.on('message', (m: Buffer) => {
      if ((JSON.parse(m.toString()) as { type: string }).type === 'connection_ack') resolve({ acked: true, close, socket });
    });
    void close.then(() => resolve({ acked: false, close, socket }));
  });
}

describe('HTTP', () => {
  it('no Authorization header is anonymous', async () => {
    const r = await post(t, null);
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({ me: null });
  });

  it('an expired token answers 401 TOKEN_EXPIRED with WWW-Authenticate', async () => {
    const c = await registerCitizen(t);
    t.clock.advance(61_000);
    try {
      const r = await post(t, `Bearer ${c.accessToken}`);
      expect(r.status).toBe(401);
      expect(r.wwwAuthenticate).toMatch(/^Bearer error="invalid_token"/);
      expect(r.error).toEqual({ code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' });
    } finally {
      t.clock.reset();
    }
  });

  it('a forged, malformed or foreign-scheme credential answers 401 TOKEN_INVALID', async () => {
    const c = await registerCitizen(t);
    const [h, p] = c.accessToken.split('.');
    for (const header of [`Bearer ${h}.${p}.${'A'.repeat(86)}`, 'Bearer not-a-jwt', 'Basic dXNlcjpwYXNz', 'ApiKey mfc_unknown']) {
      const r = await post(t, header);
      expect(r.status, header).toBe(401);
      expect(r.error, header).toEqual({ code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID' });
    }
  });

  it('the token of an ended session answers 401 SESSION_REVOKED', async () => {
    const c = await registerCitizen(t);
    await c.client.request(LogoutDocument);
    const r = await post(t, `Bearer ${c.accessToken}`);
    expect(r.status).toBe(401);
    expect(r.error).toEqual({ code: 'UNAUTHENTICATED', reason: 'SESSION_REVOKED' });
    // The SDK sees the same through its error.
    const err = await c.client.request(MeDocument).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  });
});

describe('WebSocket', () => {
  it('closes 4401 TOKEN_EXPIRED for an expired token, at connection_init', async () => {
    const c = await registerCitizen(t);
    t.clock.advance(61_000);
    try {
      const r = await connect(t, { authorization: `Bearer ${c.accessToken}` });
      expect(r.acked).toBe(false);
      expect(await r.close).toEqual({ code: 4401, reason: 'TOKEN_EXPIRED' });
    } finally {
      t.clock.reset();
    }
  });

  it('closes 4403 TOKEN_INVALID for a forged token and SESSION_REVOKED for an ended session', async () => {
    const forged = await connect(t, { authorization: 'Bearer not-a-jwt' });
    expect(await forged.close).toEqual({ code: 4403, reason: 'TOKEN_INVALID' });
    const c = await registerCitizen(t);
    await c.client.request(LogoutDocument);
    const revoked = await connect(t, { authorization: c.accessToken }); // a bare token, as before
    expect(await revoked.close).toEqual({ code: 4403, reason: 'SESSION_REVOKED' });
  });

  it('an open socket closes 4403 SESSION_REVOKED when its session ends', async () => {
    const c = await registerCitizen(t);
    const open = await connect(t, { authorization: `Bearer ${c.accessToken}` });
    expect(open.acked).toBe(true);
    await c.client.request(LogoutDocument);
    expect(await open.close).toEqual({ code: 4403, reason: 'SESSION_REVOKED' });
  });
});

describe('WebSocket expiry', () => {
  const short = useTestApp({ ACCESS_TOKEN_TTL_SECONDS: '2' });

  it('an open socket closes 4401 TOKEN_EXPIRED when its token expires', async () => {
    const c = await registerCitizen(short);
    const open = await connect(short, { authorization: `Bearer ${c.accessToken}` });
    expect(open.acked).toBe(true);
    expect(await open.close).toEqual({ code: 4401, reason: 'TOKEN_EXPIRED' });
  });
});
