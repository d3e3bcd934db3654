/**
 * Registration and password login: the password checked (with the lockout after
 * LOCKOUT_THRESHOLD wrong ones), then SMS or TOTP when a second factor is on, then a session
 * (SessionService). Wrong passwords and locks go to the journal and locks to the owner.
 */
import { accountLocked, badInput, codeInvalid, conflict, unauthenticated, type FieldProblem } from '../../shared/errors.js';
import { classifyLogin, normalizeEmail, normalizePhone, PHONE_COUNTRY_REFUSED, phoneCountryAllowed } from '../../shared/identifiers.js';
import { verifyTotp } from '../../shared/otp.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../../shared/passwords.js';
import { checkPassword } from '../../shared/password-policy.js';
import { piiHash } from '../../shared/pii.js';
import type { RequestMeta } from '../../shared/request-meta.js';
import type { AccountsDeps } from './accounts.deps.js';
import type { UserRow } from './accounts.repository.js';
import { formatLocal, isLocked, lockedUntilAfter, normalizeNames } from './accounts.rules.js';
import type { ChallengeService, ChallengeView } from './challenges.service.js';
import type { AccountJournal } from './journal.service.js';
import { loginKey, type LoginAttempts } from './login-attempts.js';
import type { AuthPayloadView, SessionService } from './sessions.service.js';

export type LoginResultView = ({ kind: 'auth' } & AuthPayloadView) | ({ kind: 'challenge' } & ChallengeView);

export interface RegisterInput {
  phone: string;
  email?: string | null;
  password: string;
  lastName: string;
  firstName: string;
  middleName?: string | null;
  acceptTerms: boolean;
}

interface RegistrationPayload {
  phone: string;
  email: string | null;
  passwordHash: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  termsAcceptedAt: string;
}

const wrongCredentials = () => unauthenticated('Неверный логин или пароль');
const phoneTaken = 'Этот номер телефона уже зарегистрирован';
const emailTaken = 'Этот адрес электронной почты уже используется';

export class AuthService {
  constructor(
    private readonly deps: AccountsDeps,
    private readonly challenges: ChallengeService,
    private readonly sessions: SessionService,
    private readonly journal: AccountJournal,
    private readonly attempts: LoginAttempts,
  ) {}

  /**
   * Starts a registration. The code-sending limits come before any look-up, and a phone that
   * already has an account gets a challenge of the same shape that sends nothing and can never be
   * confirmed, while its owner is told; an e-mail of another account is left out of the new
   * account (its owner is told). So the answer never tells whether a phone or e-mail is known.
   */
  async register(input: RegisterInput, meta: RequestMeta): Promise<ChallengeView> {
    const { db } = this.deps;
    const { phone, email, names } = this.checkRegistration(input);
    await this.challenges.limitSending(phone, meta);
    const passwordHash = await hashPassword(input.password);
    const phoneOwner = await this.deps.users.findUserByLogin(db, { kind: 'phone', value: phone });
    const emailOwner = email ? await this.deps.users.findUserByLogin(db, { kind: 'email', value: email }) : undefined;
    const row = await db.transaction(async (tx) => {
      if (phoneOwner) await this.journal.notifySecurity(tx, phoneOwner, 'security.registration_attempt', { contact: 'номер телефона' });
      if (emailOwner && emailOwner.id !== phoneOwner?.id) {
        await this.journal.notifySecurity(tx, emailOwner, 'security.registration_attempt', { contact: 'адрес электронной почты' });
      }
      if (phoneOwner) return this.challenges.createUnconfirmable(tx, { purpose: 'REGISTRATION', channel: 'SMS', userId: null, contact: phone }, meta);
      const payload: RegistrationPayload = {
        phone,
        email: emailOwner ? null : email,
        passwordHash,
        ...names,
        termsAcceptedAt: this.deps.clock.now().toISOString(),
      };
      return this.challenges.create(tx, { purpose: 'REGISTRATION', channel: 'SMS', userId: null, destination: phone, payload: { ...payload } }, meta);
    });
    return this.challenges.view(row);
  }

