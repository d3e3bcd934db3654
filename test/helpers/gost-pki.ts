/**
 * A GOST R 34.10-2012 test PKI (root, intermediate and personal certificates with the subject
 * attributes of Russian qualified certificates) built with asn1js and signed with the same GOST
 * implementation the server uses, and the client's side: a raw signature, or a CMS detached one
 * as CryptoPro-style plug-ins make it.
 */
import 'reflect-metadata';
import * as asn1js from 'asn1js';
import * as x509 from '@peculiar/x509';
import { digestOidFor, gostGenerateKey, gostSign, keyOidFor, signGostCms, signOidFor, type GostBits } from '../../src/modules/identity/index.js';

export interface GostIssued {
  cert: x509.X509Certificate;
  pem: string;
  bits: GostBits;
  curveOid: string;
  privateKey: Uint8Array;
}

export const CURVE_256 = '1.2.643.7.1.2.1.1.2'; // tc26 256-B (CryptoPro-A)
export const CURVE_512 = '1.2.643.7.1.2.1.2.1'; // tc26 512-A
const DAY = 86_400_000;
let serial = 0x5000;

const seq = (...value: asn1js.AsnType[]) => new asn1js.Sequence({ value });
const oid = (value: string) => new asn1js.ObjectIdentifier({ value });
const algId = (o: string) => seq(oid(o));
const fromDer = (der: ArrayBuffer | Uint8Array) => asn1js.fromBER(der instanceof Uint8Array ? der : new Uint8Array(der)).result;
const ext = (id: string, critical: boolean, value: asn1js.AsnType) =>
  seq(oid(id), new asn1js.Boolean({ value: critical }), new asn1js.OctetString({ valueHex: value.toBER() }));

function spki(bits: GostBits, curveOid: string, point: Uint8Array) {
  const params = bits === 256 ? seq(oid(curveOid), oid(digestOidFor(256))) : seq(oid(curveOid));
  return seq(seq(oid(keyOidFor(bits)), params), new asn1js.BitString({ valueHex: new asn1js.OctetString({ valueHex: point }).toBER() }));
}

function keyUsage(flags: number) {
  // @peculiar/x509 writes the BIT STRING for us: take its DER value.
  return fromDer(new x509.KeyUsagesExtension(flags, true).value);
}

export interface IssueOptions {
  subject: string;
  bits?: GostBits;
  ca?: boolean;
  keyUsage?: number;
  notBefore?: Date;
  notAfter?: Date;
  /** A CRL distribution point (URL) written into the certificate. */
  crlUrl?: string;
  /** An OCSP responder (URL) written into the Authority Information Access extension. */
  ocspUrl?: string;
}

/** A certificate for a new GOST key, signed by `issuer` (or self-signed when issuer is null). */
export function issueGost(issuer: GostIssued | null, opts: IssueOptions): GostIssued {
  const bits = opts.bits ?? 256;
  const curveOid = bits === 256 ? CURVE_256 : CURVE_512;
  const keys = gostGenerateKey(curveOid);
  const subjectName = fromDer(new x509.Name(opts.subject).toArrayBuffer());
  const signer = issuer ?? { bits, curveOid, privateKey: keys.privateKey };
  const usage = opts.keyUsage ?? (opts.ca ? x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign : x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation);
  const tbs = seq(
    new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [new asn1js.Integer({ value: 2 })] }),
    new asn1js.Integer({ value: serial++ }),
    algId(signOidFor(signer.bits)),
    issuer ? fromDer(issuer.cert.subjectName.toArrayBuffer()) : subjectName,
    seq(new asn1js.GeneralizedTime({ valueDate: opts.notBefore ?? new Date(Date.now() - DAY) }), new asn1js.GeneralizedTime({ valueDate: opts.notAfter ?? new Date(Date.now() + 365 * DAY) })),
    subjectName,
    spki(bits, curveOid, keys.publicKey),
    new asn1js.Constructed({
      idBlock: { tagClass: 3, tagNumber: 3 },
      value: [
        seq(
          ext('2.5.29.19', true, opts.ca ? seq(new asn1js.Boolean({ value: true })) : seq()),
          ext('2.5.29.15', true, keyUsage(usage)),
          ...(opts.crlUrl ? [ext('2.5.29.31', false, fromDer(new x509.CRLDistributionPointsExtension([opts.crlUrl]).value))] : []),
          ...(opts.ocspUrl ? [ext('1.3.6.1.5.5.7.1.1', false, fromDer(new x509.AuthorityInfoAccessExtension({ ocsp: [new x509.GeneralName('url', opts.ocspUrl)] }).value))] : []),
        ),
      ],
    }),
  );
  const tbsDer = new Uint8Array(tbs.toBER());
  const signature = gostSign({ curveOid: signer.curveOid, privateKey: signer.privateKey, data: tbsDer });
  const der = seq(fromDer(tbsDer), algId(signOidFor(signer.bits)), new asn1js.BitString({ valueHex: signature })).toBER();
  const cert = new x509.X509Certificate(der);
  return { cert, pem: cert.toString('pem'), bits, curveOid, privateKey: keys.privateKey };
}

