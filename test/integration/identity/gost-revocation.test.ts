/** Revocation of GOST certificates by the CRLs they name, served by a local HTTP server, under SIGNATURE_REVOCATION=require and =prefer. */
import 'reflect-metadata';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addVerifiedIdentifier, registerCitizen } from '../../helpers/accounts.js';
import { startTestApp, type TestApp } from '../../helpers/app.js';
import { freshSnils } from '../../helpers/identifiers.js';
import { personSubject } from '../../helpers/pki.js';
import { gostCrl, issueGost, type GostIssued } from '../../helpers/gost-pki.js';
import { gostLogin as login, refusalReason as reason } from '../../helpers/signature-login.js';

let strict: TestApp;
let lenient: TestApp;
let server: Server;
let base: string;
let root: GostIssued;
const crls = new Map<string, Uint8Array>();
const hits = new Map<string, number>();

beforeAll(async () => {
  root = issueGost(null, { subject: 'CN=Тестовый корневой УЦ ГОСТ (CRL), C=RU', ca: true });
  server = createServer((req, res) => {
    const path = req.url ?? '';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const body = crls.get(path);
    res.writeHead(body ? 200 : 503, { 'content-type': 'application/pkix-crl' }).end(body ? Buffer.from(body) : undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  strict = await startTestApp({ SIGNATURE_TRUSTED_ROOTS: root.pem, SIGNATURE_REVOCATION: 'require', SIGNATURE_CRL_TIMEOUT_MS: '2000' });
  lenient = await startTestApp({ SIGNATURE_TRUSTED_ROOTS: root.pem, SIGNATURE_REVOCATION: 'prefer', SIGNATURE_CRL_TIMEOUT_MS: '2000' });
});
afterAll(async () => {
  await strict?.stop();
  await lenient?.stop();
  await new Promise((resolve) => server?.close(resolve));
});

async function holder(t: TestApp, crlPath?: string) {
  const snils = freshSnils();
  const citizen = await registerCitizen(t);
  await addVerifiedIdentifier(t, citizen.client, 'SNILS', snils);
  const cert = issueGost(root, { subject: personSubject({ name: 'Кузнецова Анна', snils }), crlUrl: crlPath ? `${base}${crlPath}` : undefined });
  return { citizen, cert };
}


describe('revocation of signature certificates by CRL', () => {
  it('a revoked certificate is refused, a good one logs in, and the CRL is fetched once while it is fresh', async () => {
    const good = await holder(strict, '/root.crl');
    const revoked = await holder(strict, '/root.crl');
    crls.set('/root.crl', gostCrl(root, [revoked.cert]));
    expect((await login(strict, good.cert)).completeSignatureLogin.user.id).toBe(good.citizen.id);
    expect(await reason(login(strict, revoked.cert))).toBe('CERTIFICATE_REVOKED');
    expect((await login(strict, good.cert)).completeSignatureLogin.user.id).toBe(good.citizen.id);
    expect(hits.get('/root.crl')).toBe(1);
    // Under "prefer" a revoked certificate is refused all the same.
    const revokedThere = await holder(lenient, '/root.crl');
    crls.set('/root.crl', gostCrl(root, [revoked.cert, revokedThere.cert]));
    expect(await reason(login(lenient, revokedThere.cert))).toBe('CERTIFICATE_REVOKED');
  });

  it('an unreachable CRL, one signed by another key and a stale one: refused under require, let through under prefer', async () => {
    const forger = issueGost(null, { subject: 'CN=Тестовый корневой УЦ ГОСТ (CRL), C=RU', ca: true });
    crls.set('/forged.crl', gostCrl(root, [], { signer: forger }));
    crls.set('/stale.crl', gostCrl(root, [], { nextUpdate: new Date(Date.now() - 60_000) }));
    for (const path of ['/down.crl', '/forged.crl', '/stale.crl']) {
      const a = await holder(strict, path);
      expect(await reason(login(strict, a.cert))).toBe('REVOCATION_UNKNOWN');
      const b = await holder(lenient, path);
      expect((await login(lenient, b.cert)).completeSignatureLogin.user.id).toBe(b.citizen.id);
    }
    // An unreachable CRL is asked again on the next login (nothing cached from a failure).
    const before = hits.get('/down.crl') ?? 0;
    const c = await holder(strict, '/down.crl');
    await reason(login(strict, c.cert));
    expect(hits.get('/down.crl')).toBe(before + 1);
  });

  it('parallel logins naming a CRL not fetched yet fetch it once', async () => {
    const holders = await Promise.all(Array.from({ length: 5 }, () => holder(strict, '/parallel.crl')));
    crls.set('/parallel.crl', gostCrl(root, []));
    const sessions = await Promise.all(holders.map((h) => login(strict, h.cert)));
    expect(sessions.map((s) => s.completeSignatureLogin.user.id)).toEqual(holders.map((h) => h.citizen.id));
    expect(hits.get('/parallel.crl')).toBe(1);
  });

  it('a certificate that names no CRL logs in under require', async () => {
    const a = await holder(strict);
    expect((await login(strict, a.cert)).completeSignatureLogin.user.id).toBe(a.citizen.id);
  });
});