  async confirmRegistration(challengeId: string, code: string, meta: RequestMeta): Promise<AuthPayloadView> {
    const challenge = await this.challenges.check({ challengeId, code, purpose: 'REGISTRATION' });
    const p = challenge.payload as unknown as RegistrationPayload;
    return this.deps.db.transaction(async (tx) => {
      await this.challenges.consume(tx, challenge.id);
      const user = await this.deps.users.createUser(tx, {
        phone: p.phone,
        phoneVerified: true,
        email: p.email,
        emailVerified: false,
        passwordHash: p.passwordHash,
        lastName: p.lastName,
        firstName: p.firstName,
        middleName: p.middleName,
        termsAcceptedAt: new Date(p.termsAcceptedAt),
        createdAt: this.deps.clock.now(),
      });
      if (this.deps.users.isWriteConflict(user)) {
        const field = (user.conflict === 'TAKEN' ? user.field : null) ?? 'phone';
        throw conflict(field === 'email' ? emailTaken : phoneTaken, field);
      }
      await this.journal.record(tx, user.id, 'REGISTERED', meta);
      return this.sessions.startSession(tx, user, meta, { notify: false });
    });
  }

  /**
   * A password login. Every path spends one argon2 verification and answers from the same set:
   * an unknown login (or one without a password) is counted per login string in Redis and locks
   * like a known one. During a lock a wrong password answers ACCOUNT_LOCKED, the right one a
   * second-factor challenge (passing it ends the lock): a guesser cannot keep the owner out.
   */
  async login(input: { login: string; password: string }, meta: RequestMeta): Promise<LoginResultView> {
    const { config, db, clock, rateLimiter } = this.deps;
    if (meta.ip) {
      await rateLimiter.hit([{ key: `login:ip:${meta.ip}`, limit: config.RATE_LIMIT_LOGINS_PER_IP, windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS }]);
    }
    const user = await this.findByLogin(input.login);
    const now = clock.now();
    if (!user || !user.passwordHash) {
      await verifyAgainstDummy(input.password);
      const lockedUntil = await this.attempts.failUnknown(loginKey(classifyLogin(input.login), input.login), now);
      throw lockedUntil ? accountLocked(lockedUntil) : wrongCredentials();
    }
    const passwordOk = await verifyPassword(user.passwordHash, input.password);
    if (isLocked(user.lockedUntil, now)) {
      if (!passwordOk) {
        await this.journal.record(db, user.id, 'LOGIN_FAILED', meta, { reason: 'ACCOUNT_LOCKED' });
        throw accountLocked(user.lockedUntil);
      }
      const challenge = await this.secondFactorChallenge(user, meta, { required: true });
      if (!challenge) throw accountLocked(user.lockedUntil);
      return { kind: 'challenge', ...challenge };
    }
    if (!passwordOk) throw await this.wrongPassword(user, now, meta);
    if (user.failedLoginCount > 0 || user.lockedUntil) await this.deps.users.resetFailedLogins(db, user.id);
    const second = await this.secondFactorChallenge(user, meta, { required: false });
    if (second) return { kind: 'challenge', ...second };
    const payload = await db.transaction((tx) => this.sessions.startSession(tx, user, meta, { notify: true }));
    return { kind: 'auth', ...payload };
  }

  async verifySecondFactor(challengeId: string, code: string, meta: RequestMeta): Promise<AuthPayloadView> {
    const { db, clock } = this.deps;
    const challenge = await this.challenges.takeAttempt({ challengeId, purpose: 'LOGIN_SECOND_FACTOR' });
    const userId = challenge.userId;
    const user = userId ? await this.deps.users.findUserById(db, userId) : undefined;
    if (!user) throw unauthenticated();
    if (challenge.channel === 'TOTP') {
      const result = user.totpSecret
        ? verifyTotp({ secret: user.totpSecret, code: code.trim(), now: clock.now(), lastUsedStep: user.totpLastStep })
        : { ok: false as const };
      if (!result.ok || !(await this.deps.users.claimTotpStep(db, user.id, result.step))) {
        throw codeInvalid(challenge.maxAttempts - challenge.attempts);
      }
    } else {
      // The attempt is taken; compare the SMS code without taking a second one.
      this.challenges.compare(challenge, code);
    }
    return db.transaction(async (tx) => {
      await this.challenges.consume(tx, challenge.id);
      // The owner proved both factors: a lock set by someone guessing the password ends here.
      if (user.failedLoginCount > 0 || user.lockedUntil) {
        await this.deps.users.resetFailedLogins(tx, user.id);
        if (isLocked(user.lockedUntil, clock.now())) await this.journal.record(tx, user.id, 'ACCOUNT_UNLOCKED', meta, { method: challenge.channel });
      }
      return this.sessions.startSession(tx, user, meta, { notify: true });
    });
  }

