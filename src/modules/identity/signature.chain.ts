/**
 * The checks every use of a citizen's certificate shares (the signature login, binding a
 * certificate, signing documents): reading the certificates, the chain up to one of
 * SIGNATURE_TRUSTED_ROOTS (each link's signature, CA flags, validity dates at a given moment), the
 * revocation of every link (CRL and OCSP, SIGNATURE_REVOCATION), the leaf's key usage, and the
 * signature itself by the verifier of its algorithm (RSA/ECDSA through node:crypto, GOST).
 */
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { badField } from '../../shared/errors.js';
import type { IdentityDeps } from './identity.deps.js';
import { checkGostSignature, isGostSigned } from './gost.x509.js';
import { RevocationChecker } from './signature.revocation.js';
import { GostVerifier, NodeCryptoVerifier, type SignatureVerifier } from './signature.verifiers.js';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

const MAX_CHAIN = 6;
const MAX_CERTIFICATES = 8;

export type CertificateFailure =
  | 'CERTIFICATE_UNTRUSTED'
  | 'CERTIFICATE_EXPIRED'
  | 'KEY_USAGE'
  | 'SIGNATURE_INVALID'
  | 'ALGORITHM_UNSUPPORTED'
  | 'CERTIFICATE_REVOKED'
  | 'REVOCATION_UNKNOWN';

export interface SignedData {
  algorithm: string;
  certificate: x509.X509Certificate;
  data: Uint8Array;
  signature: Uint8Array;
}

export class CertificateValidator {
  readonly roots: x509.X509Certificate[];
  private readonly revocation: RevocationChecker;

  constructor(
    private readonly deps: Pick<IdentityDeps, 'config' | 'clock' | 'log'>,
    private readonly verifiers: SignatureVerifier[] = [new NodeCryptoVerifier(), new GostVerifier()],
  ) {
    const bundle = deps.config.SIGNATURE_TRUSTED_ROOTS?.replace(/\\n/g, '\n');
    this.revocation = new RevocationChecker(deps);
    this.roots = (bundle?.match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g) ?? []).map((pem) => new x509.X509Certificate(pem));
  }

  get configured(): boolean {
    return this.roots.length > 0;
  }

  /**
   * The leaf's chain up to a trusted root at `at`, its revocation (when `revocation` is not
   * false) and its key usage (digitalSignature): 'OK' or why not.
   */
  async checkCertificate(leaf: x509.X509Certificate, intermediates: x509.X509Certificate[], at: Date, revocation = true): Promise<'OK' | CertificateFailure> {
    const trusted = await this.verifyChain(leaf, intermediates, at, revocation);
    if (trusted !== 'OK') return trusted;
    const usage = leaf.getExtension(x509.KeyUsagesExtension);
    if (!usage || (usage.usages & x509.KeyUsageFlags.digitalSignature) === 0) return 'KEY_USAGE';
    return 'OK';
  }

  /** Whether a verifier handles the algorithm with the certificate's kind of key. */
  supports(algorithm: string, certificate: x509.X509Certificate): boolean {
    return this.verifiers.some((v) => v.supports(algorithm, certificate));
  }

  /** The signature over the data by the certificate's key: 'OK', ALGORITHM_UNSUPPORTED or SIGNATURE_INVALID. */
  async checkSignature(p: SignedData): Promise<'OK' | 'ALGORITHM_UNSUPPORTED' | 'SIGNATURE_INVALID'> {
    const verifier = this.verifiers.find((v) => v.supports(p.algorithm, p.certificate));
    if (!verifier) return 'ALGORITHM_UNSUPPORTED';
    return (await verifier.verify(p)) ? 'OK' : 'SIGNATURE_INVALID';
  }

  /**
   * Walks from the leaf up through the given intermediates to a trusted root: every link signed
   * by the next, every issuer a CA allowed to sign certificates, every certificate within its
   * dates at `at`, and none revoked (SIGNATURE_REVOCATION).
   */
  private async verifyChain(leaf: x509.X509Certificate, pool: x509.X509Certificate[], at: Date, revocation: boolean): Promise<'OK' | CertificateFailure> {
    let current = leaf;
    let expired = false;
    const links: Array<[x509.X509Certificate, x509.X509Certificate]> = [];
    for (let depth = 0; depth < MAX_CHAIN; depth++) {
      if (current.notBefore > at || current.notAfter < at) expired = true;
      const root = await findIssuer(current, this.roots);
      if (root) {
        if (root.notBefore > at || root.notAfter < at) expired = true;
        if (expired) return 'CERTIFICATE_EXPIRED';
        return revocation ? this.revoked([...links, [current, root]]) : 'OK';
      }
      const next = await findIssuer(current, pool.filter((c) => c !== current));
      if (!next || !isCa(next)) return 'CERTIFICATE_UNTRUSTED';
      links.push([current, next]);
      current = next;
    }
    return 'CERTIFICATE_UNTRUSTED';
  }

  private async revoked(links: Array<[x509.X509Certificate, x509.X509Certificate]>): Promise<'OK' | CertificateFailure> {
    const policy = this.deps.config.SIGNATURE_REVOCATION;
    if (policy === 'off') return 'OK';
    const now = this.deps.clock.now();
    for (const [cert, issuer] of links) {
      const status = await this.revocation.status(cert, issuer, now);
      if (status === 'REVOKED') return 'CERTIFICATE_REVOKED';
      if (status === 'UNKNOWN') {
        this.deps.log.warn({ serial: cert.serialNumber, policy }, 'certificate revocation status unknown');
        if (policy === 'require') return 'REVOCATION_UNKNOWN';
      }
    }
    return 'OK';
  }
}

