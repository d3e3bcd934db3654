/**
 * Login with an electronic signature: the server gives a challenge text, the client signs it with
 * the private key of its X.509 certificate and sends the signature with the certificate chain
 * (leaf first). The server checks the signature, the chain up to one of SIGNATURE_TRUSTED_ROOTS
 * (each link's signature, CA flags, validity dates), the leaf's key usage (digitalSignature),
 * and logs in the account whose SNILS (OID 1.2.643.100.3) or personal INN (1.2.643.3.131.1.1)
 * the certificate's subject carries, provided the account holds that value verified (a SNILS or
 * INN the citizen only typed links nothing: accounts/identifiers.service.ts).
 *
 * The organisation's INN (INNLE, 1.2.643.100.4, or a 10-digit INN padded with "00") names an
 * employer, not a person, so it never picks an account: every employee's certificate carries it.
 * GOST R 34.10-2012 certificates and signatures (raw or CMS detached) are checked by the GOST
 * verifier (signature.verifiers.ts, gost.*.ts). Revocation: the CRLs a certificate names
 * (signature.revocation.ts, SIGNATURE_REVOCATION); OCSP is not consulted yet.
 */
import 'reflect-metadata';
import { randomBytes, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { AppError, ErrorCode, badField, preconditionFailed } from '../../shared/errors.js';
import { isUuid } from '../../shared/ids.js';
import { normalizeInn, normalizeSnils } from '../../shared/identifiers.js';
import type { RequestMeta } from '../../shared/request-meta.js';
import type { AuthPayloadView, UserRow } from '../accounts/index.js';
import type { IdentityDeps } from './identity.deps.js';
import { attributeText } from './identity.rules.js';
import * as repo from './identity.repository.js';
import { checkGostSignature, isGostSigned } from './gost.x509.js';
import { RevocationChecker } from './signature.revocation.js';
import { GostVerifier, NodeCryptoVerifier, type SignatureVerifier } from './signature.verifiers.js';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

export const OID_SNILS = '1.2.643.100.3';
export const OID_INN = '1.2.643.3.131.1.1';
export const OID_INNLE = '1.2.643.100.4';
const MAX_CHAIN = 6;
const MAX_CERTIFICATES = 8;

export interface SignatureChallengeView {
  challengeId: string;
  dataToSign: string;
  expiresAt: Date;
}

export type SignatureFailure =
  | 'CHALLENGE_INVALID'
  | 'CERTIFICATE_UNTRUSTED'
  | 'CERTIFICATE_EXPIRED'
  | 'KEY_USAGE'
  | 'SIGNATURE_INVALID'
  | 'ALGORITHM_UNSUPPORTED'
  | 'CERTIFICATE_REVOKED'
  | 'REVOCATION_UNKNOWN'
  | 'NO_ACCOUNT';

const signatureFailed = (reason: SignatureFailure) =>
  new AppError(
    ErrorCode.UNAUTHENTICATED,
    reason === 'NO_ACCOUNT' ? 'Нет учётной записи с СНИЛС или ИНН из этого сертификата' : 'Не удалось войти по электронной подписи',
    { reason },
  );

export class SignatureService {
  private readonly roots: x509.X509Certificate[];
  private readonly revocation: RevocationChecker;

  constructor(
    private readonly deps: IdentityDeps,
    private readonly verifiers: SignatureVerifier[] = [new NodeCryptoVerifier(), new GostVerifier()],
  ) {
    const bundle = deps.config.SIGNATURE_TRUSTED_ROOTS?.replace(/\\n/g, '\n');
    this.revocation = new RevocationChecker(deps);
    this.roots = (bundle?.match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g) ?? []).map((pem) => new x509.X509Certificate(pem));
  }

  async begin(meta: RequestMeta): Promise<SignatureChallengeView> {
    const { config, clock, db, rateLimiter } = this.deps;
    this.requireConfigured();
    if (meta.ip) {
      await rateLimiter.hit([{ key: `login:ip:${meta.ip}`, limit: config.RATE_LIMIT_LOGINS_PER_IP, windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS }]);
    }
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + config.AUTH_CHALLENGE_TTL_SECONDS * 1000);
    const nonce = randomBytes(32).toString('base64url');
    // What the user's signing tool shows them: who asks, for what, until when.
    const dataToSign = `Вход в личный кабинет МФЦ\n${config.PUBLIC_URL}\n${nonce}\n${expiresAt.toISOString()}`;
    const row = await repo.insertLoginChallenge(db, { kind: 'SIGNATURE_LOGIN', payload: { dataToSign }, ip: meta.ip, now, expiresAt });
    return { challengeId: row.id, dataToSign, expiresAt };
  }

  async complete(input: { challengeId: string; signature: string; certificates: string[]; algorithm: string }, meta: RequestMeta): Promise<AuthPayloadView> {
    const { clock, db, log } = this.deps;
    this.requireConfigured();
    const chain = parseCertificates(input.certificates);
    const signature = parseBase64(input.signature);
    if (!signature) throw badField('signature', 'Подпись должна быть в base64');
    const challenge = isUuid(input.challengeId)
      ? await repo.consumeLoginChallenge(db, { id: input.challengeId }, { kind: 'SIGNATURE_LOGIN', now: clock.now() })
      : undefined;
    if (!challenge) throw signatureFailed('CHALLENGE_INVALID');
    const [leaf, ...intermediates] = chain;
    if (!leaf) throw badField('certificates', 'Нужен сертификат подписи');

    const now = clock.now();
    const trusted = await this.verifyChain(leaf, intermediates, now);
    if (trusted !== 'OK') throw signatureFailed(trusted);
    const usage = leaf.getExtension(x509.KeyUsagesExtension);
    if (!usage || (usage.usages & x509.KeyUsageFlags.digitalSignature) === 0) throw signatureFailed('KEY_USAGE');

    const verifier = this.verifiers.find((v) => v.supports(input.algorithm, leaf));
    if (!verifier) throw signatureFailed('ALGORITHM_UNSUPPORTED');
    const data = new TextEncoder().encode(String(challenge.payload.dataToSign));
    // The signature is checked before the account is looked up: certificates are public, and
    // whether one has an account here is told only to the holder of its key.
    if (!(await verifier.verify({ algorithm: input.algorithm, certificate: leaf, data, signature }))) {
      // The certificate is genuine and may name an account: a wrong signature goes to its journal.
      const owner = await this.findOwner(leaf);
      if (owner) await this.deps.accounts.journalFailedLogin(owner.id, meta, 'SIGNATURE', 'SIGNATURE_INVALID');
      log.info({ userId: owner?.id, serial: leaf.serialNumber }, 'signature login refused: signature does not verify');
      throw signatureFailed('SIGNATURE_INVALID');
    }
    const user = await this.findOwner(leaf);
    if (!user) throw signatureFailed('NO_ACCOUNT');
    const thumbprint = Buffer.from(await leaf.getThumbprint('SHA-256')).toString('hex');
    return this.deps.accounts.signIn(user, meta, {
      method: 'SIGNATURE',
      notify: true,
      details: { certificate: { serialNumber: leaf.serialNumber, issuer: leaf.issuer, thumbprint } },
    });
  }

  /**
   * Walks from the leaf up through the given intermediates to a trusted root: every link signed
   * by the next, every issuer a CA allowed to sign certificates, every certificate within its
   * dates at `now`, and none revoked by the CRLs it names (SIGNATURE_REVOCATION).
   */
  private async verifyChain(leaf: x509.X509Certificate, pool: x509.X509Certificate[], now: Date): Promise<'OK' | SignatureFailure> {
    let current = leaf;
    let expired = false;
    const links: Array<[x509.X509Certificate, x509.X509Certificate]> = [];
    for (let depth = 0; depth < MAX_CHAIN; depth++) {
      if (current.notBefore > now || current.notAfter < now) expired = true;
      const root = await findIssuer(current, this.roots);
      if (root) {
        if (root.notBefore > now || root.notAfter < now) expired = true;
        if (expired) return 'CERTIFICATE_EXPIRED';
        return this.revoked([...links, [current, root]], now);
      }
      const next = await findIssuer(current, pool.filter((c) => c !== current));
      if (!next || !isCa(next)) return 'CERTIFICATE_UNTRUSTED';
      links.push([current, next]);
      current = next;
    }
    return 'CERTIFICATE_UNTRUSTED';
  }

  private async revoked(links: Array<[x509.X509Certificate, x509.X509Certificate]>, now: Date): Promise<'OK' | SignatureFailure> {
    const policy = this.deps.config.SIGNATURE_REVOCATION;
    if (policy === 'off') return 'OK';
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

  /**
   * The account that holds the certificate's SNILS (or personal INN) verified. A value the citizen
   * only typed never picks an account: whoever typed another person's SNILS must not receive that
   * person's signature login.
   */
  private async findOwner(cert: x509.X509Certificate): Promise<UserRow | undefined> {
    const { accounts } = this.deps;
    const snils = cert.subjectName.getField(OID_SNILS).map(attributeText).map(normalizeSnils).find(Boolean);
    if (snils) {
      const user = await accounts.findVerifiedHolder('SNILS', snils);
      if (user) return user;
    }
    const inn = cert.subjectName
      .getField(OID_INN)
      .map(attributeText)
      .filter((v) => !v.startsWith('00'))
      .map(normalizeInn)
      .find((v): v is string => v?.length === 12);
    if (inn) return accounts.findVerifiedHolder('INN', inn);
    return undefined;
  }

  private requireConfigured(): void {
    if (this.roots.length === 0) throw preconditionFailed('Вход по электронной подписи не настроен');
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
function isCa(cert: x509.X509Certificate): boolean {
  const basic = cert.getExtension(x509.BasicConstraintsExtension);
  if (!basic?.ca) return false;
  const usage = cert.getExtension(x509.KeyUsagesExtension);
  return !usage || (usage.usages & x509.KeyUsageFlags.keyCertSign) !== 0;
}

function parseCertificates(items: string[]): x509.X509Certificate[] {
  if (items.length === 0 || items.length > MAX_CERTIFICATES) throw badField('certificates', `От 1 до ${MAX_CERTIFICATES} сертификатов, первым — сертификат подписи`);
  return items.map((item, i) => {
    try {
      return new x509.X509Certificate(item.includes('-----BEGIN') ? item : Buffer.from(item.replace(/\s+/g, ''), 'base64'));
    } catch {
      throw badField(`certificates.${i}`, 'Не удалось прочитать сертификат (ожидается PEM или DER в base64)');
    }
  });
}

function parseBase64(text: string): Uint8Array | null {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(clean)) return null;
  const bytes = Buffer.from(clean, clean.includes('-') || clean.includes('_') ? 'base64url' : 'base64');
  return bytes.length > 0 ? new Uint8Array(bytes) : null;
}