  /** The account a login (phone, e-mail, SNILS or INN) names, if any. */
  async findByLogin(login: string): Promise<UserRow | undefined> {
    const { db, hashKey } = this.deps;
    const parsed = classifyLogin(login);
    if (!parsed) return undefined;
    switch (parsed.kind) {
      case 'phone':
        return this.deps.users.findUserByLogin(db, { kind: 'phone', value: parsed.value });
      case 'email':
        return this.deps.users.findUserByLogin(db, { kind: 'email', value: parsed.value });
      case 'snils':
        return this.deps.users.findUserByLogin(db, { kind: 'snilsHash', value: piiHash(hashKey, 'snils', parsed.value) });
      case 'inn':
        return this.deps.users.findUserByLogin(db, { kind: 'innHash', value: piiHash(hashKey, 'inn', parsed.value) });
    }
  }

  private checkRegistration(input: RegisterInput) {
    const problems: FieldProblem[] = [];
    const phone = normalizePhone(input.phone);
    if (!phone) problems.push({ field: 'phone', message: 'Укажите номер телефона в международном формате, например +7 999 123-45-67' });
    else if (!phoneCountryAllowed(phone, this.deps.config.SMS_ALLOWED_COUNTRY_CODES)) problems.push({ field: 'phone', message: PHONE_COUNTRY_REFUSED });
    const email = input.email ? normalizeEmail(input.email) : null;
    if (input.email && !email) problems.push({ field: 'email', message: 'Адрес электронной почты указан с ошибкой' });
    const names = normalizeNames(input, problems);
    const context = { phone: phone ?? undefined, email: email ?? undefined, lastName: names.lastName, firstName: names.firstName };
    for (const message of checkPassword(input.password, context, { minLength: this.deps.config.PASSWORD_MIN_LENGTH })) {
      problems.push({ field: 'password', message });
    }
    if (!input.acceptTerms) problems.push({ field: 'acceptTerms', message: 'Нужно принять условия использования' });
    if (problems.length > 0 || !phone) throw badInput(problems);
    return { phone, email, names };
  }

  /** Counts a wrong password (locking at the threshold) and answers the error to throw. */
  private async wrongPassword(user: UserRow, now: Date, meta: RequestMeta): Promise<Error> {
    const { config, db } = this.deps;
    const lockUntil = lockedUntilAfter(now, config.LOCKOUT_MINUTES);
    const outcome = await db.transaction(async (tx) => {
      const r = await this.deps.users.recordFailedLogin(tx, user.id, { now, threshold: config.LOCKOUT_THRESHOLD, lockUntil });
      await this.journal.record(tx, user.id, 'LOGIN_FAILED', meta, { attempt: r.failedLoginCount });
      if (r.lockedNow && r.lockedUntil) {
        await this.journal.record(tx, user.id, 'ACCOUNT_LOCKED', meta, { until: r.lockedUntil.toISOString() });
        // One message per lock period, however often someone locks the account again.
        if (await this.attempts.claimLockNotice(user.id)) {
          await this.journal.notifySecurity(tx, user, 'security.locked', { until: formatLocal(r.lockedUntil) });
        }
      }
      return r;
    });
    return isLocked(outcome.lockedUntil, now) ? accountLocked(outcome.lockedUntil) : wrongCredentials();
  }

  /**
   * The second-factor challenge a login needs, or null when the account has none on. `required`
   * (the right password during a lock) asks one anyway: TOTP when on, else an SMS to the phone or
   * a code to the e-mail; null only when the account has neither.
   */
  private async secondFactorChallenge(user: UserRow, meta: RequestMeta, opts: { required: boolean }): Promise<ChallengeView | null> {
    const { db } = this.deps;
    let channel: 'SMS' | 'EMAIL' | 'TOTP' | null = null;
    if (user.twoFactorMethod === 'TOTP' && user.totpSecret) channel = 'TOTP';
    else if (user.twoFactorMethod === 'SMS' && user.phone) channel = 'SMS';
    else if (opts.required) channel = user.phone ? 'SMS' : user.email ? 'EMAIL' : null;
    if (!channel) return null;
    const destination = channel === 'SMS' ? user.phone : channel === 'EMAIL' ? user.email : null;
    if (destination) await this.challenges.limitSending(destination, meta);
    const row = await db.transaction((tx) =>
      this.challenges.create(tx, { purpose: 'LOGIN_SECOND_FACTOR', channel, userId: user.id, destination }, meta),
    );
    return this.challenges.view(row);
  }
}
