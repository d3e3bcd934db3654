/**
 * Signing with a GOST key held by this system (the MFC's key for ESIA): reading a PKCS#8 GOST
 * private key, and a CMS detached signature with signed attributes (content type, signing time,
 * message digest), as ESIA expects a client secret and as CryptoPro-style tools make them.
 */
import * as asn1js from 'asn1js';
import type * as x509 from '@peculiar/x509';
import { digestOidFor, gostCurve, gostSign, gostVerify, keyOidFor, streebog, type GostBits } from './gost.crypto.js';
import { gostKeyOf } from './gost.x509.js';

export interface GostSigner {
  cert: x509.X509Certificate;
  curveOid: string;
  bits: GostBits;
  /** Little-endian. */
  privateKey: Uint8Array;
}

const seq = (...value: asn1js.AsnType[]) => new asn1js.Sequence({ value });
const oid = (value: string) => new asn1js.ObjectIdentifier({ value });
const items = (n: unknown) => (n instanceof asn1js.Sequence ? n.valueBlock.value : []);
const fromDer = (der: ArrayBuffer | Uint8Array) => asn1js.fromBER(der instanceof Uint8Array ? der : new Uint8Array(der)).result;

/** A PKCS#8 PrivateKeyInfo (PEM or DER) of a GOST R 34.10-2012 key: its parameter set and the key, little-endian. */
export function parseGostPrivateKey(input: string | Uint8Array): { curveOid: string; bits: GostBits; privateKey: Uint8Array } {
  const der = typeof input === 'string' ? Buffer.from(input.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64') : input;
  const [, algorithm, key] = items(fromDer(der));
  const [, params] = items(algorithm);
  const curveId = items(params)[0];
  const curve = gostCurve(curveId instanceof asn1js.ObjectIdentifier ? curveId.valueBlock.toString() : '');
  if (!curve || !(key instanceof asn1js.OctetString)) throw new Error('not a PKCS#8 GOST R 34.10-2012 private key of a supported parameter set');
  const inner = fromDer(key.valueBlock.valueHexView);
  // The key inside is an OCTET STRING little-endian (Р 50.1.112-2016), or an INTEGER big-endian (older tools).
  let privateKey: Uint8Array;
  if (inner instanceof asn1js.OctetString) privateKey = new Uint8Array(inner.valueBlock.valueHexView);
  else if (inner instanceof asn1js.Integer) privateKey = bigEndianToLittle(new Uint8Array(inner.valueBlock.valueHexView), curve.bits / 8);
  else privateKey = new Uint8Array(key.valueBlock.valueHexView);
  return { curveOid: curve.oid, bits: curve.bits, privateKey };
}

/** An unsigned big-endian number (leading zeros dropped or added) to `size` bytes little-endian. */
function bigEndianToLittle(be: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size);
  const digits = be.slice(Math.max(0, be.length - size));
  out.set(digits, size - digits.length);
  return out.reverse();
}

/** The signer of a key and its certificate, after checking that the key is the certificate's. */
export function gostSigner(privateKey: string | Uint8Array, cert: x509.X509Certificate): GostSigner {
  const key = parseGostPrivateKey(privateKey);
  const pub = gostKeyOf(cert);
  const probe = new TextEncoder().encode('key matches certificate');
  const ok = pub && pub.curveOid === key.curveOid && gostVerify({ curveOid: pub.curveOid, publicKey: pub.point, data: probe, signature: gostSign({ ...key, data: probe }) });
  if (!ok) throw new Error('the GOST private key does not belong to the certificate');
  return { cert, ...key };
}

/** A CMS SignedData of `data`, detached, DER. */
export function signGostCms(signer: GostSigner, data: Uint8Array, signingTime: Date): Uint8Array {
  const attr = (id: string, value: asn1js.AsnType) => seq(oid(id), new asn1js.Set({ value: [value] }));
  const attributes = [
    attr('1.2.840.113549.1.9.3', oid('1.2.840.113549.1.7.1')),
    attr('1.2.840.113549.1.9.5', new asn1js.UTCTime({ valueDate: signingTime })),
    attr('1.2.840.113549.1.9.4', new asn1js.OctetString({ valueHex: streebog(signer.bits, data) })),
  ];
  const signature = gostSign({ curveOid: signer.curveOid, privateKey: signer.privateKey, data: new Uint8Array(new asn1js.Set({ value: attributes }).toBER()) });
  const tbs = items(items(fromDer(signer.cert.rawData))[0]);
  const versioned = tbs[0]?.idBlock.tagClass === 3;
  const serialNumber = tbs[versioned ? 1 : 0];
  const issuerName = tbs[versioned ? 3 : 2];
  if (!serialNumber || !issuerName) throw new Error('not a certificate');
  const algId = (o: string) => seq(oid(o));
  const signerInfo = seq(
    new asn1js.Integer({ value: 1 }),
    seq(issuerName, serialNumber),
    algId(digestOidFor(signer.bits)),
    new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: attributes }),
    algId(keyOidFor(signer.bits)),
    new asn1js.OctetString({ valueHex: signature }),
  );
  const signedData = seq(
    new asn1js.Integer({ value: 1 }),
    new asn1js.Set({ value: [algId(digestOidFor(signer.bits))] }),
    seq(oid('1.2.840.113549.1.7.1')),
    new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [fromDer(signer.cert.rawData)] }),
    new asn1js.Set({ value: [signerInfo] }),
  );
  return new Uint8Array(seq(oid('1.2.840.113549.1.7.2'), new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [signedData] })).toBER());
}

/** PKCS#8 PEM of a GOST key (for configuration files and test keys). */
export function gostPrivateKeyPem(p: { curveOid: string; bits: GostBits; privateKey: Uint8Array }): string {
  const params = p.bits === 256 ? seq(oid(p.curveOid), oid(digestOidFor(256))) : seq(oid(p.curveOid));
  const der = seq(new asn1js.Integer({ value: 0 }), seq(oid(keyOidFor(p.bits)), params), new asn1js.OctetString({ valueHex: new asn1js.OctetString({ valueHex: p.privateKey }).toBER() })).toBER();
  const b64 = Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN PRIVATE KEY-----\n${b64}\n-----END PRIVATE KEY-----\n`;
}
