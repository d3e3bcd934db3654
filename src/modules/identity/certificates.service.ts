/**
 * Binding an electronic-signature certificate to the account (seed 004: upload the certificate,
 * confirm with a one-time code sent to the phone), listing and unbinding. Binding takes the
 * certificate chain (checked up to SIGNATURE_TRUSTED_ROOTS, dates, key usage, revocation), sends
 * a code to the account's verified phone and gives a text to sign; completing it takes the code and
 * the signature of that text, so only the holder of the key (and of the phone) binds it.
 *
 * A certificate naming a SNILS that another account holds verified, or another SNILS than the
 * account's verified one, is another person's: refused. A certificate whose SNILS is the account's
 * verified SNILS is qualified: a document signed with it confirms the identity (trust CONFIRMED).
 */
import { randomBytes } from 'node:crypto';
import type * as x509 from '@peculiar/x509';
import { AppError, ErrorCode, badField, conflict, notFound, preconditionFailed } from '../../shared/errors.js';
import { normalizeSnils } from '../../shared/identifiers.js';
import { isUuid } from '../../shared/ids.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import type { RequestMeta } from '../../shared/request-meta.js';
import type { ChallengeView, UserRow } from '../accounts/index.js';
import type { IdentityDeps } from './identity.deps.js';
import { attributeText } from './identity.rules.js';
import * as repo from './certificates.repository.js';
import type { BoundCertificateRow } from './certificates.repository.js';
import { CertificateValidator, parseBase64, parseCertificates, thumbprintOf, type CertificateFailure } from './signature.chain.js';

const OID_SNILS = '1.2.643.100.3';
const CERTIFICATE = 'Сертификат';

export type BindingFailure = CertificateFailure | 'CERTIFICATE_OF_ANOTHER_PERSON';

/** A certificate or signature refused, with the reason in extensions.reason (the field at fault in extensions.fields). */
export const certificateRefused = (reason: BindingFailure, field: string) =>
  new AppError(ErrorCode.BAD_USER_INPUT, reason === 'SIGNATURE_INVALID' ? 'Подпись не прошла проверку' : 'Сертификат не прошёл проверку', {
    reason,
    fields: [{ field, message: reason }],
  });

export interface BindingStart {
  challenge: ChallengeView;
  dataToSign: string;
}

export class CertificateBindings {
  constructor(
    private readonly deps: IdentityDeps,
    private readonly validator: CertificateValidator,
  ) {}

  async begin(viewer: Viewer, certificates: string[], meta: RequestMeta): Promise<BindingStart> {
    const user = await this.requireUser(viewer);
    this.requireConfigured();
    const chain = parseCertificates(certificates);
    const [leaf, ...intermediates] = chain;
    if (!leaf) throw badField('certificates', 'Нужен сертификат подписи');
    const checked = await this.validator.checkCertificate(leaf, intermediates, this.deps.clock.now());
    if (checked !== 'OK') throw certificateRefused(checked, 'certificates');
    await this.personOf(user, leaf);
    if (await repo.findBoundByThumbprint(this.deps.db, this.deps.cipher, await thumbprintOf(leaf))) throw conflict('Этот сертификат уже привязан', 'certificates');
    // What the signing tool shows: what is bound to what; the nonce makes it single-use.
    const dataToSign = [
      'Привязка сертификата электронной подписи к личному кабинету МФЦ',
      this.deps.config.PUBLIC_URL,
      `Сертификат: ${leaf.serialNumber}, ${leaf.subject}`,
      `Издатель: ${leaf.issuer}`,
      randomBytes(24).toString('base64url'),
    ].join('\n');
    const challenge = await this.deps.accounts.sendPhoneCode(user, 'CERTIFICATE_BINDING', { chain: this.deps.cipher.seal(chain.map((c) => c.toString('pem')).join('\n')), dataToSign }, meta);
    return { challenge, dataToSign };
  }

