/** Login with a GOST R 34.10-2012 qualified signature (raw and CMS detached), against a GOST test PKI made in the test. */
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as x509 from '@peculiar/x509';
import { BeginSignatureLoginDocument, CompleteSignatureLoginDocument, type SignatureAlgorithm } from '../../../src/sdk/generated/graphql.js';
import { addVerifiedIdentifier, registerCitizen } from '../../helpers/accounts.js';
import { startTestApp, type TestApp } from '../../helpers/app.js';
import { errorOf } from '../../helpers/graphql.js';
import { freshInn, freshSnils } from '../../helpers/identifiers.js';
import { personSubject } from '../../helpers/pki.js';
import { gostCmsDetached, gostSignText, issueGost, type GostIssued } from '../../helpers/gost-pki.js';

let t: TestApp;
let root: GostIssued;
let intermediate: GostIssued;
let untrusted: GostIssued;

beforeAll(async () => {
  root = issueGost(null, { subject: 'CN=Тестовый корневой УЦ ГОСТ, O=Тестовый УЦ, C=RU', ca: true });
  intermediate = issueGost(root, { subject: 'CN=Тестовый аккредитованный УЦ ГОСТ, O=Тестовый УЦ, C=RU', ca: true, bits: 512 });
  untrusted = issueGost(null, { subject: 'CN=Тестовый корневой УЦ ГОСТ, O=Тестовый УЦ, C=RU', ca: true });
  t = await startTestApp({ SIGNATURE_TRUSTED_ROOTS: root.pem });
});
afterAll(async () => {
  await t?.stop();
});

type Sign = (holder: GostIssued, text: string) => string;
const raw: Sign = (h, text) => gostSignText(h, text);
const rawCryptoApi: Sign = (h, text) => gostSignText(h, text, 'cryptoapi');
const cms: Sign = (h, text) => gostCmsDetached(h, text);

async function attempt(holder: GostIssued, chain: GostIssued[], algorithm: SignatureAlgorithm, sign: Sign) {
  const { beginSignatureLogin } = await t.client.request(BeginSignatureLoginDocument);
  const input = { challengeId: beginSignatureLogin.challengeId, signature: sign(holder, beginSignatureLogin.dataToSign), certificates: chain.map((c) => c.pem), algorithm };
  return t.client.request(CompleteSignatureLoginDocument, { input });
}

async function citizenWithSnils() {
  const snils = freshSnils();
  const citizen = await registerCitizen(t);
  await addVerifiedIdentifier(t, citizen.client, 'SNILS', snils);
  return { citizen, snils };
}

describe('logging in with a GOST qualified signature', () => {
  it('a 256-bit key under a 512-bit intermediate CA: raw (both byte orders) and CMS detached signatures log in the holder of the SNILS', async () => {
    const { citizen, snils } = await citizenWithSnils();
    const user = issueGost(intermediate, { subject: personSubject({ name: 'Петрова Мария Сергеевна', snils, inn: freshInn() }) });
    for (const [algorithm, sign] of [
      ['GOST3410_2012_256', raw],
      ['GOST3410_2012_256', rawCryptoApi],
      ['GOST_CMS_DETACHED', cms],
    ] as const) {
      const { completeSignatureLogin } = await attempt(user, [user, intermediate], algorithm, sign);
      expect(completeSignatureLogin.user.id).toBe(citizen.id);
    }
  });

  it('a 512-bit key issued by the root, raw and CMS', async () => {
    const { citizen, snils } = await citizenWithSnils();
    const user = issueGost(root, { subject: personSubject({ name: 'Сидоров Пётр', snils }), bits: 512 });
    expect((await attempt(user, [user], 'GOST3410_2012_512', raw)).completeSignatureLogin.user.id).toBe(citizen.id);
    expect((await attempt(user, [user], 'GOST_CMS_DETACHED', cms)).completeSignatureLogin.user.id).toBe(citizen.id);
  });

  it('refuses a wrong signature, a CMS of other data, the wrong key size, an untrusted CA, an expired certificate and one without digitalSignature', async () => {
    const { snils } = await citizenWithSnils();
    const subject = personSubject({ name: 'Петрова Мария Сергеевна', snils });
    const user = issueGost(root, { subject });
    const reason = async (p: Promise<unknown>) => (await errorOf(p)).extensions.reason;

    const other = issueGost(root, { subject });
    expect(await reason(attempt(user, [user], 'GOST3410_2012_256', (_h, text) => raw(other, text)))).toBe('SIGNATURE_INVALID');
    expect(await reason(attempt(user, [user], 'GOST_CMS_DETACHED', (h) => gostCmsDetached(h, 'other text')))).toBe('SIGNATURE_INVALID');
    expect(await reason(attempt(user, [user], 'GOST_CMS_DETACHED', (h, text) => gostCmsDetached(h, text, { digestOf: 'other text' })))).toBe('SIGNATURE_INVALID');
    expect(await reason(attempt(user, [user], 'GOST3410_2012_512', raw))).toBe('ALGORITHM_UNSUPPORTED');
    expect(await reason(attempt(user, [user], 'ECDSA_SHA256', raw))).toBe('ALGORITHM_UNSUPPORTED');

    const foreign = issueGost(untrusted, { subject });
    expect(await reason(attempt(foreign, [foreign, untrusted], 'GOST3410_2012_256', raw))).toBe('CERTIFICATE_UNTRUSTED');
    const expired = issueGost(root, { subject, notBefore: new Date(Date.now() - 10 * 86_400_000), notAfter: new Date(Date.now() - 86_400_000) });
    expect(await reason(attempt(expired, [expired], 'GOST3410_2012_256', raw))).toBe('CERTIFICATE_EXPIRED');
    const noUsage = issueGost(root, { subject, keyUsage: x509.KeyUsageFlags.keyEncipherment });
    expect(await reason(attempt(noUsage, [noUsage], 'GOST3410_2012_256', raw))).toBe('KEY_USAGE');
  });
});
