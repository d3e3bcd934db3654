/**
 * Secrets at rest: SNILS, INN, document series and numbers, TOTP secrets, the JWT private keys
 * and the VAPID private key are sealed (AES-256-GCM, src/shared/crypto/field-cipher.ts) in the
 * database; the API still answers the plain values; `cli rotate-data-key` re-seals everything
 * with a new key while the old one is kept as previous.
 */
import WebSocket from 'ws';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import postgres from 'postgres';
import { runCli } from '../../../scripts/cli.js';
import { loadConfig } from '../../../src/config/env.js';
import { start } from '../../../src/main.js';
import { MfcClient, type Doc } from '../../../src/sdk/client.js';
import { AddDocumentDocument, BeginTotpSetupDocument, LoginDocument, MeWithDocumentsDocument, MyDocumentsDocument, UpdateProfileDocument } from '../../../src/sdk/generated/graphql.js';
import { FieldCipher, isSealed, parseKey } from '../../../src/shared/crypto/field-cipher.js';
import { PASSWORD, createAccount, loginAs, registerCitizen } from '../../helpers/accounts.js';
import { startTestApp, type TestApp } from '../../helpers/app.js';
import { testRedisPrefix } from '../../helpers/database.js';
import { freshInn, freshSnils } from '../../helpers/identifiers.js';
import { formatSnils } from '../../../src/shared/identifiers.js';

const stops: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
});

interface Raw {
  users: Array<{ snils: string | null; inn: string | null; totp_pending_secret: string | null; totp_secret: string | null }>;
  documents: Array<{ series: string | null; number: string }>;
  keys: Array<{ private_jwk: unknown }>;
  vapid: string;
}

async function readRaw(url: string, userId: string): Promise<Raw> {
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    const users = await sql<Raw['users']>`select snils, inn, totp_pending_secret, totp_secret from users where id = ${userId}`;
    const documents = await sql<Raw['documents']>`select series, number from personal_documents where user_id = ${userId}`;
    const keys = await sql<Raw['keys']>`select private_jwk from signing_keys`;
    const [vapid] = await sql<Array<{ value: string }>>`select value from app_secrets where name = 'vapid_keys'`;
    return { users: [...users], documents: [...documents], keys: [...keys], vapid: vapid?.value ?? '' };
  } finally {
    await sql.end();
  }
}

async function storedKey(url: string): Promise<string> {
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    const [row] = await sql<Array<{ value: string }>>`select value from app_secrets where name = 'data_encryption_key'`;
    if (!row) throw new Error('no generated data encryption key');
    return row.value;
  } finally {
    await sql.end();
  }
}

function sealedValues(raw: Raw): string[] {
  return [
    ...raw.users.flatMap((u) => [u.snils, u.inn, u.totp_pending_secret].filter((v): v is string => v !== null)),
    ...raw.documents.flatMap((d) => [d.series, d.number].filter((v): v is string => v !== null)),
    ...raw.keys.map((k) => (k.private_jwk as { sealed: string }).sealed),
    raw.vapid,
  ];
}

