/**
 * The REST endpoints that take a user's bearer token answer a token that does not authenticate
 * like GraphQL does (contract v2's token rule): 401, `WWW-Authenticate: Bearer error="invalid_token"`
 * and `extensions.reason` TOKEN_EXPIRED, TOKEN_INVALID or SESSION_REVOKED in the one REST error
 * body; no token at all is 401 with a bare `Bearer` challenge and no reason. One family per block:
 * uploads, attachments, booking files, payment receipts, the jobs board.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { LogoutDocument } from '../../../src/sdk/generated/graphql.js';
import { createAccount, registerCitizen } from '../../helpers/accounts.js';
import { useTestApp, type TestApp } from '../../helpers/app.js';

const spec = JSON.parse(readFileSync(new URL('../../../schema/openapi.json', import.meta.url), 'utf8')) as { components: { schemas: Record<string, object> } };
const ajv = new Ajv2020({ strict: false });
ajv.addSchema({ $id: 'openapi', components: spec.components }, 'openapi');
const isError = ajv.compile({ $ref: 'openapi#/components/schemas/Error' });

const ID = '00000000-0000-4000-8000-000000000000';
const t = useTestApp({ ACCESS_TOKEN_TTL_SECONDS: '60', JOBS_BOARD: 'true' });

interface Endpoint {
  family: string;
  method: 'GET' | 'POST';
  path: string;
  /** What a valid token gets (not a 401): the control that the token itself is what is refused. */
  validStatus: number;
  body?: () => FormData;
}

const endpoints: Endpoint[] = [
  { family: 'uploads', method: 'POST', path: '/uploads', validStatus: 415, body: () => scan() },
  { family: 'attachments', method: 'GET', path: `/attachments/${ID}`, validStatus: 404 },
  { family: 'booking files (PDF ticket)', method: 'GET', path: `/bookings/${ID}/ticket.pdf`, validStatus: 404 },
  { family: 'booking files (calendar event)', method: 'GET', path: `/bookings/${ID}/event.ics`, validStatus: 404 },
  { family: 'payment receipts', method: 'GET', path: `/payments/${ID}/receipt.pdf`, validStatus: 404 },
  { family: 'jobs board', method: 'GET', path: '/admin/queues/api/queues', validStatus: 200 },
];

function scan(): FormData {
  const form = new FormData();
  form.append('file', new Blob([Buffer.from('plain text, not a scan')]), 'a.pdf');
  return form;
}

async function call(app: TestApp, e: Endpoint, authorization: string | null) {
  const res = await fetch(`${app.url}${e.path}`, { method: e.method, redirect: 'manual', headers: authorization ? { authorization } : {}, body: e.body?.() });
  const text = await res.text();
  const body = res.headers.get('content-type')?.startsWith('application/json') ? (JSON.parse(text) as { errors?: Array<{ message: string; extensions: { code: string; reason?: string } }> }) : null;
  return { status: res.status, challenge: res.headers.get('www-authenticate'), body, error: body?.errors?.[0]?.extensions };
}

function expectRefused(r: Awaited<ReturnType<typeof call>>, reason: string, what: string) {
  expect(r.status, what).toBe(401);
  expect(r.challenge, what).toBe(`Bearer error="invalid_token", error_description="${reason}"`);
  expect(isError(r.body), `${what}: the one REST error body`).toBe(true);
  expect(r.error, what).toEqual({ code: 'UNAUTHENTICATED', reason });
}

let admin: { accessToken: string };
beforeAll(async () => {
  admin = await createAccount(t, 'ADMIN');
});

for (const e of endpoints) {
  describe(`${e.family}: ${e.method} ${e.path.replace(ID, ':id')}`, () => {
    it('no token: 401 UNAUTHENTICATED with a bare Bearer challenge and no reason', async () => {
      const r = await call(t, e, null);
      expect(r.status).toBe(401);
      expect(r.challenge).toBe('Bearer');
      expect(isError(r.body)).toBe(true);
      expect(r.error).toEqual({ code: 'UNAUTHENTICATED' });
    });

    it('a valid token is let through (the control)', async () => {
      const r = await call(t, e, `Bearer ${admin.accessToken}`);
      expect(r.status).toBe(e.validStatus);
      expect(r.challenge).toBeNull();
    });

    it('an expired token: TOKEN_EXPIRED', async () => {
      const c = await registerCitizen(t);
      t.clock.advance(61_000);
      try {
        expectRefused(await call(t, e, `Bearer ${c.accessToken}`), 'TOKEN_EXPIRED', 'expired');
      } finally {
        t.clock.reset();
      }
    });

    it('a forged or malformed token, or another scheme: TOKEN_INVALID', async () => {
      const [h, p] = admin.accessToken.split('.');
      for (const header of [`Bearer ${h}.${p}.${'A'.repeat(86)}`, 'Bearer not-a-jwt', 'ApiKey mfc_unknown', 'Basic dXNlcjpwYXNz']) {
        expectRefused(await call(t, e, header), 'TOKEN_INVALID', header);
      }
    });

    it('the token of an ended session: SESSION_REVOKED', async () => {
      const c = await registerCitizen(t);
      await c.client.request(LogoutDocument);
      expectRefused(await call(t, e, `Bearer ${c.accessToken}`), 'SESSION_REVOKED', 'revoked');
    });
  });
}
