/**
 * Checking a signature made with a certificate's key, behind one interface: RSA (PKCS#1 v1.5 and
 * PSS) and ECDSA (P-256, P-384) through node:crypto; GOST R 34.10-2012 (256 and 512 bits, with
 * Streebog) through a pure-JavaScript implementation (gost.crypto.ts), raw or as a CMS detached
 * signature.
 */
import { constants, createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { X509Certificate } from '@peculiar/x509';
import { gostVerify } from './gost.crypto.js';
import { verifyGostCms } from './gost.cms.js';
import { gostKeyOf } from './gost.x509.js';

export type SignatureAlgorithmName =
  | 'RSA_PKCS1_SHA256'
  | 'RSA_PSS_SHA256'
  | 'ECDSA_SHA256'
  | 'ECDSA_SHA384'
  | 'GOST3410_2012_256'
  | 'GOST3410_2012_512'
  | 'GOST_CMS_DETACHED';

export interface SignatureVerifier {
  /** Whether this verifier handles the algorithm with the certificate's kind of key. */
  supports(algorithm: string, certificate: X509Certificate): boolean;
  /** True when `signature` over `data` verifies with the certificate's public key. */
  verify(p: { algorithm: string; certificate: X509Certificate; data: Uint8Array; signature: Uint8Array }): boolean | Promise<boolean>;
}

const RSA = '1.2.840.113549.1.1.1';
const EC = '1.2.840.10045.2.1';

export class NodeCryptoVerifier implements SignatureVerifier {
  supports(algorithm: string, certificate: X509Certificate): boolean {
    let keyType: string | undefined;
    try {
      keyType = publicKeyOf(certificate).asymmetricKeyType;
    } catch {
      return false; // a key node:crypto cannot read (GOST): another verifier's business
    }
    if (algorithm.startsWith('RSA_')) return keyType === 'rsa' || keyType === 'rsa-pss';
    if (algorithm.startsWith('ECDSA_')) return keyType === 'ec';
    return false;
  }

  verify(p: { algorithm: string; certificate: X509Certificate; data: Uint8Array; signature: Uint8Array }): boolean {
    const key = publicKeyOf(p.certificate);
    const oid = key.asymmetricKeyType === 'rsa' || key.asymmetricKeyType === 'rsa-pss' ? RSA : key.asymmetricKeyType === 'ec' ? EC : null;
    switch (p.algorithm as SignatureAlgorithmName) {
      case 'RSA_PKCS1_SHA256':
        return oid === RSA && verify('sha256', p.data, { key, padding: constants.RSA_PKCS1_PADDING }, p.signature);
      case 'RSA_PSS_SHA256':
        return oid === RSA && verify('sha256', p.data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO }, p.signature);
      case 'ECDSA_SHA256':
      case 'ECDSA_SHA384': {
        if (oid !== EC) return false;
        const hash = p.algorithm === 'ECDSA_SHA256' ? 'sha256' : 'sha384';
        // WebCrypto signs r||s (IEEE P1363); OpenSSL and smart cards give DER. Both encode one (r, s),
        // so trying both accepts nothing more than the signature itself.
        const attempt = (dsaEncoding: 'der' | 'ieee-p1363') => {
          try {
            return verify(hash, p.data, { key, dsaEncoding }, p.signature);
          } catch {
            return false;
          }
        };
        return attempt('der') || attempt('ieee-p1363');
      }
      case 'GOST3410_2012_256':
      case 'GOST3410_2012_512':
      case 'GOST_CMS_DETACHED':
        return false; // GostVerifier's
      default:
        return false;
    }
  }
}

function publicKeyOf(certificate: X509Certificate): KeyObject {
  return createPublicKey({ key: Buffer.from(certificate.publicKey.rawData), format: 'der', type: 'spki' });
}

/**
 * GOST R 34.10-2012: GOST3410_2012_256/512 is a raw signature of the data's Streebog hash of the
 * same size; GOST_CMS_DETACHED a CMS SignedData without the content. A raw signature is s||r
 * big-endian (RFC 4491, as in certificates and CMS) or its byte reversal (CryptoAPI's
 * little-endian order): both encode the one pair (r, s), so accepting both accepts nothing more.
 */
export class GostVerifier implements SignatureVerifier {
  supports(algorithm: string, certificate: X509Certificate): boolean {
    const key = gostKeyOf(certificate);
    if (!key) return false;
    if (algorithm === 'GOST_CMS_DETACHED') return true;
    return algorithm === `GOST3410_2012_${key.bits}`;
  }

  verify(p: { algorithm: string; certificate: X509Certificate; data: Uint8Array; signature: Uint8Array }): boolean {
    const key = gostKeyOf(p.certificate);
    if (!key) return false;
    if (p.algorithm === 'GOST_CMS_DETACHED') return verifyGostCms(p.signature, p.data, p.certificate);
    if (p.algorithm !== `GOST3410_2012_${key.bits}`) return false;
    const check = (signature: Uint8Array) => gostVerify({ curveOid: key.curveOid, publicKey: key.point, signature, data: p.data });
    return check(p.signature) || check(p.signature.slice().reverse());
  }
}
