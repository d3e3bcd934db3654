/** Caps on WebSocket connections and subscriptions (the probe opened 300 sockets with one token and 1,000 subscriptions on one). */
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Client } from 'graphql-ws';
import { registerCitizen } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';

/** Opens a socket and answers 'connected' or the close code. */
function connect(ws: Client): Promise<'connected' | number> {
  return new Promise((resolve) => {
    ws.on('connected', () => resolve('connected'));
    ws.on('closed', (e) => resolve((e as { code?: number }).code ?? 0));
  });
}

describe('socket and subscription caps', () => {
  const t = useTestApp({ WS_MAX_SOCKETS_PER_USER: '2', WS_MAX_SOCKETS_PER_IP: '5', WS_MAX_SUBSCRIPTIONS_PER_SOCKET: '2', WS_CONNECTION_INIT_TIMEOUT_MS: '300' });

  it('a user\'s third socket is closed with 4429; closing one makes room again', async () => {
    const c = await registerCitizen(t);
    const a = c.client.websocket();
    expect(await connect(a)).toBe('connected');
    const b = c.client.websocket();
    expect(await connect(b)).toBe('connected');
    const third = c.client.websocket();
    expect(await connect(third)).toBe(4429);
    await a.dispose();
    await new Promise((r) => setTimeout(r, 100));
    const again = c.client.websocket();
    expect(await connect(again)).toBe('connected');
    await Promise.all([b.dispose(), third.dispose(), again.dispose()]);
  });

  it('anonymous sockets from one address stop at the per-IP cap', async () => {
    await new Promise((r) => setTimeout(r, 100));
    const clients = Array.from({ length: 6 }, () => t.client.websocket());
    const results = await Promise.all(clients.map(connect));
    expect(results.filter((r) => r === 'connected')).toHaveLength(5);
    expect(results.filter((r) => r === 4429)).toHaveLength(1);
    await Promise.all(clients.map(async (c) => c.dispose()));
  });

  it('a third subscription on one socket is refused with RATE_LIMITED, the first two keep working', async () => {
    await new Promise((r) => setTimeout(r, 100));
    const ws = t.client.websocket();
    expect(await connect(ws)).toBe('connected');
    const outcomes: unknown[] = [];
    const subscribe = () =>
      new Promise<void>((resolve) => {
        ws.subscribe({ query: 'subscription { branchLoadChanged(branchIds: []) { branchId } }' }, {
          next: () => undefined,
          error: (e) => {
            outcomes.push(e);
            resolve();
          },
          complete: () => resolve(),
        });
        setTimeout(resolve, 500);
      });
    await Promise.all([subscribe(), subscribe(), subscribe()]);
    expect(JSON.stringify(outcomes)).toMatch(/RATE_LIMITED/);
    expect(outcomes).toHaveLength(1);
    await ws.dispose();
  });

  it('a socket that never sends connection_init is closed', async () => {
    const raw = new WebSocket(`${t.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    const code = await new Promise<number>((resolve) => raw.on('close', (c) => resolve(c)));
    expect(code).toBe(4408);
  });
});
