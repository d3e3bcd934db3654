/**
 * Signing beyond login: binding a certificate with a code sent to the phone (seed 004) and a
 * signature proving the key; signing a submitted application version (GOST raw and CMS, ECDSA) and
 * a profile change request with a bound certificate; refusals (wrong and expired codes, an unbound
 * or another person's certificate, a signature by another key); the trust level raised by a
 * qualified certificate; and re-verification later against the document as stored then.
 */
import 'reflect-metadata';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BeginCertificateBindingDocument,
  CompleteCertificateBindingDocument,
  CreateApplicationDraftDocument,
  DocumentSignaturesDocument,
  DocumentToSignDocument,
  MeDocument,
  MyActivityDocument,
  MyCertificatesDocument,
  RequestProfileChangeDocument,
  SignDocumentDocument,
  SubmitApplicationDocument,
  UnbindCertificateDocument,
  type SignatureAlgorithm,
} from '../../../src/sdk/generated/graphql.js';
import type { MfcClient } from '../../../src/sdk/client.js';
import { accountCertificates, applicationVersions } from '../../../src/db/schema/index.js';
import { addVerifiedIdentifier, createAccount, createStaff, loginAs, smsCode } from '../../helpers/accounts.js';
import { startTestApp, type TestApp } from '../../helpers/app.js';
import { errorOf } from '../../helpers/graphql.js';
import { freshSnils } from '../../helpers/identifiers.js';
import { uploadScan } from '../../helpers/files.js';
import { issue, makeRootCa, personSubject, signChallenge, type Issued } from '../../helpers/pki.js';
import { gostCmsDetached, gostSignText, issueGost, type GostIssued } from '../../helpers/gost-pki.js';
import { buildBranch, buildCategory, buildService } from '../../factories/catalog.js';

let t: TestApp;
let root: GostIssued;
let ecRoot: Issued;
let serviceId: string;
let branchId: string;

type Holder = { pem: string; sign: (text: string) => Promise<string> | string; algorithm: SignatureAlgorithm };
const gostRaw = (h: GostIssued): Holder => ({ pem: h.pem, sign: (text) => gostSignText(h, text), algorithm: h.bits === 256 ? 'GOST3410_2012_256' : 'GOST3410_2012_512' });
const gostCms = (h: GostIssued): Holder => ({ pem: h.pem, sign: (text) => gostCmsDetached(h, text), algorithm: 'GOST_CMS_DETACHED' });
const ecdsa = (h: Issued): Holder => ({ pem: h.pem, sign: (text) => signChallenge(h, text, 'ECDSA_SHA256'), algorithm: 'ECDSA_SHA256' });

beforeAll(async () => {
  root = issueGost(null, { subject: 'CN=Тестовый корневой УЦ ГОСТ, O=Тестовый УЦ, C=RU', ca: true });
  ecRoot = await makeRootCa('Тестовый корневой УЦ ECDSA');
  t = await startTestApp({ SIGNATURE_TRUSTED_ROOTS: `${root.pem}\n${ecRoot.pem}` });
  const admin = (await createStaff(t, 'ADMIN')).client;
  const categoryId = (await buildCategory(admin)).id;
  serviceId = (await buildService(admin, categoryId, { availableOnline: true, requiredDocuments: [], applicationForm: null, minTrustLevel: 'SIMPLIFIED' })).id;
  branchId = (await buildBranch(admin, {}, [serviceId])).id;
});
afterAll(async () => {
  await t?.stop();
});

/** A citizen with a verified SNILS, and a GOST certificate naming it. */
async function citizenWithCertificate(bits: 256 | 512 = 256) {
  const snils = freshSnils();
  const c = await createAccount(t, 'CITIZEN');
  await addVerifiedIdentifier(t, c.client, 'SNILS', snils);
  const cert = issueGost(root, { subject: personSubject({ name: 'Петрова Мария Сергеевна', snils }), bits });
  return { ...c, snils, cert };
}

async function beginBinding(c: { client: MfcClient; phone: string }, chain: string[]) {
  const since = t.sms.messages.length;
  const { beginCertificateBinding } = await c.client.request(BeginCertificateBindingDocument, { input: { certificates: chain } });
  return { ...beginCertificateBinding, code: await smsCode(t, c.phone, since) };
}

async function bind(c: { client: MfcClient; phone: string }, holder: Holder) {
  const started = await beginBinding(c, [holder.pem]);
  const signature = await holder.sign(started.dataToSign);
  const { completeCertificateBinding } = await c.client.request(CompleteCertificateBindingDocument, { input: { challengeId: started.challenge.id, code: started.code, signature, algorithm: holder.algorithm } });
  return completeCertificateBinding;
}

async function submittedApplication(client: MfcClient): Promise<string> {
  const { createApplicationDraft } = await client.request(CreateApplicationDraftDocument, { input: { serviceId, branchId } });
  await client.request(SubmitApplicationDocument, { id: createApplicationDraft.id });
  return createApplicationDraft.id;
}

