/**
 * Revocation of GOST certificates by the OCSP responder they name (Authority Information Access),
 * answered by a local responder signing with the CA's GOST key: good, revoked, a forged answer and a
 * responder that is down, under SIGNATURE_REVOCATION=require and =prefer; answers are cached.
 */
import 'reflect-metadata';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addVerifiedIdentifier, createAccount } from '../../helpers/accounts.js';
import { startTestApp, type TestApp } from '../../helpers/app.js';
import { freshSnils } from '../../helpers/identifiers.js';
import { personSubject } from '../../helpers/pki.js';
import { gostOcspAnswer, issueGost, type GostIssued } from '../../helpers/gost-pki.js';
import { gostLogin as login, refusalReason as reason } from '../../helpers/signature-login.js';

let strict: TestApp;
let lenient: TestApp;
let server: Server;
let url: string;
let root: GostIssued;
let impostor: GostIssued;
const statuses = new Map<string, 'good' | 'revoked'>();
const mode = { down: false, forged: false, requests: 0 };

beforeAll(async () => {
  root = issueGost(null, { subject: 'CN=Тестовый корневой УЦ ГОСТ (OCSP), C=RU', ca: true });
  impostor = issueGost(null, { subject: 'CN=Тестовый корневой УЦ ГОСТ (OCSP), C=RU', ca: true });
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      mode.requests += 1;
      if (mode.down || req.method !== 'POST' || req.headers['content-type'] !== 'application/ocsp-request') return void res.writeHead(503).end();
      const answer = gostOcspAnswer(new Uint8Array(Buffer.concat(chunks)), mode.forged ? impostor : root, (serial) => statuses.get(serial) ?? 'unknown');
      res.writeHead(200, { 'content-type': 'application/ocsp-response' }).end(Buffer.from(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ocsp`;
  strict = await startTestApp({ SIGNATURE_TRUSTED_ROOTS: root.pem, SIGNATURE_REVOCATION: 'require', SIGNATURE_CRL_TIMEOUT_MS: '2000' });
  lenient = await startTestApp({ SIGNATURE_TRUSTED_ROOTS: root.pem, SIGNATURE_REVOCATION: 'prefer', SIGNATURE_CRL_TIMEOUT_MS: '2000' });
});
afterAll(async () => {
  await strict?.stop();
  await lenient?.stop();
  await new Promise((resolve) => server?.close(resolve));
});

async function holder(t: TestApp, status: 'good' | 'revoked' | null) {
  const snils = freshSnils();
  const citizen = await createAccount(t, 'CITIZEN');
  await addVerifiedIdentifier(t, citizen.client, 'SNILS', snils);
  const cert = issueGost(root, { subject: personSubject({ name: 'Кузнецова Анна', snils }), ocspUrl: url });
  if (status) statuses.set(cert.cert.serialNumber.toLowerCase().replace(/^(00)+/, ''), status);
  return { citizen, cert };
}


describe('revocation of signature certificates by OCSP', () => {
  it('a good certificate logs in (the answer is cached), a revoked one is refused under either policy', async () => {
    const good = await holder(strict, 'good');
    const before = mode.requests;
    expect((await login(strict, good.cert)).completeSignatureLogin.user.id).toBe(good.citizen.id);
    expect((await login(strict, good.cert)).completeSignatureLogin.user.id).toBe(good.citizen.id);
    expect(mode.requests - before).toBe(1);
    const revoked = await holder(strict, 'revoked');
    expect(await reason(login(strict, revoked.cert))).toBe('CERTIFICATE_REVOKED');
    const revokedToo = await holder(lenient, 'revoked');
    expect(await reason(login(lenient, revokedToo.cert))).toBe('CERTIFICATE_REVOKED');
  });

  it('a responder that is down, an answer signed by another key or not naming the certificate: refused under require, let through under prefer', async () => {
    mode.down = true;
    try {
      const a = await holder(strict, 'good');
      expect(await reason(login(strict, a.cert))).toBe('REVOCATION_UNKNOWN');
      const b = await holder(lenient, 'good');
      expect((await login(lenient, b.cert)).completeSignatureLogin.user.id).toBe(b.citizen.id);
    } finally {
      mode.down = false;
    }
    mode.forged = true;
    try {
      const c = await holder(strict, 'revoked');
      expect(await reason(login(strict, c.cert))).toBe('REVOCATION_UNKNOWN');
    } finally {
      mode.forged = false;
    }
    const unknown = await holder(strict, null);
    expect(await reason(login(strict, unknown.cert))).toBe('REVOCATION_UNKNOWN');
  });
});
