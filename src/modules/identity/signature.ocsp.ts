/**
 * OCSP (RFC 6960) for the certificates that name a responder in their Authority Information Access
 * extension: a request for one CertID (SHA-1 hashes of the issuer's name and key, as responders
 * expect), POSTed as application/ocsp-request; the answer counts only when it is a successful
 * BasicOCSPResponse for that CertID, current (thisUpdate not in the future, nextUpdate not past),
 * and signed by the issuer itself or by a responder certificate the issuer signed for OCSP signing
 * (extended key usage id-kp-OCSPSigning), with GOST R 34.10-2012, RSA or ECDSA. Answers are cached
 * per certificate until their nextUpdate (at most SIGNATURE_OCSP_CACHE_SECONDS); failures are not.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as x509 from '@peculiar/x509';
import type { IdentityDeps } from './identity.deps.js';
import { gostVerify } from './gost.crypto.js';
import { checkGostSignature, gostKeyOf, isGostSigned } from './gost.x509.js';

export type OcspStatus = 'GOOD' | 'REVOKED' | 'UNKNOWN';

const OID_SHA1 = '1.3.14.3.2.26';
const OID_BASIC = '1.3.6.1.5.5.7.48.1.1';
const OID_OCSP_SIGNING = '1.3.6.1.5.5.7.3.9';
const GOST_SIGN = new Set(['1.2.643.7.1.1.3.2', '1.2.643.7.1.1.3.3']);
/** WebPKI signature algorithms of responses: node's digest name and the ECDSA flag. */
const NODE_SIGN: Record<string, { hash: string; ec: boolean; pss?: boolean }> = {
  '1.2.840.113549.1.1.11': { hash: 'sha256', ec: false },
  '1.2.840.113549.1.1.12': { hash: 'sha384', ec: false },
  '1.2.840.113549.1.1.13': { hash: 'sha512', ec: false },
  '1.2.840.10045.4.3.2': { hash: 'sha256', ec: true },
  '1.2.840.10045.4.3.3': { hash: 'sha384', ec: true },
};
const MAX_RESPONSE_BYTES = 1024 * 1024;

type Node = asn1js.AsnType;
const items = (n: unknown): Node[] => (n instanceof asn1js.Sequence || n instanceof asn1js.Set || n instanceof asn1js.Constructed ? n.valueBlock.value : []);
const oidOf = (n: unknown) => (n instanceof asn1js.ObjectIdentifier ? n.valueBlock.toString() : undefined);
const bytesOf = (n: unknown) => (n instanceof asn1js.OctetString || n instanceof asn1js.BitString || n instanceof asn1js.Integer ? new Uint8Array(n.valueBlock.valueHexView) : undefined);
const isContext = (n: Node | undefined, tag: number) => n?.idBlock.tagClass === 3 && n.idBlock.tagNumber === tag;
const parse = (der: ArrayBuffer | Uint8Array) => {
  const r = asn1js.fromBER(der instanceof Uint8Array ? der : new Uint8Array(der));
  return r.offset === -1 ? undefined : r.result;
};
const sha1 = (b: Uint8Array) => new Uint8Array(createHash('sha1').update(b).digest());
const hex = (b: Uint8Array | undefined) => Buffer.from(b ?? new Uint8Array()).toString('hex').replace(/^(00)+/, '');

/** The CertID of a certificate: SHA-1 of the issuer's name (DER) and of its public key's bits, and the serial number. */
export function certId(cert: x509.X509Certificate, issuer: x509.X509Certificate): { nameHash: Uint8Array; keyHash: Uint8Array; serial: Uint8Array } {
  const spki = items(parse(issuer.publicKey.rawData));
  const tbs = items(items(parse(cert.rawData))[0]);
  const serial = bytesOf(tbs[isContext(tbs[0], 0) ? 1 : 0]) ?? new Uint8Array();
  return { nameHash: sha1(new Uint8Array(issuer.subjectName.toArrayBuffer())), keyHash: sha1(bytesOf(spki[1]) ?? new Uint8Array()), serial };
}