async function sign(client: MfcClient, document: { kind: 'APPLICATION_VERSION' | 'PROFILE_CHANGE_REQUEST'; id: string }, holder: Holder, certificateId?: string) {
  const { documentToSign } = await client.request(DocumentToSignDocument, { document });
  const signature = await holder.sign(documentToSign.dataToSign);
  const ref = certificateId ? { certificateId } : { certificate: holder.pem };
  return (await client.request(SignDocumentDocument, { input: { ...document, ...ref, algorithm: holder.algorithm, signature } })).signDocument;
}

describe('binding a certificate with a code sent to the phone', () => {
  it('refuses a wrong code and an expired one, binds with the right code and the key\'s signature, lists and unbinds', async () => {
    const c = await citizenWithCertificate();
    const holder = gostRaw(c.cert);
    const started = await beginBinding(c, [c.cert.pem]);
    expect(started.challenge).toMatchObject({ purpose: 'CERTIFICATE_BINDING', channel: 'SMS' });
    expect(started.dataToSign).toContain(c.cert.cert.serialNumber);
    const signature = gostSignText(c.cert, started.dataToSign);
    const wrong = started.code === '000000' ? '111111' : '000000';
    const refused = await errorOf(c.client.request(CompleteCertificateBindingDocument, { input: { challengeId: started.challenge.id, code: wrong, signature, algorithm: holder.algorithm } }));
    expect(refused.extensions.code).toBe('CODE_INVALID');
    // A signature of other text proves nothing (the code attempt is spent, the code stays usable).
    const badSignature = await errorOf(
      c.client.request(CompleteCertificateBindingDocument, { input: { challengeId: started.challenge.id, code: started.code, signature: gostSignText(c.cert, 'другой текст'), algorithm: holder.algorithm } }),
    );
    expect(badSignature.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SIGNATURE_INVALID' });
    expect((await c.client.request(MyCertificatesDocument)).myCertificates).toEqual([]);

    const late = await beginBinding(c, [c.cert.pem]);
    t.clock.advance(t.config.CODE_TTL_SECONDS * 1000 + 1000);
    try {
      const expired = await errorOf(c.client.request(CompleteCertificateBindingDocument, { input: { challengeId: late.challenge.id, code: late.code, signature: gostSignText(c.cert, late.dataToSign), algorithm: holder.algorithm } }));
      expect(expired.extensions.code).toBe('CODE_EXPIRED');
    } finally {
      t.clock.reset();
    }

    const bound = await bind(c, holder);
    expect(bound).toMatchObject({ serialNumber: c.cert.cert.serialNumber, qualified: true, unboundAt: null });
    expect((await c.client.request(MyCertificatesDocument)).myCertificates.map((x) => x.id)).toEqual([bound.id]);
    expect((await errorOf(beginBinding(c, [c.cert.pem]))).extensions.code).toBe('CONFLICT');
    // The chain and subject name the SNILS: sealed at rest.
    const [stored] = await t.running.app.db.db.select().from(accountCertificates).where(eq(accountCertificates.id, bound.id));
    expect(stored?.chain).not.toContain('CERTIFICATE');
    expect(stored?.subject).not.toContain('Петрова');
    const { myActivity } = await c.client.request(MyActivityDocument, {});
    expect(myActivity.nodes.map((n) => n.action)).toContain('CERTIFICATE_BOUND');

    const { unbindCertificate } = await c.client.request(UnbindCertificateDocument, { id: bound.id });
    expect(unbindCertificate.unboundAt).not.toBeNull();
    expect((await c.client.request(MyCertificatesDocument)).myCertificates).toEqual([]);
    expect((await errorOf(c.client.request(UnbindCertificateDocument, { id: bound.id }))).extensions.code).toBe('NOT_FOUND');
  });

  it('refuses another person\'s certificate: a SNILS another account holds verified, or not the account\'s verified SNILS', async () => {
    const a = await citizenWithCertificate();
    const b = await createAccount(t, 'CITIZEN');
    const refusal = await errorOf(b.client.request(BeginCertificateBindingDocument, { input: { certificates: [a.cert.pem] } }));
    expect(refusal.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CERTIFICATE_OF_ANOTHER_PERSON' });
    const stranger = issueGost(root, { subject: personSubject({ name: 'Иванов Иван', snils: freshSnils() }) });
    const notMine = await errorOf(a.client.request(BeginCertificateBindingDocument, { input: { certificates: [stranger.pem] } }));
    expect(notMine.extensions.reason).toBe('CERTIFICATE_OF_ANOTHER_PERSON');
  });
});

describe('signing documents with a bound certificate', () => {
  it('signs a submitted application with GOST (raw and CMS), raises the trust level with a qualified certificate, and re-verifies later', async () => {
    const c = await citizenWithCertificate();
    const bound = await bind(c, gostRaw(c.cert));
    const applicationId = await submittedApplication(c.client);
    expect((await c.client.request(MeDocument)).me?.trustLevel).toBe('SIMPLIFIED');
    const document = { kind: 'APPLICATION_VERSION' as const, id: applicationId };
    const first = await sign(c.client, document, gostRaw(c.cert), bound.id);
    expect(first).toMatchObject({ kind: 'APPLICATION_VERSION', documentId: applicationId, version: 1, algorithm: 'GOST3410_2012_256', certificate: { id: bound.id, qualified: true } });
    expect((await c.client.request(MeDocument)).me?.trustLevel).toBe('CONFIRMED');
    expect((await c.client.request(MyActivityDocument, {})).myActivity.nodes.map((n) => n.action)).toEqual(expect.arrayContaining(['DOCUMENT_SIGNED', 'IDENTITY_CONFIRMED']));
    const second = await sign(c.client, document, gostCms(c.cert));
    expect(second.algorithm).toBe('GOST_CMS_DETACHED');

    // Later: the signing time's chain still holds, and the document as stored is what was signed.
    t.clock.advance(30 * 86_400_000);
    try {
      const later = await loginAs(t, c.phone);
      const { documentSignatures } = await later.client.request(DocumentSignaturesDocument, { document });
      expect(documentSignatures.map((s) => s.verification)).toEqual([
        expect.objectContaining({ valid: true, reason: null, serialNumber: c.cert.cert.serialNumber, signer: expect.stringContaining('Петрова') }),
        expect.objectContaining({ valid: true, reason: null }),
      ]);
    } finally {
      t.clock.reset();
    }
    // The stored version changed behind the system's back: no signature covers it any more.
    await t.running.app.db.db.update(applicationVersions).set({ data: { forged: true } }).where(eq(applicationVersions.applicationId, applicationId));
    const { documentSignatures: after } = await c.client.request(DocumentSignaturesDocument, { document });
    expect(after.map((s) => [s.verification.valid, s.verification.reason])).toEqual([
      [false, 'DOCUMENT_CHANGED'],
      [false, 'DOCUMENT_CHANGED'],
    ]);
  });

  it('refuses an unbound certificate, another person\'s bound certificate, an unbound one and a signature by another key', async () => {
    const a = await citizenWithCertificate();
    const b = await citizenWithCertificate(512);
    const boundB = await bind(b, gostRaw(b.cert));
    const applicationId = await submittedApplication(a.client);
    const document = { kind: 'APPLICATION_VERSION' as const, id: applicationId };

    const unbound = await errorOf(sign(a.client, document, gostRaw(a.cert)));
    expect(unbound.extensions).toMatchObject({ code: 'PRECONDITION_FAILED', rule: 'CERTIFICATE_NOT_BOUND' });
    const foreign = await errorOf(sign(a.client, document, gostRaw(b.cert), boundB.id));
    expect(foreign.extensions).toMatchObject({ code: 'PRECONDITION_FAILED', rule: 'CERTIFICATE_NOT_BOUND' });
    expect((await errorOf(sign(b.client, document, gostRaw(b.cert), boundB.id))).extensions.code).toBe('NOT_FOUND'); // not B's application

    const boundA = await bind(a, gostRaw(a.cert));
    const otherKey = issueGost(root, { subject: personSubject({ name: 'Петрова Мария Сергеевна', snils: a.snils }) });
    const forged = await errorOf(sign(a.client, document, { ...gostRaw(otherKey), pem: a.cert.pem }, boundA.id));
    expect(forged.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SIGNATURE_INVALID' });
    await a.client.request(UnbindCertificateDocument, { id: boundA.id });
    expect((await errorOf(sign(a.client, document, gostRaw(a.cert), boundA.id))).extensions.rule).toBe('CERTIFICATE_NOT_BOUND');
    expect((await a.client.request(DocumentSignaturesDocument, { document })).documentSignatures).toEqual([]);
    expect((await a.client.request(MeDocument)).me?.trustLevel).toBe('SIMPLIFIED');
  });

  it('signs a profile change request with an ECDSA certificate without a SNILS: kept and valid, the trust level unchanged', async () => {
    const c = await createAccount(t, 'CITIZEN');
    const cert = await issue(ecRoot, { subject: personSubject({ name: 'Сидоров Пётр' }) });
    const bound = await bind(c, ecdsa(cert));
    expect(bound.qualified).toBe(false);
    const scan = await uploadScan(t, c.accessToken, 'свидетельство о браке.pdf');
    const { requestProfileChange } = await c.client.request(RequestProfileChangeDocument, { input: { lastName: 'Смирнов', attachmentIds: [scan] } });
    const document = { kind: 'PROFILE_CHANGE_REQUEST' as const, id: requestProfileChange.id };
    const { documentToSign } = await c.client.request(DocumentToSignDocument, { document });
    expect(documentToSign.dataToSign).toContain('"lastName":"Смирнов"');
    const signed = await sign(c.client, document, ecdsa(cert), bound.id);
    expect(signed).toMatchObject({ version: 1, algorithm: 'ECDSA_SHA256', digest: documentToSign.digest });
    const { documentSignatures } = await c.client.request(DocumentSignaturesDocument, { document });
    expect(documentSignatures[0]?.verification).toMatchObject({ valid: true, reason: null });
    expect((await c.client.request(MeDocument)).me?.trustLevel).toBe('SIMPLIFIED');
  });
});
