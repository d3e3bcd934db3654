/**
 * GOST R 34.10-2012 signatures and GOST R 34.11-2012 (Streebog) hashes through
 * @wavesenterprise/crypto-gost-js (pure JavaScript; the curves are the library's, none is written
 * here), in the encodings of X.509 and CMS (RFC 4491, RFC 7091, Р 1323565.1.023):
 * - a public key is the OCTET STRING X||Y, each coordinate little-endian;
 * - a signature is s||r, each big-endian (the reverse of the library's r||s little-endian,
 *   which its "CP" mode converts);
 * - the Streebog digest is read as a little-endian number (the library's default).
 */
import gost from '@wavesenterprise/crypto-gost-js';

export type GostBits = 256 | 512;

export const OID_GOST_KEY_256 = '1.2.643.7.1.1.1.1';
export const OID_GOST_KEY_512 = '1.2.643.7.1.1.1.2';
export const OID_STREEBOG_256 = '1.2.643.7.1.1.2.2';
export const OID_STREEBOG_512 = '1.2.643.7.1.1.2.3';
export const OID_GOST_SIGN_256 = '1.2.643.7.1.1.3.2';
export const OID_GOST_SIGN_512 = '1.2.643.7.1.1.3.3';

/**
 * Parameter sets (RFC 4357, RFC 7836) to the library's curve names. The twisted-Edwards sets
 * (tc26 256-A, 512-C) are not in the library, so keys on them are not supported.
 */
const CURVES: Record<string, { name: string; bits: GostBits }> = {
  '1.2.643.2.2.35.1': { name: 'S-256-A', bits: 256 },
  '1.2.643.2.2.35.2': { name: 'S-256-B', bits: 256 },
  '1.2.643.2.2.35.3': { name: 'S-256-C', bits: 256 },
  '1.2.643.2.2.36.0': { name: 'S-256-A', bits: 256 },
  '1.2.643.2.2.36.1': { name: 'S-256-C', bits: 256 },
  '1.2.643.7.1.2.1.1.2': { name: 'S-256-A', bits: 256 },
  '1.2.643.7.1.2.1.1.3': { name: 'S-256-B', bits: 256 },
  '1.2.643.7.1.2.1.1.4': { name: 'S-256-C', bits: 256 },
  '1.2.643.7.1.2.1.2.1': { name: 'T-512-A', bits: 512 },
  '1.2.643.7.1.2.1.2.2': { name: 'T-512-B', bits: 512 },
};

export interface GostCurve {
  /** The parameter set's OID. */
  oid: string;
  bits: GostBits;
}

export function gostCurve(oid: string): GostCurve | undefined {
  const c = CURVES[oid];
  return c ? { oid, bits: c.bits } : undefined;
}

export const keyOidFor = (bits: GostBits) => (bits === 256 ? OID_GOST_KEY_256 : OID_GOST_KEY_512);
export const digestOidFor = (bits: GostBits) => (bits === 256 ? OID_STREEBOG_256 : OID_STREEBOG_512);
export const signOidFor = (bits: GostBits) => (bits === 256 ? OID_GOST_SIGN_256 : OID_GOST_SIGN_512);

/** Streebog-256 or -512 of the bytes, in the standard's byte order (as OpenSSL prints it). */
export function streebog(bits: GostBits, data: Uint8Array): Uint8Array {
  return new Uint8Array(gost.GostEngine.getGostDigest({ name: 'GOST R 34.11', version: 2012, length: bits }).digest(data));
}

function signer(curveOid: string) {
  const curve = CURVES[curveOid];
  if (!curve) throw new Error(`GOST parameter set ${curveOid} is not supported`);
  return gost.GostEngine.getGostSign({
    name: 'GOST R 34.10',
    version: 2012,
    length: curve.bits,
    namedCurve: curve.name,
    procreator: 'CP',
    hash: { name: 'GOST R 34.11', version: 2012, length: curve.bits },
  });
}

/** Whether `signature` (s||r big-endian) over `data` verifies with the public key X||Y (little-endian). */
export function gostVerify(p: { curveOid: string; publicKey: Uint8Array; signature: Uint8Array; data: Uint8Array }): boolean {
  const curve = CURVES[p.curveOid];
  if (!curve) return false;
  const size = curve.bits / 4; // two coordinates, or r and s, of bits/8 bytes each
  if (p.publicKey.length !== size || p.signature.length !== size) return false;
  try {
    return signer(p.curveOid).verify(p.publicKey, p.signature, p.data);
  } catch {
    return false;
  }
}

/** Signs `data` (Streebog of the key's size, then GOST R 34.10-2012): s||r big-endian. */
export function gostSign(p: { curveOid: string; privateKey: Uint8Array; data: Uint8Array }): Uint8Array {
  return new Uint8Array(signer(p.curveOid).sign(p.privateKey, p.data));
}

/** A new key pair: the private key little-endian, the public key X||Y little-endian. */
export function gostGenerateKey(curveOid: string): { privateKey: Uint8Array; publicKey: Uint8Array } {
  const k = signer(curveOid).generateKey();
  return { privateKey: new Uint8Array(k.privateKey), publicKey: new Uint8Array(k.publicKey) };
}
