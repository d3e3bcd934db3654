import { describe, expect, it } from 'vitest';
import {
  LogoutDocument,
  MeDocument,
  MySessionsDocument,
  RefreshSessionDocument,
  RevokeSessionDocument,
} from '../../../src/sdk/generated/graphql.js';
import type { MfcClient } from '../../../src/sdk/client.js';
import { loginAs, registerCitizen } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { errorOf } from '../../helpers/graphql.js';

const t = useTestApp();


/** Opens a socket with the client's token; resolves with the close code once the server closes it. */
function openSocket(client: MfcClient): { connected: Promise<void>; closed: Promise<number>; dispose(): Promise<void> } {
  let onClose: (code: number) => void = () => undefined;
  const closed = new Promise<number>((r) => (onClose = r));
  const ws = client.websocket({ onClose: (code) => onClose(code) });
  const connected = new Promise<void>((resolve, reject) => {
    ws.on('connected', () => resolve());
    ws.on('closed', () => reject(new Error('closed before connecting')));
  });
  connected.catch(() => undefined);
  return { connected, closed, dispose: () => ws.dispose() as Promise<void> };
}

describe('refresh tokens', () => {
  it('rotate on every use', async () => {
    const c = await registerCitizen(t);
    const { refreshSession: first } = await t.client.request(RefreshSessionDocument, { refreshToken: c.refreshToken });
    expect(first.refreshToken).not.toBe(c.refreshToken);
    const { refreshSession: second } = await t.client.request(RefreshSessionDocument, { refreshToken: first.refreshToken });
    const { me } = await t.client.withToken(second.accessToken).request(MeDocument);
    expect(me?.id).toBe(c.id);
  });

  it('given a spent refresh token comes back, the whole family is revoked', async () => {
    const c = await registerCitizen(t);
    const { refreshSession: rotated } = await t.client.request(RefreshSessionDocument, { refreshToken: c.refreshToken });
    const reuse = await errorOf(t.client.request(RefreshSessionDocument, { refreshToken: c.refreshToken }));
    expect(reuse.code).toBe('UNAUTHENTICATED');
    // The thief's and the owner's latest tokens are both dead now.
    expect((await errorOf(t.client.request(RefreshSessionDocument, { refreshToken: rotated.refreshToken }))).code).toBe('UNAUTHENTICATED');
    expect((await errorOf(t.client.withToken(rotated.accessToken).request(MeDocument))).extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_REVOKED' });
  });

  it('parallel use of one refresh token yields one new pair and revokes the family', async () => {
    const c = await registerCitizen(t);
    const results = await Promise.all(Array.from({ length: 4 }, () => t.client.raw(RefreshSessionDocument, { refreshToken: c.refreshToken })));
    expect(results.filter((r) => r.data?.refreshSession).length).toBeLessThanOrEqual(1);
    const [row] = await t.running.app.db.sql`select revoked_reason from sessions where user_id = ${c.id}`;
    expect(row?.revoked_reason).toBe('REFRESH_TOKEN_REUSE');
  });

  it('a session idle for 30 minutes ends', async () => {
    const c = await registerCitizen(t);
    try {
      t.clock.advance(31 * 60_000);
      expect((await errorOf(t.client.request(RefreshSessionDocument, { refreshToken: c.refreshToken }))).code).toBe('UNAUTHENTICATED');
    } finally {
      t.clock.reset();
    }
  });
});

describe('ending sessions', () => {
  it('logout makes the access token stop working at once', async () => {
    const c = await registerCitizen(t);
    expect((await c.client.request(MeDocument)).me?.id).toBe(c.id);
    await c.client.request(LogoutDocument);
    // Contract v2: the token of an ended session is refused (401, reason SESSION_REVOKED), not anonymous.
    expect((await errorOf(c.client.request(MeDocument))).extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_REVOKED' });
    expect((await errorOf(c.client.request(MySessionsDocument))).code).toBe('UNAUTHENTICATED');
  });

  it('given a session revoked from another device, its token is refused over HTTP and its socket is closed with 4403', async () => {
    const c = await registerCitizen(t);
    const phoneSession = await loginAs(t, c.phone);
    const socket = openSocket(phoneSession.client);
    await socket.connected;

    const { mySessions } = await c.client.request(MySessionsDocument);
    expect(mySessions).toHaveLength(2);
    expect(mySessions.filter((s) => s.current)).toHaveLength(1);
    const other = mySessions.find((s) => !s.current);
    if (!other) throw new Error('no other session');
    await c.client.request(RevokeSessionDocument, { id: other.id });

    expect(await socket.closed).toBe(4403);
    expect((await errorOf(phoneSession.client.request(MeDocument))).extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_REVOKED' });
    const again = openSocket(phoneSession.client);
    expect(await again.closed).toBe(4403);
    await Promise.allSettled([socket.dispose(), again.dispose()]);
    expect((await c.client.request(MySessionsDocument)).mySessions).toHaveLength(1);
  });

  it('cannot revoke a session of someone else', async () => {
    const a = await registerCitizen(t);
    const b = await registerCitizen(t);
    const { mySessions } = await b.client.request(MySessionsDocument);
    const id = mySessions[0]?.id ?? '';
    expect((await errorOf(a.client.request(RevokeSessionDocument, { id }))).code).toBe('NOT_FOUND');
    expect((await b.client.request(MeDocument)).me?.id).toBe(b.id);
  });

  it('a forged or foreign token is refused', async () => {
    const c = await registerCitizen(t);
    const [h, p] = c.accessToken.split('.');
    const forged = `${h}.${p}.${'A'.repeat(86)}`;
    expect((await errorOf(t.client.withToken(forged).request(MeDocument))).extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID' });
    const bad = openSocket(t.client.withToken(forged));
    expect(await bad.closed).toBe(4403);
    await bad.dispose();
  });
});
