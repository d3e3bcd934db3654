/**
 * What external logins (the identity module: SSO providers, passkeys, electronic signatures) may
 * do with accounts, through the front door: find an account by a verified identifier or contact,
 * create one from a provider's verified claims, put a vouched-for identifier on it, confirm its
 * holder's identity, write its journal and sign it in. The rules of verified identifiers stay in
 * VerifiedIdentifiers (a SNILS or INN the citizen only typed never links an external identity).
 */
import type { Executor } from '../../db/client.js';
import { preconditionFailed } from '../../shared/errors.js';
import { piiHash } from '../../shared/pii.js';
import type { RequestMeta } from '../../shared/request-meta.js';
import type { AccountsDeps } from './accounts.deps.js';
import type { LoginKind, UserRow } from './accounts.repository.js';
import type { IdentifierKind, VerifiedBy, VerifiedIdentifiers } from './identifiers.service.js';
import type { AccountJournal } from './journal.service.js';
import type { ChallengeService, ChallengeView } from './challenges.service.js';
import type { ChallengeRow } from './challenges.repository.js';
import type { AuthPayloadView, LoginMethod, SessionOptions, SessionService } from './sessions.service.js';

/** What a provider told about a person, normalized and with its own verification flags. */
export interface ExternalClaims {
  phone: string | null;
  phoneVerified: boolean;
  email: string | null;
  emailVerified: boolean;
  inn: string | null;
  lastName: string | null;
  firstName: string | null;
  middleName: string | null;
  birthDate: string | null;
}

export class ExternalAccounts {
  constructor(
    private readonly deps: Pick<AccountsDeps, 'db' | 'clock' | 'hashKey' | 'users'>,
    private readonly identifiers: VerifiedIdentifiers,
    private readonly sessions: SessionService,
    private readonly journal: AccountJournal,
    private readonly challenges: ChallengeService,
  ) {}

  /**
   * A one-time code to the account's verified phone (the limits, attempts and resends of every
   * code; the SMS through the notification outbox in the challenge's transaction) for an action
   * of another module: binding an electronic-signature certificate. `payload` comes back on check.
   */
  async sendPhoneCode(user: UserRow, purpose: 'CERTIFICATE_BINDING', payload: Record<string, unknown>, meta: RequestMeta): Promise<ChallengeView> {
    if (!user.phone || !user.phoneVerified) throw preconditionFailed('Нужен подтверждённый номер телефона: на него придёт код', { rule: 'PHONE_REQUIRED' });
    const phone = user.phone;
    await this.challenges.limitSending(phone, meta);
    const row = await this.deps.db.transaction((tx) => this.challenges.create(tx, { purpose, channel: 'SMS', userId: user.id, destination: phone, payload }, meta));
    return this.challenges.view(row);
  }

  /** Checks a code of `sendPhoneCode` (one attempt taken); the caller consumes it with `consumeCode` in its transaction. */
  checkPhoneCode(userId: string, purpose: 'CERTIFICATE_BINDING', challengeId: string, code: string): Promise<ChallengeRow> {
    return this.challenges.check({ challengeId, code, purpose, userId });
  }

  /** Marks a checked code used inside the caller's transaction (a second use fails). */
  consumeCode(tx: Executor, challengeId: string): Promise<void> {
    return this.challenges.consume(tx, challengeId);
  }

  /** A user by id, read with `tx` when given (inside the caller's transaction). */
  async userById(id: string, tx: Executor = this.deps.db): Promise<UserRow | undefined> {
    return this.deps.users.findUserById(tx, id);
  }

  /** The account that holds this value verified, if any: the only one an external identity may link to. */
  findVerifiedHolder(kind: IdentifierKind, value: string): Promise<UserRow | undefined> {
    return this.identifiers.findVerifiedHolder(this.deps.db, kind, value);
  }

  /** The account whose phone is this one and verified (a provider's verified phone may match it). */
  async findByVerifiedPhone(phone: string): Promise<UserRow | undefined> {
    const user = await this.deps.users.findUserByLogin(this.deps.db, { kind: 'phone', value: phone });
    return user?.phoneVerified ? user : undefined;
  }

