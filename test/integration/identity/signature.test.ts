/** Login with an electronic signature, against a test PKI made in the test. */
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as x509 from '@peculiar/x509';
import {
  BeginSignatureLoginDocument,
  CompleteSignatureLoginDocument,
  LoginDocument,
  MyActivityDocument,
  RefreshSessionDocument,
  UpdateProfileDocument,
  } from '../../../src/sdk/generated/graphql.js';
import { addVerifiedIdentifier, registerCitizen } from '../../helpers/accounts.js';
import { startTestApp, type TestApp } from '../../helpers/app.js';
import { errorOf } from '../../helpers/graphql.js';
import { freshInn, freshOrgInn, freshSnils } from '../../helpers/identifiers.js';
import { type SigningAlgorithm as SignatureAlgorithm, issue, makeRootCa, personSubject, signChallenge, type Issued } from '../../helpers/pki.js';

let t: TestApp;
let root: Issued;
let rsaRoot: Issued;
let intermediate: Issued;
let untrusted: Issued;

beforeAll(async () => {
  root = await makeRootCa('Тестовый корневой УЦ');
  rsaRoot = await makeRootCa('Тестовый корневой УЦ RSA', { kind: 'RSA' });
  intermediate = await issue(root, { subject: 'CN=Тестовый подчинённый УЦ, O=Тестовый УЦ, C=RU', ca: true });
  // Same name as the trusted root, another key: only the signature can tell them apart.
  untrusted = await makeRootCa('Тестовый корневой УЦ');
  t = await startTestApp({ SIGNATURE_TRUSTED_ROOTS: `${root.pem}\n${rsaRoot.pem}` });
});
afterAll(async () => {
  await t?.stop();
});

/** A citizen holding the SNILS or INN verified (an operator checked the document). */
async function citizenWith(ids: { snils?: string; inn?: string }) {
  const c = await registerCitizen(t);
  if (ids.snils) await addVerifiedIdentifier(t, c.client, 'SNILS', ids.snils);
  if (ids.inn) await addVerifiedIdentifier(t, c.client, 'INN', ids.inn);
  return c;
}

async function attempt(holder: Issued, chain: Issued[], algorithm: SignatureAlgorithm, change?: (signature: string, data: string) => Promise<string> | string) {
  const { beginSignatureLogin } = await t.client.request(BeginSignatureLoginDocument);
  let signature = await signChallenge(holder, beginSignatureLogin.dataToSign, algorithm);
  if (change) signature = await change(signature, beginSignatureLogin.dataToSign);
  return {
    challengeId: beginSignatureLogin.challengeId,
    input: { challengeId: beginSignatureLogin.challengeId, signature, certificates: chain.map((c) => c.pem), algorithm },
  };
}

async function login(holder: Issued, chain: Issued[], algorithm: SignatureAlgorithm) {
  const { input } = await attempt(holder, chain, algorithm);
  return (await t.client.request(CompleteSignatureLoginDocument, { input })).completeSignatureLogin;
}

async function refusal(holder: Issued, chain: Issued[], algorithm: SignatureAlgorithm, change?: (signature: string, data: string) => Promise<string> | string) {
  const { input } = await attempt(holder, chain, algorithm, change);
  return errorOf(t.client.request(CompleteSignatureLoginDocument, { input }));
}

describe('logging in with an electronic signature', () => {
  it('an ECDSA certificate with the citizen\'s SNILS from a trusted root logs them in like a password login, journals it and tells them', async () => {
    const snils = freshSnils();
    const citizen = await citizenWith({ snils });
    const user = await issue(root, { subject: personSubject({ name: 'Петрова Мария Сергеевна', snils }) });
    const since = t.sms.messages.length;

    const session = await login(user, [user], 'ECDSA_SHA256');
    expect(session.user.id).toBe(citizen.id);
    const { refreshSession } = await t.client.request(RefreshSessionDocument, { refreshToken: session.refreshToken });
    const { myActivity } = await t.client.withToken(refreshSession.accessToken).request(MyActivityDocument, { first: 3 });
    expect(myActivity.nodes[0]).toMatchObject({
      action: 'LOGIN',
      details: expect.objectContaining({ method: 'SIGNATURE', certificate: expect.objectContaining({ serialNumber: user.cert.serialNumber }) }),
    });
    const notice = await t.sms.waitFor((m) => m.to === citizen.phone && /вход в кабинет/i.test(m.text));
    expect(t.sms.messages.indexOf(notice)).toBeGreaterThanOrEqual(since);
  });

  it('an RSA certificate through an intermediate CA, found by the personal INN, with PKCS#1 v1.5 and with PSS', async () => {
    const inn = freshInn();
    const citizen = await citizenWith({ inn });
    const user = await issue(intermediate, { subject: personSubject({ name: 'Петрова Мария', inn }), kind: 'RSA' });
    expect((await login(user, [user, intermediate], 'RSA_PKCS1_SHA256')).user.id).toBe(citizen.id);
    expect((await login(user, [user, intermediate], 'RSA_PSS_SHA256')).user.id).toBe(citizen.id);
  });

  it('a certificate issued straight by the RSA root, the chain given as base64 DER', async () => {
    const snils = freshSnils();
    const citizen = await citizenWith({ snils });
    const user = await issue(rsaRoot, { subject: personSubject({ name: 'Петрова Мария', snils }) });
    const { input } = await attempt(user, [user], 'ECDSA_SHA256');
    const der = Buffer.from(user.cert.rawData).toString('base64');
    const { completeSignatureLogin } = await t.client.request(CompleteSignatureLoginDocument, { input: { ...input, certificates: [der] } });
    expect(completeSignatureLogin.user.id).toBe(citizen.id);
  });
});