  async complete(viewer: Viewer, input: { challengeId: string; code: string; signature: string; algorithm: string }, meta: RequestMeta): Promise<BoundCertificateRow> {
    const user = await this.requireUser(viewer);
    const challenge = await this.deps.accounts.checkPhoneCode(user.id, 'CERTIFICATE_BINDING', input.challengeId, input.code);
    const { chain: sealed, dataToSign } = challenge.payload as { chain: string; dataToSign: string };
    // The chain waits in the code's challenge sealed: its subject names the SNILS.
    const pems = this.deps.cipher.open(sealed).match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g) ?? [];
    const [leaf, ...intermediates] = parseCertificates(pems);
    if (!leaf) throw notFound('Запрос кода');
    const signature = parseBase64(input.signature);
    if (!signature) throw badField('signature', 'Подпись должна быть в base64');
    const now = this.deps.clock.now();
    const checked = await this.validator.checkCertificate(leaf, intermediates, now);
    if (checked !== 'OK') throw certificateRefused(checked, 'challengeId');
    const signed = await this.validator.checkSignature({ algorithm: input.algorithm, certificate: leaf, data: new TextEncoder().encode(dataToSign), signature });
    if (signed !== 'OK') throw certificateRefused(signed, 'signature');
    const qualified = await this.personOf(user, leaf);
    const thumbprint = await thumbprintOf(leaf);
    return this.deps.db.transaction(async (tx) => {
      await this.deps.accounts.consumeCode(tx, challenge.id);
      const row = await repo.insertCertificate(tx, this.deps.cipher, {
        userId: user.id, thumbprint, chain: pems, serialNumber: leaf.serialNumber, subject: leaf.subject, issuer: leaf.issuer,
        notBefore: leaf.notBefore, notAfter: leaf.notAfter, qualified, boundAt: now,
      });
      if (row === 'TAKEN') throw conflict('Этот сертификат уже привязан', 'challengeId');
      await this.deps.accounts.journalEntry(tx, user.id, 'CERTIFICATE_BOUND', meta, { certificateId: row.id, serialNumber: row.serialNumber, issuer: row.issuer, thumbprint, qualified });
      return row;
    });
  }

  async list(viewer: Viewer): Promise<BoundCertificateRow[]> {
    return repo.boundCertificatesOf(this.deps.db, this.deps.cipher, viewer.userId);
  }

  async unbind(viewer: Viewer, id: string, meta: RequestMeta): Promise<BoundCertificateRow> {
    if (!isUuid(id)) throw notFound(CERTIFICATE);
    return this.deps.db.transaction(async (tx) => {
      const row = await repo.unbindCertificate(tx, this.deps.cipher, id, viewer.userId, this.deps.clock.now());
      if (!row) throw notFound(CERTIFICATE);
      await this.deps.accounts.journalEntry(tx, viewer.userId, 'CERTIFICATE_UNBOUND', meta, { certificateId: row.id, serialNumber: row.serialNumber, issuer: row.issuer });
      return row;
    });
  }

  /** The caller's bound certificate: by id, or by the certificate itself (its thumbprint). */
  async boundOf(viewer: Viewer, ref: { certificateId?: string | null; certificate?: string | null }, parse: (pem: string) => x509.X509Certificate): Promise<BoundCertificateRow> {
    let row: BoundCertificateRow | undefined;
    if (ref.certificateId) row = isUuid(ref.certificateId) ? await repo.findOwnCertificate(this.deps.db, this.deps.cipher, ref.certificateId, viewer.userId) : undefined;
    else if (ref.certificate) row = await repo.findBoundByThumbprint(this.deps.db, this.deps.cipher, await thumbprintOf(parse(ref.certificate)));
    else throw badField('input.certificateId', 'Укажите привязанный сертификат: certificateId или certificate');
    if (!row || row.userId !== viewer.userId || row.unboundAt) {
      throw preconditionFailed('Этот сертификат не привязан к вашей учётной записи', { rule: 'CERTIFICATE_NOT_BOUND' });
    }
    return row;
  }

  /**
   * Whether the certificate's SNILS is the account's verified SNILS (qualified: true); a SNILS of
   * another person (verified elsewhere, or not the account's verified one) is refused.
   */
  async personOf(user: UserRow, cert: x509.X509Certificate): Promise<boolean> {
    const snils = cert.subjectName.getField(OID_SNILS).map(attributeText).map(normalizeSnils).find(Boolean);
    if (!snils) return false;
    const own = user.snils && user.snilsVerified ? normalizeSnils(user.snils) : null;
    if (own && own !== snils) throw certificateRefused('CERTIFICATE_OF_ANOTHER_PERSON', 'certificates');
    const holder = await this.deps.accounts.findVerifiedHolder('SNILS', snils);
    if (holder && holder.id !== user.id) throw certificateRefused('CERTIFICATE_OF_ANOTHER_PERSON', 'certificates');
    return own === snils;
  }

  private async requireUser(viewer: Viewer): Promise<UserRow> {
    const user = await this.deps.accounts.userById(viewer.userId);
    if (!user) throw notFound('Пользователь');
    return user;
  }

  private requireConfigured(): void {
    if (!this.validator.configured) throw preconditionFailed('Электронная подпись не настроена', { rule: 'SIGNATURE_NOT_CONFIGURED' });
  }
}
