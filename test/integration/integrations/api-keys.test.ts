/**
 * Machine clients: admins create, rotate and revoke them; `Authorization: ApiKey` works for the
 * root fields the scopes allow and nothing else (HTTP and WebSocket), branch restrictions hold,
 * keys are stored as keyed hashes, use is recorded coalesced, and each key is rate limited.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import WebSocket from 'ws';
import { MfcClient, type Doc } from '../../../src/sdk/client.js';
import { createAccount, registerCitizen } from '../../helpers/accounts.js';
import { useTestApp, type TestApp } from '../../helpers/app.js';
import { errorOf } from '../../helpers/graphql.js';
import { buildBranch } from '../../factories/catalog.js';

const doc = <R = Record<string, unknown>, V = Record<string, unknown>>(q: string) => ({ toString: () => q }) as Doc<R, V>;
const t = useTestApp({ API_KEY_RATE_LIMIT_PER_MINUTE: '1000', API_KEY_LAST_USED_WRITE_SECONDS: '60' });

type Secret = { client: { id: string; keyPrefix: string; scopes: string[]; branchIds: string[]; lastUsedAt: string | null; revokedAt: string | null }; secret: string };
const CREATE = doc<{ createApiClient: Secret }>(`mutation($name: String!, $scopes: [ApiScope!]!, $branchIds: [ID!]) {
  createApiClient(name: $name, scopes: $scopes, branchIds: $branchIds) { secret client { id keyPrefix scopes branchIds lastUsedAt revokedAt } } }`);
const LIST = doc<{ apiClients: Array<Secret['client']> }>('{ apiClients { id keyPrefix scopes branchIds lastUsedAt revokedAt } }');
const SERVICES = doc<{ services: { totalCount: number } }>('{ services(first: 1) { totalCount } }');

let admin: MfcClient;
const keyed = (app: TestApp, secret: string) => new MfcClient({ url: app.url, webSocketImpl: WebSocket, headers: { authorization: `ApiKey ${secret}` } });
const create = async (scopes: string[], branchIds?: string[]) => (await admin.request(CREATE, { name: 'CRM отделения', scopes, branchIds })).createApiClient;

beforeAll(async () => {
  admin = (await createAccount(t, 'ADMIN')).client;
});

describe('managing machine clients', () => {
  it('an admin creates a client; the secret is shown once and stored only as a keyed hash', async () => {
    const { secret, client } = await create(['CATALOG_READ']);
    expect(secret).toMatch(/^mfc_[A-Za-z0-9_-]{43}$/);
    expect(client.keyPrefix).toBe(secret.slice(0, 12));
    const rows = await t.running.app.db.sql<Array<{ key_hash: string }>>`select key_hash from api_clients where id = ${client.id}`;
    expect(rows[0]?.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(secret.slice(4));
    const listed = (await admin.request(LIST)).apiClients.find((c) => c.id === client.id);
    expect(listed).toMatchObject({ keyPrefix: client.keyPrefix, scopes: ['CATALOG_READ'] });
    expect(JSON.stringify(listed)).not.toContain(secret);
  });

  it('citizens and operators cannot manage clients; bad input is reported by field', async () => {
    const citizen = await registerCitizen(t);
    expect((await errorOf(citizen.client.request(LIST))).code).toBe('FORBIDDEN');
    expect((await errorOf(admin.request(CREATE, { name: ' ', scopes: ['CATALOG_READ'] }))).extensions.fields).toEqual([expect.objectContaining({ field: 'name' })]);
    const unknownBranch = await errorOf(admin.request(CREATE, { name: 'x', scopes: ['LOAD_READ'], branchIds: ['00000000-0000-4000-8000-000000000000'] }));
    expect(unknownBranch.extensions.fields).toEqual([expect.objectContaining({ field: 'branchIds.0' })]);
  });

  it('rotation makes the old key stop at once; revocation stops the new one', async () => {
    const { secret, client } = await create(['CATALOG_READ']);
    await keyed(t, secret).request(SERVICES);
    const { rotateApiKey } = await admin.request(doc<{ rotateApiKey: Secret }>('mutation($id: ID!) { rotateApiKey(id: $id) { secret client { id keyPrefix } } }'), { id: client.id });
    expect(rotateApiKey.secret).not.toBe(secret);
    expect((await errorOf(keyed(t, secret).request(SERVICES))).extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID' });
    await keyed(t, rotateApiKey.secret).request(SERVICES);
    await admin.request(doc('mutation($id: ID!) { revokeApiClient(id: $id) { revokedAt } }'), { id: client.id });
    const revoked = await keyed(t, rotateApiKey.secret).raw(SERVICES);
    expect(revoked.status).toBe(401);
    expect(revoked.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID' });
  });
});

describe('what a key may call', () => {
  it('a field its scopes allow works; one needing another scope or no scope at all is FORBIDDEN', async () => {
    const { secret } = await create(['CATALOG_READ']);
    const api = keyed(t, secret);
    expect((await api.request(SERVICES)).services.totalCount).toBeGreaterThanOrEqual(0);
    const other = await errorOf(api.request(doc('{ webhookEndpoints { id } }')));
    expect(other.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Query.webhookEndpoints' });
    expect(other.status).toBe(403);
    for (const q of ['{ me { id } }', '{ apiClients { id } }', 'mutation { logout }', '{ services(first: 1) { totalCount } node(id: "x") { id } }', 'query { ...F } fragment F on Query { me { id } }']) {
      expect((await errorOf(api.request(doc(q)))).code, q).toBe('FORBIDDEN');
    }
  });

  it('a client restricted to a branch reaches only that branch', async () => {
    const mine = await buildBranch(admin);
    const theirs = await buildBranch(admin);
    const { secret } = await create(['LOAD_READ'], [mine.id]);
    const api = keyed(t, secret);
    const BRANCH = doc<{ branch: { id: string } | null }, { id: string }>('query($id: ID!) { branch(id: $id) { id } }');
    expect((await api.request(BRANCH, { id: mine.id })).branch?.id).toBe(mine.id);
    expect((await errorOf(api.request(BRANCH, { id: theirs.id }))).code).toBe('FORBIDDEN');
  });

  it('over WebSocket: a subscription its scopes allow is served, others are refused', async () => {
    const mine = await buildBranch(admin);
    const { secret } = await create(['LOAD_READ'], [mine.id]);
    const socket = new WebSocket(`${t.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    const messages: Array<{ type: string; id?: string; payload?: unknown }> = [];
    await new Promise<void>((resolve) => {
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `ApiKey ${secret}` } })));
      socket.on('message', (m: Buffer) => {
        messages.push(JSON.parse(m.toString()) as { type: string });
        if (messages.length === 1) resolve();
      });
    });
    expect(messages[0]?.type).toBe('connection_ack');
    const send = (id: string, query: string, variables = {}) => socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } }));
    send('1', 'subscription { notificationAdded { id } }');
    send('2', 'subscription($ids: [ID!]) { branchLoadChanged(branchIds: $ids) { branchId } }', { ids: [mine.id] });
    send('3', 'subscription { branchLoadChanged { branchId } }');
    await new Promise((r) => setTimeout(r, 500));
    const errorsOf = (id: string) => messages.find((m) => m.id === id && m.type === 'error')?.payload as Array<{ extensions?: { code?: string } }> | undefined;
    expect(errorsOf('1')?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(errorsOf('2')).toBeUndefined();
    expect(errorsOf('3')?.[0]?.extensions?.code).toBe('FORBIDDEN'); // all branches: not for a restricted key
    socket.close();
  });
});

describe('use and limits', () => {
  it('records the last use, coalesced: one write per window', async () => {
    const { secret, client } = await create(['CATALOG_READ']);
    const lastUsed = async () => (await admin.request(LIST)).apiClients.find((c) => c.id === client.id)?.lastUsedAt ?? null;
    expect(await lastUsed()).toBeNull();
    await keyed(t, secret).request(SERVICES);
    const first = await lastUsed();
    expect(first).not.toBeNull();
    t.clock.advance(10_000);
    try {
      await keyed(t, secret).request(SERVICES);
      expect(await lastUsed()).toBe(first); // within API_KEY_LAST_USED_WRITE_SECONDS: no write
      t.clock.advance(60_000);
      await keyed(t, secret).request(SERVICES);
      expect(await lastUsed()).not.toBe(first);
    } finally {
      t.clock.reset();
    }
  });
});

describe('rate limit per key', () => {
  const limited = useTestApp({ API_KEY_RATE_LIMIT_PER_MINUTE: '3' });

  it('answers RateLimit-* headers, then 429 with Retry-After; another key is not affected', async () => {
    const boss = (await createAccount(limited, 'ADMIN')).client;
    const make = async () => (await boss.request(CREATE, { name: 'Киоск', scopes: ['CATALOG_READ'] })).createApiClient.secret;
    const [a, b] = [await make(), await make()];
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push(await keyed(limited, a).raw(SERVICES));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect(answers[0]?.headers.get('ratelimit-limit')).toBe('3');
    expect(answers.map((r) => r.headers.get('ratelimit-remaining'))).toEqual(['2', '1', '0', '0']);
    const over = answers[3];
    expect(Number(over?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(over?.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect((await keyed(limited, b).raw(SERVICES)).status).toBe(200);
  });

  it('concurrent requests never get more than the limit through', async () => {
    const boss = (await createAccount(limited, 'ADMIN')).client;
    const { secret } = (await boss.request(CREATE, { name: 'Параллельный', scopes: ['CATALOG_READ'] })).createApiClient;
    const statuses = await Promise.all(Array.from({ length: 10 }, () => keyed(limited, secret).raw(SERVICES).then((r) => r.status)));
    expect(statuses.filter((s) => s === 200)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
  });
});
