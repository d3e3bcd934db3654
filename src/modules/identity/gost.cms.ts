/**
 * CMS (PKCS#7) detached signatures made with a GOST key, as CryptoPro-style browser plug-ins
 * produce them (RFC 5652 with RFC 4490/Р 1323565.1.025 algorithms): one SignerInfo naming the
 * certificate (issuer and serial number, or subject key identifier), a Streebog digest of the
 * signed data, and usually signed attributes (content type and the message digest), which are then
 * what the key signed, in their DER form with the SET tag.
 */
import * as asn1js from 'asn1js';
import * as x509 from '@peculiar/x509';
import { gostVerify, streebog, type GostBits } from './gost.crypto.js';
import { OID_GOST_KEY_256, OID_GOST_KEY_512, OID_GOST_SIGN_256, OID_GOST_SIGN_512, OID_STREEBOG_256, OID_STREEBOG_512 } from './gost.crypto.js';
import { gostKeyOf } from './gost.x509.js';

const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
const OID_DATA = '1.2.840.113549.1.7.1';
const OID_CONTENT_TYPE = '1.2.840.113549.1.9.3';
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const DIGEST_BITS: Record<string, GostBits> = { [OID_STREEBOG_256]: 256, [OID_STREEBOG_512]: 512 };
const SIGNATURE_BITS: Record<string, GostBits> = { [OID_GOST_KEY_256]: 256, [OID_GOST_KEY_512]: 512, [OID_GOST_SIGN_256]: 256, [OID_GOST_SIGN_512]: 512 };

type Node = asn1js.AsnType;
const items = (n: unknown): Node[] => (n instanceof asn1js.Sequence || n instanceof asn1js.Set || n instanceof asn1js.Constructed ? n.valueBlock.value : []);
const oid = (n: unknown) => (n instanceof asn1js.ObjectIdentifier ? n.valueBlock.toString() : undefined);
const octets = (n: unknown) => (n instanceof asn1js.OctetString ? new Uint8Array(n.valueBlock.valueHexView) : undefined);
const isContext = (n: Node, tag: number) => n.idBlock.tagClass === 3 && n.idBlock.tagNumber === tag;
const same = (a: Uint8Array | undefined, b: Uint8Array | undefined) => !!a && !!b && a.length === b.length && Buffer.from(a).equals(Buffer.from(b));
const raw = (n: Node) => new Uint8Array(n.valueBeforeDecodeView);

/** Whether `cms` (DER) is a valid GOST signature of `data` by the key of `certificate`. */
export function verifyGostCms(cms: Uint8Array, data: Uint8Array, certificate: x509.X509Certificate): boolean {
  const parsed = asn1js.fromBER(cms);
  if (parsed.offset === -1) return false;
  const [contentType, wrapped] = items(parsed.result);
  if (oid(contentType) !== OID_SIGNED_DATA || !wrapped || !isContext(wrapped, 0)) return false;
  const signedData = items(items(wrapped)[0]);
  const encap = items(signedData[2]);
  const attached = octets(items(encap[1])[0]);
  // Detached: no content inside. An attached copy is accepted only when it is the very data.
  if (attached && !same(attached, data)) return false;
  const signerInfos = items(signedData[signedData.length - 1]);
  const key = gostKeyOf(certificate);
  if (!key) return false;
  return signerInfos.some((info) => signerMatches(items(info)[1], certificate) && verifySignerInfo(items(info), data, key));
}

function verifySignerInfo(fields: Node[], data: Uint8Array, key: NonNullable<ReturnType<typeof gostKeyOf>>): boolean {
  const [, , digestAlgorithm, ...rest] = fields;
  const digestBits = DIGEST_BITS[oid(items(digestAlgorithm)[0]) ?? ''];
  if (digestBits !== key.bits) return false;
  const signedAttrs = rest[0] && isContext(rest[0], 0) ? rest[0] : undefined;
  const [signatureAlgorithm, signatureValue] = signedAttrs ? rest.slice(1) : rest;
  if (SIGNATURE_BITS[oid(items(signatureAlgorithm)[0]) ?? ''] !== key.bits) return false;
  const signature = octets(signatureValue);
  if (!signature) return false;
  let signed = data;
  if (signedAttrs) {
    const attributes = new Map(items(signedAttrs).map((a) => [oid(items(a)[0]), items(items(a)[1])]));
    if (!same(octets(attributes.get(OID_MESSAGE_DIGEST)?.[0]), streebog(key.bits, data))) return false;
    if (oid(attributes.get(OID_CONTENT_TYPE)?.[0]) !== OID_DATA) return false;
    // What was signed is the attributes' DER with the universal SET tag in place of [0] IMPLICIT.
    signed = raw(signedAttrs).slice();
    signed[0] = 0x31;
  }
  return gostVerify({ curveOid: key.curveOid, publicKey: key.point, signature, data: signed });
}

/** The SignerIdentifier names this certificate: issuer and serial number, or its key identifier. */
function signerMatches(sid: Node | undefined, certificate: x509.X509Certificate): boolean {
  if (!sid) return false;
  if (isContext(sid, 0)) {
    const ski = certificate.getExtension(x509.SubjectKeyIdentifierExtension);
    const id = (sid.valueBlock as { valueHexView?: Uint8Array }).valueHexView;
    return !!ski && !!id && Buffer.from(ski.keyId, 'hex').equals(Buffer.from(id));
  }
  const [issuer, serial] = items(sid);
  if (!issuer || !(serial instanceof asn1js.Integer)) return false;
  const tbs = items(items(asn1js.fromBER(certificate.rawData).result)[0]);
  const certIssuer = tbs[tbs[0] && isContext(tbs[0], 0) ? 3 : 2]; // after [0] version, serial, signature
  return !!certIssuer && same(raw(issuer), raw(certIssuer)) && Buffer.from(serial.valueBlock.valueHexView).toString('hex').replace(/^(00)+/, '') === certificate.serialNumber.replace(/^(00)+/, '').toLowerCase();
}
