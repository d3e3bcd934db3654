/**
 * GOST keys and signatures inside X.509 certificates: the public key of a certificate whose key
 * is GOST R 34.10-2012, and the check of a certificate's signature by a GOST CA (which
 * @peculiar/x509 cannot do over node's WebCrypto).
 */
import * as asn1js from 'asn1js';
import type * as x509 from '@peculiar/x509';
import { OID_GOST_KEY_256, OID_GOST_KEY_512, OID_GOST_SIGN_256, OID_GOST_SIGN_512, gostCurve, gostVerify, type GostBits } from './gost.crypto.js';

export interface GostPublicKey {
  bits: GostBits;
  curveOid: string;
  /** X||Y, little-endian each. */
  point: Uint8Array;
}

const KEY_BITS: Record<string, GostBits> = { [OID_GOST_KEY_256]: 256, [OID_GOST_KEY_512]: 512 };
const SIGN_BITS: Record<string, GostBits> = { [OID_GOST_SIGN_256]: 256, [OID_GOST_SIGN_512]: 512 };

function parse(der: ArrayBuffer | Uint8Array): asn1js.AsnType | null {
  const bytes = der instanceof Uint8Array ? der : new Uint8Array(der);
  const parsed = asn1js.fromBER(bytes);
  return parsed.offset === -1 ? null : parsed.result;
}

const oidOf = (node: unknown) => (node instanceof asn1js.ObjectIdentifier ? node.valueBlock.toString() : undefined);
const itemsOf = (node: unknown) => (node instanceof asn1js.Sequence || node instanceof asn1js.Set ? node.valueBlock.value : []);

/** The GOST public key of a SubjectPublicKeyInfo (DER), or undefined for any other or unsupported key. */
export function gostKeyOfSpki(spki: ArrayBuffer | Uint8Array): GostPublicKey | undefined {
  const [algorithm, bitString] = itemsOf(parse(spki));
  const [keyOid, params] = itemsOf(algorithm);
  const bits = KEY_BITS[oidOf(keyOid) ?? ''];
  const curve = gostCurve(oidOf(itemsOf(params)[0]) ?? '');
  if (!bits || !curve || curve.bits !== bits || !(bitString instanceof asn1js.BitString)) return undefined;
  const inner = parse(bitString.valueBlock.valueHexView);
  if (!(inner instanceof asn1js.OctetString)) return undefined;
  const point = new Uint8Array(inner.valueBlock.valueHexView);
  return point.length === bits / 4 ? { bits, curveOid: curve.oid, point } : undefined;
}

export function gostKeyOf(cert: x509.X509Certificate): GostPublicKey | undefined {
  return gostKeyOfSpki(cert.publicKey.rawData);
}

/** Whether the certificate (or CRL, DER) is signed with GOST R 34.10-2012 (then only checkGostSignature can check it). */
export function isGostSigned(signed: x509.X509Certificate | ArrayBuffer): boolean {
  const [, algorithm] = itemsOf(parse(signed instanceof ArrayBuffer ? signed : signed.rawData));
  return Boolean(SIGN_BITS[oidOf(itemsOf(algorithm)[0]) ?? '']);
}

/** Whether `issuer`'s GOST key signed `signed`, a certificate or a CRL (its TBS bytes as they were encoded). */
export function checkGostSignature(signed: x509.X509Certificate | ArrayBuffer, issuer: x509.X509Certificate): boolean {
  const [tbs, algorithm, value] = itemsOf(parse(signed instanceof ArrayBuffer ? signed : signed.rawData));
  const bits = SIGN_BITS[oidOf(itemsOf(algorithm)[0]) ?? ''];
  const key = gostKeyOf(issuer);
  if (!tbs || !bits || !key || key.bits !== bits || !(value instanceof asn1js.BitString)) return false;
  return gostVerify({
    curveOid: key.curveOid,
    publicKey: key.point,
    signature: new Uint8Array(value.valueBlock.valueHexView),
    data: new Uint8Array(tbs.valueBeforeDecodeView),
  });
}
