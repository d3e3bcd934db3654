import 'reflect-metadata';
import { createPrivateKey, sign, webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { issue, makeRootCa, personSubject } from '../../../test/helpers/pki.js';
import { NodeCryptoVerifier } from './signature.verifiers.js';

const data = new TextEncoder().encode('Вход в личный кабинет МФЦ');

async function nodeKey(keys: webcrypto.CryptoKeyPair) {
  return createPrivateKey({ key: Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)), format: 'der', type: 'pkcs8' });
}

describe('NodeCryptoVerifier', () => {
  const verifier = new NodeCryptoVerifier();

  it('accepts an ECDSA signature in DER (smart cards, OpenSSL) and in r||s (WebCrypto), and nothing else', async () => {
    const ca = await makeRootCa('УЦ');
    const holder = await issue(ca, { subject: personSubject({ name: 'Тест' }) });
    const key = await nodeKey(holder.keys);
    const der = sign('sha256', data, { key, dsaEncoding: 'der' });
    const p1363 = sign('sha256', data, { key, dsaEncoding: 'ieee-p1363' });
    expect(der[0]).toBe(0x30);
    expect(p1363).toHaveLength(64);
    for (const signature of [der, p1363]) expect(verifier.verify({ algorithm: 'ECDSA_SHA256', certificate: holder.cert, data, signature })).toBe(true);
    expect(verifier.verify({ algorithm: 'ECDSA_SHA256', certificate: holder.cert, data: new TextEncoder().encode('другое'), signature: der })).toBe(false);
    expect(verifier.verify({ algorithm: 'ECDSA_SHA384', certificate: holder.cert, data, signature: der })).toBe(false);
    expect(verifier.verify({ algorithm: 'ECDSA_SHA256', certificate: holder.cert, data, signature: new Uint8Array(3) })).toBe(false);
  });

  it('matches algorithms to key types', async () => {
    const ca = await makeRootCa('УЦ');
    const ec = await issue(ca, { subject: personSubject({ name: 'EC' }) });
    const rsa = await issue(ca, { subject: personSubject({ name: 'RSA' }), kind: 'RSA' });
    expect(verifier.supports('ECDSA_SHA256', ec.cert)).toBe(true);
    expect(verifier.supports('RSA_PKCS1_SHA256', ec.cert)).toBe(false);
    expect(verifier.supports('RSA_PSS_SHA256', rsa.cert)).toBe(true);
    expect(verifier.supports('ECDSA_SHA256', rsa.cert)).toBe(false);
    expect(verifier.supports('GOST3410_2012_256', rsa.cert)).toBe(false);
    const pkcs1 = sign('sha256', data, { key: await nodeKey(rsa.keys) });
    expect(verifier.verify({ algorithm: 'RSA_PKCS1_SHA256', certificate: rsa.cert, data, signature: pkcs1 })).toBe(true);
    expect(verifier.verify({ algorithm: 'RSA_PSS_SHA256', certificate: rsa.cert, data, signature: pkcs1 })).toBe(false);
  });
});