  /**
   * A new account from a provider's claims, inside the caller's transaction. Only verified values
   * become logins (the phone; a SNILS through takeVerifiedIdentifier); a phone, e-mail or INN
   * another account already holds is left out rather than taken from it (the e-mail above all,
   * which never links). Without a phone or an e-mail there is nobody to tell about logins.
   * 'DUPLICATE' when a parallel login created a holder of the same value a moment ago.
   */
  async createFromClaims(tx: Executor, claims: ExternalClaims): Promise<UserRow | 'DUPLICATE'> {
    const { hashKey, clock } = this.deps;
    const free = async (kind: LoginKind, value: string | null) => (value !== null && !(await this.deps.users.findUserByLogin(tx, { kind, value })) ? value : null);
    const phone = claims.phoneVerified ? await free('phone', claims.phone) : null;
    const email = await free('email', claims.email);
    const inn = claims.inn && (await free('innHash', piiHash(hashKey, 'inn', claims.inn))) ? claims.inn : null;
    if (!phone && !email) throw preconditionFailed('Внешняя учётная запись не передала подтверждённый телефон или адрес электронной почты');
    if (!claims.lastName || !claims.firstName) throw preconditionFailed('Внешняя учётная запись не передала фамилию и имя');
    const created = await this.deps.users.createUser(tx, {
      phone,
      phoneVerified: phone !== null,
      email,
      emailVerified: email !== null && claims.emailVerified,
      passwordHash: null,
      lastName: claims.lastName,
      firstName: claims.firstName,
      middleName: claims.middleName,
      birthDate: claims.birthDate,
      inn,
      innHash: inn ? piiHash(hashKey, 'inn', inn) : null,
      createdAt: clock.now(),
    });
    return this.deps.users.isWriteConflict(created) ? 'DUPLICATE' : created;
  }

  /**
   * A vouched-for identifier goes onto the account as verified (VerifiedIdentifiers.assignVerified):
   * the account as it is afterwards, or as it was when the value was left out.
   */
  async takeVerifiedIdentifier(tx: Executor, user: UserRow, kind: IdentifierKind, value: string, source: VerifiedBy, meta: RequestMeta): Promise<UserRow> {
    const result = await this.identifiers.assignVerified(tx, user.id, kind, value, source, meta);
    if (result !== 'ASSIGNED') return user;
    return (await this.deps.users.findUserById(tx, user.id)) ?? user;
  }

  /** A provider vouched for the holder's identity: the trust level becomes CONFIRMED (never lowered). */
  async confirmIdentity(tx: Executor, user: UserRow, details: Record<string, unknown>, meta: RequestMeta): Promise<UserRow> {
    if (user.trustLevel === 'CONFIRMED') return user;
    const updated = await this.deps.users.updateUser(tx, user.id, { trustLevel: 'CONFIRMED', identityConfirmedAt: this.deps.clock.now(), identityConfirmedBy: null });
    await this.journal.record(tx, user.id, 'IDENTITY_CONFIRMED', meta, details);
    return updated;
  }

  /** One entry in the account's security journal, inside the caller's transaction. */
  journalEntry(tx: Executor, userId: string, action: string, meta: RequestMeta, details?: Record<string, unknown>): Promise<void> {
    return this.journal.record(tx, userId, action, meta, details);
  }

  /**
   * A failed external login of a known account goes to its journal. It does not count towards
   * the password lockout: a forged assertion or signature cannot be guessed like a password, and
   * counting it would let anyone who knows a credential id lock its owner out.
   */
  async journalFailedLogin(userId: string, meta: RequestMeta, method: LoginMethod, reason: string): Promise<void> {
    await this.journal.record(this.deps.db, userId, 'LOGIN_FAILED', meta, { method, reason });
  }

  /**
   * A genuine passkey signature whose counter did not grow: journalled like any failed login,
   * and the owner is told at once, since a counter going backwards can mean a cloned authenticator.
   */
  async journalPasskeyCounterRefusal(user: { id: string }, meta: RequestMeta, passkey: { id: string; name: string }): Promise<void> {
    await this.deps.db.transaction(async (tx) => {
      await this.journal.record(tx, user.id, 'LOGIN_FAILED', meta, { method: 'PASSKEY', reason: 'COUNTER_NOT_INCREASED', passkeyId: passkey.id });
      await this.journal.notifySecurity(tx, user, 'security.passkey_counter', { passkey: passkey.name });
    });
  }

  /** SessionService.signInVerified: the end of a login proved by other means than the password. */
  signIn(
    user: UserRow,
    meta: RequestMeta,
    opts: SessionOptions & { method: LoginMethod; inTransaction?: (tx: Executor) => Promise<UserRow | void> },
  ): Promise<AuthPayloadView> {
    return this.sessions.signInVerified(user, meta, opts);
  }

  /** Opens a session for an account created in the caller's transaction. */
  startSession(tx: Executor, user: UserRow, meta: RequestMeta, opts: SessionOptions): Promise<AuthPayloadView> {
    return this.sessions.startSession(tx, user, meta, opts);
  }
}