/** An OCSPRequest (DER) for one certificate. */
export function ocspRequest(cert: x509.X509Certificate, issuer: x509.X509Certificate): Uint8Array {
  const id = certId(cert, issuer);
  const certIdNode = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OID_SHA1 }), new asn1js.Null()] }),
      new asn1js.OctetString({ valueHex: id.nameHash }),
      new asn1js.OctetString({ valueHex: id.keyHash }),
      new asn1js.Integer({ valueHex: id.serial }),
    ],
  });
  const tbs = new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [certIdNode] })] })] });
  return new Uint8Array(new asn1js.Sequence({ value: [tbs] }).toBER());
}

/** The responder URLs (http/https) of the certificate's Authority Information Access. */
export function ocspUrls(cert: x509.X509Certificate): string[] {
  const aia = cert.getExtension(x509.AuthorityInfoAccessExtension);
  return (aia?.ocsp ?? []).filter((n) => n.type === 'url' && /^https?:\/\//.test(n.value)).map((n) => n.value);
}

interface Answer {
  status: OcspStatus;
  keepUntil: number;
}

export class OcspClient {
  private readonly cache = new Map<string, Answer>();
  private readonly pending = new Map<string, Promise<Answer | undefined>>();

  constructor(private readonly deps: Pick<IdentityDeps, 'config' | 'log'>) {}

  /** GOOD or REVOKED by a valid answer of the responder at `url`; UNKNOWN when there is none. */
  async status(url: string, cert: x509.X509Certificate, issuer: x509.X509Certificate, now: Date): Promise<OcspStatus> {
    const id = certId(cert, issuer);
    const key = `${url} ${hex(id.keyHash)} ${hex(id.serial)}`;
    const cached = this.cache.get(key);
    if (cached && cached.keepUntil > now.getTime()) return cached.status;
    let asked = this.pending.get(key);
    if (!asked) {
      asked = this.ask(url, cert, issuer, now).finally(() => this.pending.delete(key));
      this.pending.set(key, asked);
    }
    const answer = await asked;
    if (!answer) return 'UNKNOWN';
    this.cache.set(key, answer);
    return answer.status;
  }

  private async ask(url: string, cert: x509.X509Certificate, issuer: x509.X509Certificate, now: Date): Promise<Answer | undefined> {
    const { config, log } = this.deps;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/ocsp-request', accept: 'application/ocsp-response' },
        body: Buffer.from(ocspRequest(cert, issuer)),
        signal: AbortSignal.timeout(config.SIGNATURE_CRL_TIMEOUT_MS),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const body = new Uint8Array(await res.arrayBuffer());
      if (body.length > MAX_RESPONSE_BYTES) throw new Error('OCSP response too large');
      const read = readResponse(body, cert, issuer, now);
      if (typeof read === 'string') throw new Error(read);
      const longest = now.getTime() + config.SIGNATURE_OCSP_CACHE_SECONDS * 1000;
      return { status: read.status, keepUntil: Math.min(read.nextUpdate?.getTime() ?? longest, longest) };
    } catch (err) {
      log.warn({ url, err: err instanceof Error ? err.message : String(err) }, 'OCSP answer not available');
      return undefined;
    }
  }
}