describe('secrets at rest', () => {
  it('keeps no plaintext identifiers, document numbers, TOTP secrets or private keys; the API still answers them; rotation re-seals all', async () => {
    const t: TestApp = await startTestApp();
    stops.push(() => t.stop());
    const c = await registerCitizen(t);
    const snils = freshSnils();
    const inn = freshInn();
    await c.client.request(UpdateProfileDocument, { input: { snils, inn } });
    await c.client.request(AddDocumentDocument, { input: { kind: 'PASSPORT_RF', series: '4508', number: '123456', issuedAt: '2015-01-01' } });
    const { beginTotpSetup } = await c.client.request(BeginTotpSetupDocument);

    const raw = await readRaw(t.databaseUrl, c.id);
    const dump = JSON.stringify(raw);
    for (const plain of [snils, inn, '123456', beginTotpSetup.secret]) expect(dump).not.toContain(plain);
    for (const k of raw.keys) expect(Object.keys(k.private_jwk as object)).toEqual(['sealed']);
    for (const v of sealedValues(raw)) expect(isSealed(v)).toBe(true);

    const me = async (client: MfcClient) => {
      const m = (await client.request(MeWithDocumentsDocument)).me;
      return { ...m, snils: m?.snils?.replace(/\D/g, '') };
    };
    const docs = async (client: MfcClient) => (await client.request(MyDocumentsDocument)).myDocuments;
    expect(await me(c.client)).toMatchObject({ snils, inn, documents: [{ kind: 'PASSPORT_RF' }] });
    expect(await docs(c.client)).toMatchObject([{ series: '4508', number: '123456' }]);
    // Written as printed: bare 11 digits starting with 7 or 8 are read as a phone number.
    expect((await loginAs(t, formatSnils(snils), PASSWORD)).user.id).toBe(c.id);

    // A row written before encryption (plain text) still reads, and rotation seals it.
    const legacy = await registerCitizen(t);
    const legacySnils = freshSnils();
    await legacy.client.request(UpdateProfileDocument, { input: { snils: legacySnils } });
    const sql = postgres(t.databaseUrl, { max: 1, onnotice: () => undefined });
    await sql`update users set snils = ${legacySnils} where id = ${legacy.id}`;
    await sql.end();
    expect((await me(legacy.client)).snils).toBe(legacySnils);

    // A webhook endpoint's signing secret is sealed too (it must be read back to sign deliveries).
    const admin = await createAccount(t, 'ADMIN');
    const createEndpoint = { toString: () => 'mutation($input: WebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { id } } }' } as Doc<{ createWebhookEndpoint: { secret: string; endpoint: { id: string } } }, Record<string, unknown>>;
    const hook = (await admin.client.request(createEndpoint, { input: { url: 'http://127.0.0.1:9/hook', events: ['LOAD_ALERT'] } })).createWebhookEndpoint;
    const endpointSecret = async () => {
      const db = postgres(t.databaseUrl, { max: 1, onnotice: () => undefined });
      const [row] = await db<{ secret: string }[]>`select secret from webhook_endpoints where id = ${hook.endpoint.id}`;
      await db.end();
      return row?.secret ?? '';
    };
    expect(isSealed(await endpointSecret())).toBe(true);

    // Rotation: a new key, the old one as previous.
    const oldKey = await storedKey(t.databaseUrl);
    const newKey = randomBytes(32).toString('base64');
    const env = {
      NODE_ENV: 'test', LOG_LEVEL: 'silent', MIGRATE_ON_START: 'false', DATABASE_URL: t.databaseUrl,
      REDIS_URL: inject('redisUrl'), REDIS_PREFIX: testRedisPrefix(),
      DATA_ENCRYPTION_KEY: newKey, DATA_ENCRYPTION_PREVIOUS_KEYS: oldKey, DATA_ROTATION_BATCH_SIZE: '1',
    };
    const lines: string[] = [];
    const log = console.log;
    console.log = (line: string) => lines.push(line);
    try {
      expect(await runCli(['rotate-data-key'], env)).toBe(0);
    } finally {
      console.log = log;
    }
    expect(lines.join('\n')).toMatch(/users: \d+ resealed/);
    expect(lines.join('\n')).toMatch(/webhook_endpoints: [1-9]\d* resealed/);

    const fresh = new FieldCipher(parseKey(newKey));
    const rotated = await readRaw(t.databaseUrl, c.id);
    for (const v of sealedValues(rotated)) expect(fresh.needsResealing(v)).toBe(false);
    expect(fresh.open(rotated.users[0]?.snils ?? null)).toBe(snils);
    const [legacyRow] = (await readRaw(t.databaseUrl, legacy.id)).users;
    expect(fresh.needsResealing(legacyRow?.snils ?? null)).toBe(false);
    expect(fresh.open(legacyRow?.snils ?? null)).toBe(legacySnils);
    const resealedSecret = await endpointSecret();
    expect(fresh.needsResealing(resealedSecret)).toBe(false);
    expect(fresh.open(resealedSecret)).toBe(hook.secret);

    // An instance with the new key alone reads everything.
    const other = await start(loadConfig({ ...env, DATA_ENCRYPTION_PREVIOUS_KEYS: '', PORT: '0', HOST: '127.0.0.1', ROLE: 'api' }));
    stops.push(() => other.stop());
    if (!other.api) throw new Error('started without the API');
    const client = new MfcClient({ url: other.api.url, webSocketImpl: WebSocket });
    const session = await client.request(LoginDocument, { input: { login: formatSnils(snils), password: PASSWORD } });
    expect(session.login.__typename).toBe('AuthPayload');
    if (session.login.__typename !== 'AuthPayload') return;
    const signedIn = client.withToken(session.login.accessToken);
    expect(await me(signedIn)).toMatchObject({ snils, inn, documents: [{ kind: 'PASSPORT_RF' }] });
    expect(await docs(signedIn)).toMatchObject([{ series: '4508', number: '123456' }]);
  });
});
