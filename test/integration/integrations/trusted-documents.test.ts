/**
 * Trusted documents: ids from the manifest (codegen's { sha256: document }) in both request shapes,
 * over POST, GET and WebSocket; shared by instances through Redis; TRUSTED_DOCUMENTS_ONLY refuses
 * other documents from users and anonymous callers, never from API clients.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MfcClient, type Doc } from '../../../src/sdk/client.js';
import { createAccount } from '../../helpers/accounts.js';
import { startTestApp, type TestApp } from '../../helpers/app.js';

const SERVICES = '{ services(first: 1) { totalCount } }';
const LOAD = 'subscription { branchLoadChanged { branchId } }';
const hash = (d: string) => createHash('sha256').update(d).digest('hex');
let t: TestApp;
let manifest: string;

async function post(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { data?: { services?: { totalCount: number } }; errors?: Array<{ extensions?: { code?: string } }> } };
}

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'mfc-manifest-'));
  manifest = join(dir, 'persisted-documents.json');
  await writeFile(manifest, JSON.stringify({ [hash(SERVICES)]: SERVICES, [hash(LOAD)]: LOAD }));
  t = await startTestApp({ TRUSTED_DOCUMENTS_MANIFEST: manifest, TRUSTED_DOCUMENTS_ONLY: 'true' });
});
afterAll(async () => {
  await t.stop();
});

describe('persisted ids', () => {
  it('runs a manifest document by documentId, by APQ sha256Hash, and over GET', async () => {
    for (const body of [{ documentId: hash(SERVICES) }, { documentId: `sha256:${hash(SERVICES)}` }, { extensions: { persistedQuery: { version: 1, sha256Hash: hash(SERVICES) } } }]) {
      const r = await post(body);
      expect(r.status, JSON.stringify(body)).toBe(200);
      expect(r.body.data?.services?.totalCount).toBeGreaterThanOrEqual(0);
    }
    const ext = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash(SERVICES) } }));
    const get = await fetch(`${t.url}/graphql?extensions=${ext}`, { headers: { 'apollo-require-preflight': 'true' } });
    const answer = (await get.json()) as { data?: unknown };
    expect(answer.data, JSON.stringify(answer)).toMatchObject({ services: {} });
  });

  it('an unknown id answers PERSISTED_QUERY_NOT_FOUND', async () => {
    const r = await post({ documentId: hash('{ me { id } }') });
    expect(r.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('another instance on the same Redis serves the ids without a manifest of its own', async () => {
    const other = await startTestApp({ REDIS_PREFIX: t.config.REDIS_PREFIX });
    try {
      const res = await fetch(`${other.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ documentId: hash(SERVICES) }) });
      expect(((await res.json()) as { data?: unknown }).data).toMatchObject({ services: {} });
    } finally {
      await other.stop();
    }
  });

  it('a subscription by id over WebSocket', async () => {
    const socket = new WebSocket(`${t.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    const messages: Array<{ type: string; id?: string; payload?: unknown }> = [];
    socket.on('message', (m: Buffer) => messages.push(JSON.parse(m.toString()) as { type: string }));
    await new Promise<void>((r) => socket.on('open', () => r()));
    socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    await new Promise((r) => setTimeout(r, 200));
    socket.send(JSON.stringify({ id: 'a', type: 'subscribe', payload: { query: '', extensions: { persistedQuery: { version: 1, sha256Hash: hash(LOAD) } } } }));
    socket.send(JSON.stringify({ id: 'b', type: 'subscribe', payload: { query: 'subscription { notificationAdded { id } }' } }));
    await new Promise((r) => setTimeout(r, 400));
    expect(messages.find((m) => m.id === 'a' && m.type === 'error')).toBeUndefined();
    const refused = messages.find((m) => m.id === 'b' && m.type === 'error')?.payload as Array<{ extensions?: { code?: string } }>;
    expect(refused[0]?.extensions?.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
    socket.close();
  });
});

describe('TRUSTED_DOCUMENTS_ONLY', () => {
  it('refuses other documents from anonymous callers and users, accepts the exact text of a trusted one', async () => {
    const other = await post({ query: '{ services(first: 2) { totalCount } }' });
    expect(other.status).toBe(400);
    expect(other.body.errors?.[0]?.extensions?.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
    expect((await post({ query: SERVICES })).status).toBe(200);
  });

  it('API clients may send any document', async () => {
    // The admin's own login mutation is not in the manifest either: the operations CLI creates admins.
    const boss = await createAccount(t, 'ADMIN').catch((e: unknown) => e);
    expect(boss).toMatchObject({ code: 'TRUSTED_DOCUMENT_REQUIRED' });
    const user = await t.running.app.services.accounts.seeding.insertAccount({ phone: '+79990001122', passwordHash: 'x', lastName: 'Админова', firstName: 'Тест', roles: ['ADMIN'], trustLevel: 'CONFIRMED', staffBranchId: null });
    const viewer = { userId: user.id, sessionId: 'cli', roles: ['ADMIN' as const], tokenExpiresAt: new Date() };
    const { secret } = await t.running.app.services.apiClients.create(viewer, { name: 'CRM', scopes: ['CATALOG_READ'] });
    const api = new MfcClient({ url: t.url, webSocketImpl: WebSocket, headers: { authorization: `ApiKey ${secret}` } });
    const any: Doc<{ services: { totalCount: number } }, Record<string, never>> = { toString: () => '{ services(first: 2) { totalCount } }' };
    const r = await api.request(any);
    expect(r.services.totalCount).toBeGreaterThanOrEqual(0);
  });

  it('a manifest whose hash does not match its document stops the start', async () => {
    const bad = join(await mkdtemp(join(tmpdir(), 'mfc-manifest-')), 'bad.json');
    await writeFile(bad, JSON.stringify({ [hash('{ a }')]: '{ b }' }));
    await expect(startTestApp({ TRUSTED_DOCUMENTS_MANIFEST: bad })).rejects.toThrow(/SHA-256/);
  });
});