/** The status the response gives for the certificate, or why it cannot be used. */
export function readResponse(der: Uint8Array, cert: x509.X509Certificate, issuer: x509.X509Certificate, now: Date): { status: OcspStatus; nextUpdate: Date | null } | string {
  const [status, wrapped] = items(parse(der));
  if (!(status instanceof asn1js.Enumerated) || status.valueBlock.valueDec !== 0) return 'responder refused the request';
  const [type, octets] = items(items(wrapped)[0]);
  if (oidOf(type) !== OID_BASIC) return 'not a basic OCSP response';
  const basic = items(parse(bytesOf(octets) ?? new Uint8Array()));
  const [tbs, algorithm, signature, certsNode] = basic;
  if (!tbs || !signature) return 'malformed OCSP response';
  const signed = { data: new Uint8Array(tbs.valueBeforeDecodeView), algorithm: oidOf(items(algorithm)[0]) ?? '', signature: bytesOf(signature) ?? new Uint8Array() };
  const certs = isContext(certsNode, 0) ? items(items(certsNode)[0]).map((c) => new x509.X509Certificate(new Uint8Array(c.valueBeforeDecodeView))) : [];
  if (!signedBy(signed, issuer) && !certs.some((c) => isDelegate(c, issuer) && signedBy(signed, c))) return 'OCSP response not signed by the issuer or its responder';
  const fields = items(tbs);
  const responses = items(fields[isContext(fields[0], 0) ? 3 : 2]);
  const id = certId(cert, issuer);
  for (const single of responses) {
    const [cid, certStatus, thisUpdate, next] = items(single);
    const [, nameHash, keyHash, serial] = items(cid);
    if (hex(bytesOf(nameHash)) !== hex(id.nameHash) || hex(bytesOf(keyHash)) !== hex(id.keyHash) || hex(bytesOf(serial)) !== hex(id.serial)) continue;
    const nextUpdate = isContext(next, 0) ? timeOf(items(next)[0]) : null;
    const issued = timeOf(thisUpdate);
    if (!issued || issued.getTime() > now.getTime() + 5 * 60_000 || (nextUpdate && nextUpdate < now)) return 'OCSP answer not current';
    const state = isContext(certStatus, 0) ? 'GOOD' : isContext(certStatus, 1) ? 'REVOKED' : 'UNKNOWN';
    return { status: state, nextUpdate };
  }
  return 'OCSP response does not name the certificate';
}

function timeOf(n: Node | undefined): Date | null {
  return n instanceof asn1js.GeneralizedTime || n instanceof asn1js.UTCTime ? n.toDate() : null;
}

/** A responder certificate the issuer signed for OCSP signing. */
function isDelegate(responder: x509.X509Certificate, issuer: x509.X509Certificate): boolean {
  const eku = responder.getExtension(x509.ExtendedKeyUsageExtension);
  if (!eku?.usages.map(String).includes(OID_OCSP_SIGNING) || responder.issuer !== issuer.subject) return false;
  return isGostSigned(responder) ? checkGostSignature(responder, issuer) : nodeVerifies(responder.rawData, issuer);
}

function signedBy(s: { data: Uint8Array; algorithm: string; signature: Uint8Array }, signer: x509.X509Certificate): boolean {
  if (GOST_SIGN.has(s.algorithm)) {
    const key = gostKeyOf(signer);
    return !!key && gostVerify({ curveOid: key.curveOid, publicKey: key.point, signature: s.signature, data: s.data });
  }
  const alg = NODE_SIGN[s.algorithm];
  if (!alg) return false;
  try {
    const key = createPublicKey({ key: Buffer.from(signer.publicKey.rawData), format: 'der', type: 'spki' });
    return verify(alg.hash, s.data, alg.ec ? { key, dsaEncoding: 'der' } : key, s.signature);
  } catch {
    return false;
  }
}

/** A certificate signed by `issuer` with a WebPKI algorithm (a responder certificate of an RSA or ECDSA CA). */
function nodeVerifies(der: ArrayBuffer, issuer: x509.X509Certificate): boolean {
  const [tbs, algorithm, value] = items(parse(der));
  if (!tbs) return false;
  return signedBy({ data: new Uint8Array(tbs.valueBeforeDecodeView), algorithm: oidOf(items(algorithm)[0]) ?? '', signature: bytesOf(value) ?? new Uint8Array() }, issuer);
}
