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
 * verifier (signature.verifiers.ts, gost.*.ts). The chain, key usage and revocation (the OCSP
 * responders and CRLs a certificate names, SIGNATURE_REVOCATION) are CertificateValidator's
 * (signature.chain.ts), shared with certificate binding and document signing.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type * as x509 from '@peculiar/x509';
import { AppError, ErrorCode, badField, preconditionFailed } from '../../shared/errors.js';
import { isUuid } from '../../shared/ids.js';
import { normalizeInn, normalizeSnils } from '../../shared/identifiers.js';
import type { RequestMeta } from '../../shared/request-meta.js';
import type { AuthPayloadView, UserRow } from '../accounts/index.js';
import type { IdentityDeps } from './identity.deps.js';
import { attributeText } from './identity.rules.js';
import * as repo from './identity.repository.js';
import { CertificateValidator, parseBase64, parseCertificates, thumbprintOf, type CertificateFailure } from './signature.chain.js';

export const OID_SNILS = '1.2.643.100.3';
export const OID_INN = '1.2.643.3.131.1.1';
export const OID_INNLE = '1.2.643.100.4';

export interface SignatureChallengeView {
  challengeId: string;
  dataToSign: string;
  expiresAt: Date;
}

export type SignatureFailure = 'CHALLENGE_INVALID' | CertificateFailure | 'NO_ACCOUNT';

const signatureFailed = (reason: SignatureFailure) =>
  new AppError(
    ErrorCode.UNAUTHENTICATED,
    reason === 'NO_ACCOUNT' ? 'Нет учётной записи с СНИЛС или ИНН из этого сертификата' : 'Не удалось войти по электронной подписи',
    { reason },
  );

export class SignatureService {
  constructor(
    private readonly deps: IdentityDeps,
    private readonly validator: CertificateValidator = new CertificateValidator(deps),
  ) {}

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

    const trusted = await this.validator.checkCertificate(leaf, intermediates, clock.now());
    if (trusted !== 'OK') throw signatureFailed(trusted);
    const data = new TextEncoder().encode(String(challenge.payload.dataToSign));
    // The signature is checked before the account is looked up: certificates are public, and
    // whether one has an account here is told only to the holder of its key.
    const checked = await this.validator.checkSignature({ algorithm: input.algorithm, certificate: leaf, data, signature });
    if (checked === 'ALGORITHM_UNSUPPORTED') throw signatureFailed(checked);
    if (checked !== 'OK') {
      // The certificate is genuine and may name an account: a wrong signature goes to its journal.
      const owner = await this.findOwner(leaf);
      if (owner) await this.deps.accounts.journalFailedLogin(owner.id, meta, 'SIGNATURE', 'SIGNATURE_INVALID');
      log.info({ userId: owner?.id, serial: leaf.serialNumber }, 'signature login refused: signature does not verify');
      throw signatureFailed('SIGNATURE_INVALID');
    }
    const user = await this.findOwner(leaf);
    if (!user) throw signatureFailed('NO_ACCOUNT');
    const thumbprint = await thumbprintOf(leaf);
    return this.deps.accounts.signIn(user, meta, {
      method: 'SIGNATURE',
      notify: true,
      details: { certificate: { serialNumber: leaf.serialNumber, issuer: leaf.issuer, thumbprint } },
    });
  }

  /**
   * The account that holds the certificate's SNILS (or personal INN) verified. A value the citizen
   * only typed never picks an account: whoever typed another person's SNILS must not receive that
   * person's signature login.
   */
  async findOwner(cert: x509.X509Certificate): Promise<UserRow | undefined> {
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
    if (!this.validator.configured) throw preconditionFailed('Вход по электронной подписи не настроен');
  }
}