const serialOf = (cert: x509.X509Certificate) => ((fromDer(cert.rawData) as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence).valueBlock.value[1] as asn1js.Integer;

/** A CRL (DER) of `issuer` listing `revoked`, signed with its GOST key. */
export function gostCrl(issuer: GostIssued, revoked: GostIssued[], opts: { nextUpdate?: Date; signer?: GostIssued } = {}): Uint8Array {
  const signer = opts.signer ?? issuer;
  const time = (d: Date) => new asn1js.UTCTime({ valueDate: d });
  const entries = revoked.map((r) => seq(fromDer(serialOf(r.cert).toBER()), time(new Date(Date.now() - 60_000))));
  const tbs = seq(
    new asn1js.Integer({ value: 1 }),
    algId(signOidFor(signer.bits)),
    fromDer(issuer.cert.subjectName.toArrayBuffer()),
    time(new Date(Date.now() - 3_600_000)),
    time(opts.nextUpdate ?? new Date(Date.now() + 86_400_000)),
    ...(entries.length ? [seq(...entries)] : []),
  );
  const tbsDer = new Uint8Array(tbs.toBER());
  const signature = gostSign({ curveOid: signer.curveOid, privateKey: signer.privateKey, data: tbsDer });
  return new Uint8Array(seq(fromDer(tbsDer), algId(signOidFor(signer.bits)), new asn1js.BitString({ valueHex: signature })).toBER());
}

/** A raw GOST signature of the UTF-8 text, base64: s||r big-endian, or reversed as CryptoAPI gives it. */
export function gostSignText(holder: GostIssued, text: string, order: 'rfc4491' | 'cryptoapi' = 'rfc4491'): string {
  const sig = gostSign({ curveOid: holder.curveOid, privateKey: holder.privateKey, data: new TextEncoder().encode(text) });
  return Buffer.from(order === 'rfc4491' ? sig : sig.reverse()).toString('base64');
}

/** A CMS SignedData, detached, with signed attributes (content type, message digest, signing time), base64. */
export function gostCmsDetached(holder: GostIssued, text: string, opts: { digestOf?: string } = {}): string {
  return Buffer.from(signGostCms(holder, new TextEncoder().encode(opts.digestOf ?? text), new Date())).toString('base64');
}

/**
 * A local OCSP responder's answer (DER) to an OCSPRequest: a BasicOCSPResponse echoing the
 * request's CertID with the status `statusOf` gives for its serial number (hex), signed with the
 * GOST key of `signer` (the issuer, or any other key to test a forged answer).
 */
export function gostOcspAnswer(request: Uint8Array, signer: GostIssued, statusOf: (serialHex: string) => 'good' | 'revoked' | 'unknown', opts: { nextUpdate?: Date } = {}): Uint8Array {
  const items = (n: unknown) => (n instanceof asn1js.Sequence ? n.valueBlock.value : []);
  const certId = items(items(items(items(fromDer(request))[0])[0])[0])[0];
  const serial = items(certId)[3];
  if (!certId || !(serial instanceof asn1js.Integer)) throw new Error('not an OCSP request');
  const serialHex = Buffer.from(serial.valueBlock.valueHexView).toString('hex').replace(/^(00)+/, '');
  const state = statusOf(serialHex);
  const ctx = (tag: number, value: asn1js.AsnType[]) => new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: tag }, value });
  const certStatus =
    state === 'good'
      ? new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 } })
      : state === 'revoked'
        ? ctx(1, [new asn1js.GeneralizedTime({ valueDate: new Date(Date.now() - 60_000) })])
        : new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 2 } });
  const single = seq(fromDer(certId.toBER()), certStatus, new asn1js.GeneralizedTime({ valueDate: new Date(Date.now() - 60_000) }), ctx(0, [new asn1js.GeneralizedTime({ valueDate: opts.nextUpdate ?? new Date(Date.now() + 3_600_000) })]));
  const tbs = seq(ctx(1, [fromDer(signer.cert.subjectName.toArrayBuffer())]), new asn1js.GeneralizedTime({ valueDate: new Date() }), seq(single));
  const tbsDer = new Uint8Array(tbs.toBER());
  const signature = gostSign({ curveOid: signer.curveOid, privateKey: signer.privateKey, data: tbsDer });
  const basic = seq(fromDer(tbsDer), algId(signOidFor(signer.bits)), new asn1js.BitString({ valueHex: signature }));
  const bytes = seq(oid('1.3.6.1.5.5.7.48.1.1'), new asn1js.OctetString({ valueHex: basic.toBER() }));
  return new Uint8Array(seq(new asn1js.Enumerated({ value: 0 }), ctx(0, [bytes])).toBER());
}