describe('refusals', () => {
  it('an expired certificate, and one not valid yet', async () => {
    const snils = freshSnils();
    await citizenWith({ snils });
    const subject = personSubject({ name: 'Петрова Мария', snils });
    const expired = await issue(root, { subject, notBefore: new Date(Date.now() - 400 * 86_400_000), notAfter: new Date(Date.now() - 86_400_000) });
    expect((await refusal(expired, [expired], 'ECDSA_SHA256')).extensions.reason).toBe('CERTIFICATE_EXPIRED');
    const future = await issue(root, { subject, notBefore: new Date(Date.now() + 86_400_000), notAfter: new Date(Date.now() + 400 * 86_400_000) });
    expect((await refusal(future, [future], 'ECDSA_SHA256')).extensions.reason).toBe('CERTIFICATE_EXPIRED');
  });

  it('a certificate that expires while the server clock moves on', async () => {
    const snils = freshSnils();
    await citizenWith({ snils });
    const user = await issue(root, { subject: personSubject({ name: 'Петрова Мария', snils }), notAfter: new Date(Date.now() + 3_600_000) });
    const { input } = await attempt(user, [user], 'ECDSA_SHA256');
    t.clock.advance(2 * 3_600_000);
    try {
      // The challenge has expired by then too; a fresh one shows the certificate is what fails.
      expect((await errorOf(t.client.request(CompleteSignatureLoginDocument, { input }))).extensions.reason).toBe('CHALLENGE_INVALID');
      expect((await refusal(user, [user], 'ECDSA_SHA256')).extensions.reason).toBe('CERTIFICATE_EXPIRED');
    } finally {
      t.clock.reset();
    }
  });

  it('a certificate from an untrusted CA, even one named like the trusted root, and a self-signed one', async () => {
    const snils = freshSnils();
    await citizenWith({ snils });
    const subject = personSubject({ name: 'Петрова Мария', snils });
    const foreign = await issue(untrusted, { subject });
    expect(foreign.cert.issuer).toBe(root.cert.subject);
    expect((await refusal(foreign, [foreign], 'ECDSA_SHA256')).extensions.reason).toBe('CERTIFICATE_UNTRUSTED');
    expect((await refusal(foreign, [foreign, untrusted], 'ECDSA_SHA256')).extensions.reason).toBe('CERTIFICATE_UNTRUSTED');
    const self = await makeRootCa('Петрова Мария');
    const selfUser = await issue(self, { subject });
    expect((await refusal(selfUser, [selfUser, self], 'ECDSA_SHA256')).extensions.reason).toBe('CERTIFICATE_UNTRUSTED');
  });

  it('a chain through a certificate that is no CA', async () => {
    const snils = freshSnils();
    await citizenWith({ snils });
    const notCa = await issue(root, { subject: 'CN=Не УЦ, C=RU', keyUsage: x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.digitalSignature });
    const user = await issue(notCa, { subject: personSubject({ name: 'Петрова Мария', snils }) });
    expect((await refusal(user, [user, notCa], 'ECDSA_SHA256')).extensions.reason).toBe('CERTIFICATE_UNTRUSTED');
  });

  it('a tampered signature, and a signature over other data, are refused and journalled', async () => {
    const snils = freshSnils();
    const citizen = await citizenWith({ snils });
    const user = await issue(root, { subject: personSubject({ name: 'Петрова Мария', snils }) });
    const flipped = await refusal(user, [user], 'ECDSA_SHA256', (sig) => {
      const b = Buffer.from(sig, 'base64');
      b[b.length - 5] = (b[b.length - 5] ?? 0) ^ 0x01;
      return b.toString('base64');
    });
    expect(flipped.extensions.reason).toBe('SIGNATURE_INVALID');
    const other = await refusal(user, [user], 'ECDSA_SHA256', (_sig, data) => signChallenge(user, `${data}!`, 'ECDSA_SHA256'));
    expect(other.extensions.reason).toBe('SIGNATURE_INVALID');
    const declaredRsa = await attempt(user, [user], 'ECDSA_SHA256');
    const wrongAlg = await errorOf(t.client.request(CompleteSignatureLoginDocument, { input: { ...declaredRsa.input, algorithm: 'RSA_PKCS1_SHA256' } }));
    expect(wrongAlg.extensions.reason).toBe('ALGORITHM_UNSUPPORTED');
    const [row] = await t.running.app.db.sql`select count(*)::int as n from activity_entries where user_id = ${citizen.id} and action = 'LOGIN_FAILED' and details->>'method' = 'SIGNATURE'`;
    expect(row?.n).toBe(2);
  });

  it('a certificate without the digitalSignature key usage', async () => {
    const snils = freshSnils();
    await citizenWith({ snils });
    const user = await issue(root, { subject: personSubject({ name: 'Петрова Мария', snils }), keyUsage: x509.KeyUsageFlags.keyEncipherment });
    expect((await refusal(user, [user], 'ECDSA_SHA256')).extensions.reason).toBe('KEY_USAGE');
  });

  it('a replayed challenge', async () => {
    const snils = freshSnils();
    await citizenWith({ snils });
    const user = await issue(root, { subject: personSubject({ name: 'Петрова Мария', snils }) });
    const { input } = await attempt(user, [user], 'ECDSA_SHA256');
    await t.client.request(CompleteSignatureLoginDocument, { input });
    expect((await errorOf(t.client.request(CompleteSignatureLoginDocument, { input }))).extensions.reason).toBe('CHALLENGE_INVALID');
  });

  it('no account for the SNILS, and an organisation\'s INN never picks an account', async () => {
    const nobody = await issue(root, { subject: personSubject({ name: 'Никто', snils: freshSnils() }) });
    expect((await refusal(nobody, [nobody], 'ECDSA_SHA256')).extensions.reason).toBe('NO_ACCOUNT');
    // Without the key one learns nothing about the account: the signature is checked first.
    const stranger = await refusal(nobody, [nobody], 'ECDSA_SHA256', (_sig, data) => signChallenge(nobody, `${data}?`, 'ECDSA_SHA256'));
    expect(stranger.extensions.reason).toBe('SIGNATURE_INVALID');
    const orgInn = freshOrgInn();
    const employee = await issue(root, { subject: personSubject({ name: 'Сотрудник', innle: orgInn, inn: `00${orgInn}` }) });
    expect((await refusal(employee, [employee], 'ECDSA_SHA256')).extensions.reason).toBe('NO_ACCOUNT');
  });

  it('a SNILS or INN the citizen only typed picks no account: whoever typed another person\'s SNILS does not receive their signature login', async () => {
    const snils = freshSnils();
    const inn = freshInn();
    const squatter = await registerCitizen(t);
    await squatter.client.request(UpdateProfileDocument, { input: { snils, inn } });
    const owner = await issue(root, { subject: personSubject({ name: 'Владелец СНИЛС', snils, inn }) });
    expect((await refusal(owner, [owner], 'ECDSA_SHA256')).extensions.reason).toBe('NO_ACCOUNT');
    const [sessions] = await t.running.app.db.sql`select count(*)::int as n from sessions where user_id = ${squatter.id}`;
    expect(sessions?.n).toBe(1);
  });

  it('an account locked by wrong passwords still signs in with its signature: the lock stops password guessing only', async () => {
    const snils = freshSnils();
    const citizen = await citizenWith({ snils });
    for (let i = 0; i < 3; i++) await t.client.raw(LoginDocument, { input: { login: citizen.phone, password: 'Неверный-1' } });
    const user = await issue(root, { subject: personSubject({ name: 'Петрова Мария', snils }) });
    const { input } = await attempt(user, [user], 'ECDSA_SHA256');
    const { completeSignatureLogin } = await t.client.request(CompleteSignatureLoginDocument, { input });
    expect(completeSignatureLogin.user.id).toBe(citizen.id);
  });

  it('garbage certificates are bad input', async () => {
    const { beginSignatureLogin } = await t.client.request(BeginSignatureLoginDocument);
    const err = await errorOf(
      t.client.request(CompleteSignatureLoginDocument, { input: { challengeId: beginSignatureLogin.challengeId, signature: 'AAAA', certificates: ['not a certificate'], algorithm: 'ECDSA_SHA256' } }),
    );
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.extensions.fields).toEqual([expect.objectContaining({ field: 'certificates.0' })]);
  });
});
