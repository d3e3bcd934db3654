/**
 * Several API instances on one PostgreSQL and Redis: a session revoked through one is refused by
 * the other at once (the revocation is broadcast, whatever the session cache says), and keys given
 * in the environment are used by both; a deactivated operator's socket on the other instance closes.
 */
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPKCS8, generateKeyPair, decodeProtectedHeader } from 'jose';
import { loadConfig } from '../../../src/config/env.js';
import { start, type Running } from '../../../src/main.js';
import { MfcClient } from '../../../src/sdk/client.js';
import { DeactivateStaffUserDocument, LogoutDocument, MeDocument } from '../../../src/sdk/generated/graphql.js';
import { createAccount, registerCitizen } from '../../helpers/accounts.js';
import { errorOf } from '../../helpers/graphql.js';
import { freshBranch, operatorOf } from '../../helpers/staff.js';
import { startTestApp, type TestApp } from '../../helpers/app.js';

describe('two API instances', () => {
  let a: TestApp;
  let b: Running;
  let clientB: MfcClient;
  beforeAll(async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const keys = { JWT_PRIVATE_KEY: await exportPKCS8(privateKey), JWT_KEY_ID: 'env-key-1', SESSION_CACHE_SECONDS: '600' };
    a = await startTestApp(keys);
    b = await start(loadConfig({ ...process.env, ...keys, NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATABASE_URL: a.databaseUrl, REDIS_URL: a.config.REDIS_URL, REDIS_PREFIX: a.config.REDIS_PREFIX, MIGRATE_ON_START: 'false', ROLE: 'api' }));
    clientB = new MfcClient({ url: b.api?.url ?? '', webSocketImpl: WebSocket });
  });
  afterAll(async () => {
    await b.stop();
    await a.stop();
  });

  it('sign with the key from the environment and accept each other’s tokens', async () => {
    const c = await registerCitizen(a);
    expect(decodeProtectedHeader(c.accessToken).kid).toBe('env-key-1');
    expect((await clientB.withToken(c.accessToken).request(MeDocument)).me?.id).toBe(c.id);
  });

  it('a logout on one instance is refused on the other at once, despite a long session cache', async () => {
    const c = await registerCitizen(a);
    const onB = clientB.withToken(c.accessToken);
    expect((await onB.request(MeDocument)).me?.id).toBe(c.id); // B has cached the session as alive
    await c.client.request(LogoutDocument);
    const deadline = Date.now() + 2000;
    let reason: unknown = 'still alive';
    while (Date.now() < deadline) {
      const res = await onB.raw(MeDocument);
      reason = res.errors?.[0]?.extensions?.reason ?? 'still alive';
      if (reason !== 'still alive') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(reason).toBe('SESSION_REVOKED');
  });

  it('an operator deactivated through one instance loses the socket open on the other at once', async () => {
    const admin = await createAccount(a, 'ADMIN');
    const operator = await operatorOf(a, (await freshBranch(a)).id);
    const onB = clientB.withToken(operator.accessToken);
    expect((await onB.request(MeDocument)).me?.id).toBe(operator.id);
    let closed: (code: number) => void = () => undefined;
    const closedCode = new Promise<number>((r) => (closed = r));
    const socket = onB.websocket({ onClose: (code) => closed(code) });
    await new Promise<void>((resolve, reject) => {
      socket.on('connected', () => resolve());
      socket.on('closed', () => reject(new Error('closed before connecting')));
    });
    await admin.client.request(DeactivateStaffUserDocument, { id: operator.id });
    expect(await closedCode).toBe(4403);
    expect((await errorOf(onB.request(MeDocument))).extensions.reason).toBe('SESSION_REVOKED');
    await socket.dispose();
  });
});
