/**
 * Revocation of the certificates of signature logins, bindings and signed documents: by the OCSP
 * responders a certificate names (signature.ocsp.ts; a valid answer decides), else by the CRL
 * distribution points it names (http/https URLs). A CRL is fetched once and kept until its nextUpdate (at most
 * SIGNATURE_CRL_CACHE_SECONDS); it counts only when signed by the certificate's issuer (GOST or
 * WebCrypto algorithms) and not past its nextUpdate. SIGNATURE_REVOCATION says what an
 * unreachable or invalid CRL means: `require` refuses the login, `prefer` lets it through (logged),
 * `off` checks nothing. A certificate that names neither is GOOD (nothing to ask).
 */
import * as x509 from '@peculiar/x509';
import type { IdentityDeps } from './identity.deps.js';
import { checkGostSignature, isGostSigned } from './gost.x509.js';
import { OcspClient, ocspUrls } from './signature.ocsp.js';

export type RevocationStatus = 'GOOD' | 'REVOKED' | 'UNKNOWN';

interface CachedCrl {
  crl: x509.X509Crl;
  keepUntil: number;
}

const MAX_CRL_BYTES = 20 * 1024 * 1024;

export class RevocationChecker {
  private readonly cache = new Map<string, Promise<CachedCrl | undefined>>();
  private readonly ocsp: OcspClient;

  constructor(private readonly deps: Pick<IdentityDeps, 'config' | 'clock' | 'log'>) {
    this.ocsp = new OcspClient(deps);
  }

  /**
   * The first valid OCSP answer when the certificate names responders; otherwise (or when none
   * answers) its CRLs: GOOD when every one is valid and lists it not, REVOKED when one lists it.
   * A certificate naming responders but no CRL, none of which answers, is UNKNOWN.
   */
  async status(cert: x509.X509Certificate, issuer: x509.X509Certificate, now: Date): Promise<RevocationStatus> {
    const responders = ocspUrls(cert);
    for (const url of responders) {
      const answer = await this.ocsp.status(url, cert, issuer, now);
      if (answer === 'GOOD' || answer === 'REVOKED') return answer;
    }
    const urls = crlUrls(cert);
    if (responders.length > 0 && urls.length === 0) return 'UNKNOWN';
    let status: RevocationStatus = 'GOOD';
    for (const url of urls) {
      const crl = await this.crl(url, issuer, now);
      if (!crl) {
        status = 'UNKNOWN';
        continue;
      }
      if (crl.findRevoked(cert)) return 'REVOKED';
    }
    return status;
  }

  private async crl(url: string, issuer: x509.X509Certificate, now: Date): Promise<x509.X509Crl | undefined> {
    let pending = this.cache.get(url);
    const cached = pending ? await pending : undefined;
    if (!cached || cached.keepUntil <= now.getTime()) {
      pending = this.fetchCrl(url, now);
      this.cache.set(url, pending);
    }
    const entry = await pending;
    if (!entry) {
      this.cache.delete(url); // an unreachable CRL is asked again next time
      return undefined;
    }
    const { crl } = entry;
    if (crl.issuer !== issuer.subject || (crl.nextUpdate && crl.nextUpdate < now)) return undefined;
    const signed = isGostSigned(crl.rawData)
      ? checkGostSignature(crl.rawData, issuer)
      : await crl.verify({ publicKey: issuer.publicKey }).catch(() => false);
    if (!signed) this.deps.log.warn({ url }, 'a CRL not signed by the certificate issuer');
    return signed ? crl : undefined;
  }

  private async fetchCrl(url: string, now: Date): Promise<CachedCrl | undefined> {
    const { config, log } = this.deps;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(config.SIGNATURE_CRL_TIMEOUT_MS), redirect: 'follow' });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const body = new Uint8Array(await res.arrayBuffer());
      if (body.length > MAX_CRL_BYTES) throw new Error('CRL too large');
      const text = Buffer.from(body).toString('latin1');
      const crl = new x509.X509Crl(text.includes('-----BEGIN') ? text : body);
      const longest = now.getTime() + config.SIGNATURE_CRL_CACHE_SECONDS * 1000;
      return { crl, keepUntil: Math.min(crl.nextUpdate?.getTime() ?? longest, longest) };
    } catch (err) {
      log.warn({ url, err: err instanceof Error ? err.message : String(err) }, 'CRL not available');
      return undefined;
    }
  }
}

function crlUrls(cert: x509.X509Certificate): string[] {
  const ext = cert.getExtension(x509.CRLDistributionPointsExtension);
  const urls: string[] = [];
  for (const point of ext?.distributionPoints ?? []) {
    for (const name of point.distributionPoint?.fullName ?? []) {
      const uri = name.uniformResourceIdentifier;
      if (uri && /^https?:\/\//.test(uri)) urls.push(uri);
    }
  }
  return urls;
}
