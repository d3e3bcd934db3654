/**
 * Checking a signature made with a certificate's key, behind one interface so that GOST R
 * 34.10-2012 can plug in when a provider for it is available (a verifier for its algorithms here,
 * and a GOST-capable WebCrypto given to @peculiar/x509's cryptoProvider for the chain). Today:
 * RSA (PKCS#1 v1.5 and PSS) and ECDSA (P-256, P-384) through node:crypto.
 */
import { constants, createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { X509Certificate } from '@peculiar/x509';

export type SignatureAlgorithmName = 'RSA_PKCS1_SHA256' | 'RSA_PSS_SHA256' | 'ECDSA_SHA256' | 'ECDSA_SHA384';

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
      default:
        return false;
    }
  }
}

function publicKeyOf(certificate: X509Certificate): KeyObject {
  return createPublicKey({ key: Buffer.from(certificate.publicKey.rawData), format: 'der', type: 'spki' });
}