async function findIssuer(cert: x509.X509Certificate, candidates: x509.X509Certificate[]): Promise<x509.X509Certificate | undefined> {
  for (const c of candidates) {
    if (c.subject !== cert.issuer || !isCa(c)) continue;
    try {
      // A GOST CA's signature is checked by the GOST implementation, others by WebCrypto.
      if (isGostSigned(cert) ? checkGostSignature(cert, c) : await cert.verify({ publicKey: c.publicKey, signatureOnly: true })) return c;
    } catch {
      // An algorithm this runtime cannot check is no proof.
    }
  }
  return undefined;
}

/** A CA certificate: basicConstraints cA, and keyCertSign when a key usage is given. */
export function isCa(cert: x509.X509Certificate): boolean {
  const basic = cert.getExtension(x509.BasicConstraintsExtension);
  if (!basic?.ca) return false;
  const usage = cert.getExtension(x509.KeyUsagesExtension);
  return !usage || (usage.usages & x509.KeyUsageFlags.keyCertSign) !== 0;
}

/** Certificates given as PEM or base64 DER (the signing certificate first); BAD_USER_INPUT on `field`. */
export function parseCertificates(items: string[], field = 'certificates'): x509.X509Certificate[] {
  if (items.length === 0 || items.length > MAX_CERTIFICATES) throw badField(field, `От 1 до ${MAX_CERTIFICATES} сертификатов, первым — сертификат подписи`);
  return items.map((item, i) => parseCertificate(item, `${field}.${i}`));
}

export function parseCertificate(item: string, field: string): x509.X509Certificate {
  try {
    return new x509.X509Certificate(item.includes('-----BEGIN') ? item : Buffer.from(item.replace(/\s+/g, ''), 'base64'));
  } catch {
    throw badField(field, 'Не удалось прочитать сертификат (ожидается PEM или DER в base64)');
  }
}

export function parseBase64(text: string): Uint8Array | null {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(clean)) return null;
  const bytes = Buffer.from(clean, clean.includes('-') || clean.includes('_') ? 'base64url' : 'base64');
  return bytes.length > 0 ? new Uint8Array(bytes) : null;
}

/** SHA-256 of the certificate's DER, hex: how a bound certificate is recognised. */
export async function thumbprintOf(cert: x509.X509Certificate): Promise<string> {
  return Buffer.from(await cert.getThumbprint('SHA-256')).toString('hex');
}
