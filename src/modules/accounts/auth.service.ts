/**
 * Registration, login (password, then SMS or TOTP when a second factor is on), sessions and
 * refresh-token rotation. Every security event goes to the activity journal in the transaction
 * that causes it; logins and locks are told to the owner through the notification outbox.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Executor } from '../../db/client.js';
import { accountLocked, badInput, codeInvalid, conflict, notFound, unauthenticated, type FieldProblem } from '../../shared/errors.js';
import { classifyLogin, normalizeEmail, normalizePhone } from '../../shared/identifiers.js';
import { verifyTotp } from '../../shared/otp.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../../shared/passwords.js';
import { checkPassword } from '../../shared/password-policy.js';
import { piiHash } from '../../shared/pii.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import type { AccountsDeps, RequestMeta } from './accounts.deps.js';
import * as repo from './accounts.repository.js';
import type { SessionRow, UserRow } from './accounts.repository.js';
import type { ChallengeService, ChallengeView } from './challenges.service.js';
import { isUniqueViolation, uniqueViolationField } from '../../db/errors.js';

export interface AuthPayloadView {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  user: UserRow;
}

export type LoginResultView = ({ kind: 'auth' } & AuthPayloadView) | ({ kind: 'challenge' } & ChallengeView);

/** How a session was started: written to the journal with its LOGIN entry. */
export type LoginMethod = 'PASSWORD' | 'SSO' | 'PASSKEY' | 'SIGNATURE';

export interface SessionOptions {
  /** Tell the owner of the new login (not for a brand-new account). */
  notify: boolean;
  method?: LoginMethod;
  /** More details for the LOGIN journal entry (the provider, the passkey, the certificate). */
  details?: Record<string, unknown>;
}

export interface RegisterInput {
  phone: string;
  email?: string | null;
  password: string;
  lastName: string;
  firstName: string;
  middleName?: string | null;
  acceptTerms: boolean;
}

const NAME_MAX = 100;

export class AuthService {
  constructor(
    private readonly deps: AccountsDeps,
    private readonly challenges: ChallengeService,
  ) {}

  // ---------------------------------------------------------------- registration

  async register(input: RegisterInput, meta: RequestMeta): Promise<ChallengeView> {
    const { db } = this.deps;
    const problems: FieldProblem[] = [];
    const phone = normalizePhone(input.phone);
    if (!phone) problems.push({ field: 'phone', message: 'Укажите номер телефона в международном формате, например +7 999 123-45-67' });
    const email = input.email ? normalizeEmail(input.email) : null;
    if (input.email && !email) problems.push({ field: 'email', message: 'Адрес электронной почты указан с ошибкой' });
    const names = normalizeNames(input, problems);
    for (const message of checkPassword(input.password, { phone: phone ?? undefined, email: email ?? undefined, lastName: names.lastName, firstName: names.firstName }, { minLength: this.deps.config.PASSWORD_MIN_LENGTH })) {
      problems.push({ field: 'password', message });
    }
    if (!input.acceptTerms) problems.push({ field: 'acceptTerms', message: 'Нужно принять условия использования' });
    if (problems.length > 0 || !phone) throw badInput(problems);

    if (await repo.findUserByLogin(db, { kind: 'phone', value: phone })) {
      throw conflict('Этот номер телефона уже зарегистрирован. Войдите или восстановите пароль', 'phone');
    }
    if (email && (await repo.findUserByLogin(db, { kind: 'email', value: email }))) {
      throw conflict('Этот адрес электронной почты уже используется', 'email');
    }
    await this.challenges.limitSending(phone, meta);
    const passwordHash = await hashPassword(input.password);
    const row = await db.transaction((tx) =>
      this.challenges.create(
        tx,
        {
          purpose: 'REGISTRATION',
          channel: 'SMS',
          userId: null,
          destination: phone,
          payload: { phone, email, passwordHash, ...names, termsAcceptedAt: this.deps.clock.now().toISOString() },
        },
        meta,
      ),
    );
    return this.challenges.view(row);
  }

  async confirmRegistration(challengeId: string, code: string, meta: RequestMeta): Promise<AuthPayloadView> {
    const challenge = await this.challenges.check({ challengeId, code, purpose: 'REGISTRATION' });
    const p = challenge.payload as {
      phone: string; email: string | null; passwordHash: string; lastName: string; firstName: string; middleName: string | null; termsAcceptedAt: string;
    };
    try {
      return await this.deps.db.transaction(async (tx) => {
        await this.challenges.consume(tx, challenge.id);
        const user = await repo.insertUser(tx, {
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
        await this.journal(tx, user.id, 'REGISTERED', meta);
        return this.startSession(tx, user, meta, { notify: false });
      });
    } catch (err) {
      if (isUniqueViolation(err)) {
        const field = uniqueViolationField(err) ?? 'phone';
        throw conflict(field === 'email' ? 'Этот адрес электронной почты уже используется' : 'Этот номер телефона уже зарегистрирован', field);
      }
      throw err;
    }
  }

  // ---------------------------------------------------------------- login

  async login(input: { login: string; password: string }, meta: RequestMeta): Promise<LoginResultView> {
    const { config, db, clock, rateLimiter } = this.deps;
    if (meta.ip) {
      await rateLimiter.hit([{ key: `login:ip:${meta.ip}`, limit: config.RATE_LIMIT_LOGINS_PER_IP, windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS }]);
    }
    const user = await this.findByLogin(input.login);
    if (!user || !user.passwordHash) {
      await verifyAgainstDummy(input.password);
      throw wrongCredentials();
    }
    const now = clock.now();
    if (user.lockedUntil && user.lockedUntil > now) throw accountLocked(user.lockedUntil);

    if (!(await verifyPassword(user.passwordHash, input.password))) {
      const lockUntil = new Date(now.getTime() + config.LOCKOUT_MINUTES * 60_000);
      const outcome = await db.transaction(async (tx) => {
        const r = await repo.recordFailedLogin(tx, user.id, { now, threshold: config.LOCKOUT_THRESHOLD, lockUntil });
        await this.journal(tx, user.id, 'LOGIN_FAILED', meta, { attempt: r.failedLoginCount });
        if (r.lockedNow && r.lockedUntil) {
          await this.journal(tx, user.id, 'ACCOUNT_LOCKED', meta, { until: r.lockedUntil.toISOString() });
          await this.notifySecurity(tx, user, 'security.locked', { until: formatLocal(r.lockedUntil) });
        }
        return r;
      });
      if (outcome.lockedUntil && outcome.lockedUntil > now) throw accountLocked(outcome.lockedUntil);
      throw wrongCredentials();
    }

    if (user.failedLoginCount > 0 || user.lockedUntil) await repo.resetFailedLogins(db, user.id);

    if (user.twoFactorMethod === 'SMS' && user.phone) {
      await this.challenges.limitSending(user.phone, meta);
      const row = await db.transaction((tx) =>
        this.challenges.create(tx, { purpose: 'LOGIN_SECOND_FACTOR', channel: 'SMS', userId: user.id, destination: user.phone }, meta),
      );
      return { kind: 'challenge', ...this.challenges.view(row) };
    }
    if (user.twoFactorMethod === 'TOTP') {
      const row = await db.transaction((tx) =>
        this.challenges.create(tx, { purpose: 'LOGIN_SECOND_FACTOR', channel: 'TOTP', userId: user.id, destination: null }, meta),
      );
      return { kind: 'challenge', ...this.challenges.view(row) };
    }
    const payload = await db.transaction((tx) => this.startSession(tx, user, meta, { notify: true }));
    return { kind: 'auth', ...payload };
  }

  async verifySecondFactor(challengeId: string, code: string, meta: RequestMeta): Promise<AuthPayloadView> {
    const { db, clock } = this.deps;
    const challenge = await this.challenges.takeAttempt({ challengeId, purpose: 'LOGIN_SECOND_FACTOR' });
    const userId = challenge.userId;
    const user = userId ? await repo.findUserById(db, userId) : undefined;
    if (!user) throw unauthenticated();
    if (challenge.channel === 'TOTP') {
      const result = user.totpSecret
        ? verifyTotp({ secret: user.totpSecret, code: code.trim(), now: clock.now(), lastUsedStep: user.totpLastStep })
        : { ok: false as const };
      if (!result.ok || !(await repo.claimTotpStep(db, user.id, result.step))) {
        throw codeInvalid(challenge.maxAttempts - challenge.attempts);
      }
    } else {
      // The attempt is taken; compare the SMS code without taking a second one.
      this.challenges.compare(challenge, code);
    }
    return db.transaction(async (tx) => {
      await this.challenges.consume(tx, challenge.id);
      return this.startSession(tx, user, meta, { notify: true });
    });
  }

  // ---------------------------------------------------------------- sessions

  async refreshSession(refreshToken: string, meta: RequestMeta): Promise<AuthPayloadView> {
    const { db, clock, config } = this.deps;
    const now = clock.now();
    const found = await repo.findRefreshToken(db, this.hashRefreshToken(refreshToken));
    if (!found) throw unauthenticated('Сеанс завершён, войдите снова');
    const session = await repo.findSession(db, found.sessionId);
    if (!session) throw unauthenticated('Сеанс завершён, войдите снова');

    const revokeFamily = async (reason: string) => {
      const revoked = await db.transaction(async (tx) => {
        const done = await repo.revokeSession(tx, { id: session.id, userId: session.userId, now, reason });
        if (done) {
          await this.journal(tx, session.userId, 'SESSION_REVOKED', meta, { sessionId: session.id, reason });
          const user = await repo.findUserById(tx, session.userId);
          if (user) await this.notifySecurity(tx, user, 'security.session_family_revoked', {});
        }
        return done;
      });
      if (revoked) await this.deps.sessionEvents.revoked([session.id]);
    };

    if (found.spentAt) {
      // A spent token came back: either a replay by a thief or by the owner; we cannot tell, so
      // the whole family ends and the owner logs in again.
      await revokeFamily('REFRESH_TOKEN_REUSE');
      throw unauthenticated('Сеанс завершён из соображений безопасности, войдите снова');
    }
    if (!isSessionAlive(session, now, config.SESSION_IDLE_MINUTES)) throw unauthenticated('Сеанс завершён, войдите снова');
    const user = await repo.findUserById(db, session.userId);
    if (!user) throw unauthenticated();

    const spent = await db.transaction(async (tx) => {
      if (!(await repo.spendRefreshToken(tx, found.id, now))) return null;
      const next = this.newRefreshToken();
      await repo.insertRefreshToken(tx, { sessionId: session.id, tokenHash: next.hash, now });
      await repo.touchSession(tx, session.id, now);
      return next.token;
    });
    if (!spent) {
      await revokeFamily('REFRESH_TOKEN_REUSE');
      throw unauthenticated('Сеанс завершён из соображений безопасности, войдите снова');
    }
    const access = await this.deps.tokens.issue({ userId: user.id, sessionId: session.id, roles: user.roles });
    return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken: spent, user };
  }

  async logout(viewer: Viewer, meta: RequestMeta): Promise<boolean> {
    return this.revokeSession(viewer, viewer.sessionId, meta, 'LOGOUT');
  }

  async revokeSession(viewer: Viewer, sessionId: string, meta: RequestMeta, reason = 'REVOKED_BY_USER'): Promise<boolean> {
    const now = this.deps.clock.now();
    const done = await this.deps.db.transaction(async (tx) => {
      const ok = await repo.revokeSession(tx, { id: sessionId, userId: viewer.userId, now, reason });
      if (ok) await this.journal(tx, viewer.userId, reason === 'LOGOUT' ? 'LOGOUT' : 'SESSION_REVOKED', meta, { sessionId });
      return ok;
    });
    if (!done) throw notFound('Сеанс');
    await this.deps.sessionEvents.revoked([sessionId]);
    return true;
  }

  async mySessions(viewer: Viewer): Promise<Array<SessionRow & { current: boolean }>> {
    const { db, clock, config } = this.deps;
    const now = clock.now();
    const rows = await repo.listLiveSessions(db, viewer.userId, { now, idleSince: new Date(now.getTime() - config.SESSION_IDLE_MINUTES * 60_000) });
    return rows.map((s) => ({ ...s, current: s.id === viewer.sessionId }));
  }

  // ---------------------------------------------------------------- shared with other account services

  /**
   * The end of a login that proved who the user is by other means than the password (an SSO
   * provider, a passkey, an electronic signature): the same rules as a password login (a locked
   * account is refused with ACCOUNT_LOCKED; the session, refresh token, journal entry and owner's
   * notice are those of startSession). `inTransaction` runs first in the session's transaction,
   * for the caller's own writes (linking an identity, a passkey's counter) and may hand back a
   * fresher user row.
   */
  async signInVerified(
    user: UserRow,
    meta: RequestMeta,
    opts: SessionOptions & { method: LoginMethod; inTransaction?: (tx: Executor) => Promise<UserRow | void> },
  ): Promise<AuthPayloadView> {
    const now = this.deps.clock.now();
    if (user.lockedUntil && user.lockedUntil > now) {
      await this.journal(this.deps.db, user.id, 'LOGIN_FAILED', meta, { method: opts.method, reason: 'ACCOUNT_LOCKED' });
      throw accountLocked(user.lockedUntil);
    }
    return this.deps.db.transaction(async (tx) => {
      const fresh = (await opts.inTransaction?.(tx)) ?? user;
      return this.startSession(tx, fresh, meta, opts);
    });
  }

  /**
   * A failed external login of a known account goes to its journal. It does not count towards
   * the password lockout: a forged assertion or signature cannot be guessed like a password, and
   * counting it would let anyone who knows a credential id lock its owner out.
   */
  async journalFailedLogin(userId: string, meta: RequestMeta, method: LoginMethod, reason: string): Promise<void> {
    await this.journal(this.deps.db, userId, 'LOGIN_FAILED', meta, { method, reason });
  }

  /** Opens a session with its first refresh token and access token, inside the caller's transaction. */
  async startSession(tx: Executor, user: UserRow, meta: RequestMeta, opts: SessionOptions): Promise<AuthPayloadView> {
    const { clock, config, tokens } = this.deps;
    const now = clock.now();
    const session = await repo.insertSession(tx, {
      userId: user.id,
      userAgent: meta.userAgent?.slice(0, 500) ?? null,
      ip: meta.ip,
      now,
      expiresAt: new Date(now.getTime() + config.REFRESH_TOKEN_TTL_DAYS * 86_400_000),
    });
    const refresh = this.newRefreshToken();
    await repo.insertRefreshToken(tx, { sessionId: session.id, tokenHash: refresh.hash, now });
    await this.journal(tx, user.id, 'LOGIN', meta, { sessionId: session.id, method: opts.method ?? 'PASSWORD', ...opts.details });
    if (opts.notify) {
      await this.notifySecurity(tx, user, 'security.login', {
        time: formatLocal(now),
        device: describeDevice(meta.userAgent),
        ip: meta.ip ?? 'неизвестен',
      });
    }
    const access = await tokens.issue({ userId: user.id, sessionId: session.id, roles: user.roles });
    return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken: refresh.token, user };
  }

  async findByLogin(login: string): Promise<UserRow | undefined> {
    const { db, hashKey } = this.deps;
    const parsed = classifyLogin(login);
    if (!parsed) return undefined;
    switch (parsed.kind) {
      case 'phone':
        return repo.findUserByLogin(db, { kind: 'phone', value: parsed.value });
      case 'email':
        return repo.findUserByLogin(db, { kind: 'email', value: parsed.value });
      case 'snils':
        return repo.findUserByLogin(db, { kind: 'snilsHash', value: piiHash(hashKey, 'snils', parsed.value) });
      case 'inn':
        return repo.findUserByLogin(db, { kind: 'innHash', value: piiHash(hashKey, 'inn', parsed.value) });
    }
  }

  async journal(tx: Executor, userId: string, action: string, meta: RequestMeta, details?: Record<string, unknown>): Promise<void> {
    await repo.insertActivity(tx, { userId, action, at: this.deps.clock.now(), ip: meta.ip, userAgent: meta.userAgent, details });
  }

  /** Security messages go through the user's SECURITY channels (which always include SMS or e-mail). */
  async notifySecurity<T extends SecurityTemplate>(tx: Executor, user: UserRow, template: T, vars: SecurityVars[T]): Promise<void> {
    await this.deps.notifications.notify(tx, {
      userId: user.id,
      template,
      vars,
      subjectType: 'User',
      subjectId: user.id,
    } as Parameters<AccountsDeps['notifications']['notify']>[1]);
  }

  /** The keyed-hash secret, for seeding and test factories that write users directly. */
  hashKeyForSeeding(): string {
    return this.deps.hashKey;
  }

  private newRefreshToken(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: this.hashRefreshToken(token) };
  }

  private hashRefreshToken(token: string): string {
    return createHmac('sha256', this.deps.hashKey).update(`refresh:${token}`).digest('hex');
  }
}

type SecurityVars = {
  'security.login': { time: string; device: string; ip: string };
  'security.locked': { until: string };
  'security.password_changed': Record<string, never>;
  'security.two_factor_enabled': { method: string };
  'security.two_factor_disabled': Record<string, never>;
  'security.session_family_revoked': Record<string, never>;
  'security.contact_changed': { channel: string };
  'security.identifier_removed': { identifier: string };
};
export type SecurityTemplate = keyof SecurityVars;

export function isSessionAlive(s: Pick<SessionRow, 'revokedAt' | 'expiresAt' | 'lastSeenAt'>, now: Date, idleMinutes: number): boolean {
  return !s.revokedAt && s.expiresAt > now && s.lastSeenAt.getTime() + idleMinutes * 60_000 > now.getTime();
}

function wrongCredentials() {
  return unauthenticated('Неверный логин или пароль');
}

function normalizeNames(input: { lastName: string; firstName: string; middleName?: string | null }, problems: FieldProblem[]) {
  const clean = (v: string | null | undefined) => (v ?? '').trim().replace(/\s+/g, ' ');
  const lastName = clean(input.lastName);
  const firstName = clean(input.firstName);
  const middleName = clean(input.middleName) || null;
  const valid = /^[\p{L}][\p{L}\s'’-]*$/u;
  for (const [field, value, required] of [['lastName', lastName, true], ['firstName', firstName, true], ['middleName', middleName, false]] as const) {
    if (!value) {
      if (required) problems.push({ field, message: 'Поле обязательно' });
    } else if (value.length > NAME_MAX || !valid.test(value)) {
      problems.push({ field, message: 'Допустимы только буквы, пробел, дефис и апостроф' });
    }
  }
  return { lastName, firstName, middleName };
}

/** Moscow time for messages: the account has no time zone of its own yet. */
export function formatLocal(d: Date): string {
  return new Intl.DateTimeFormat('ru-RU', {
    timeZone: 'Europe/Moscow', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit',
  }).format(d).replace(',', '') + ' МСК';
}

function describeDevice(ua: string | null): string {
  if (!ua) return 'неизвестное устройство';
  const os = /Android/i.test(ua) ? 'Android' : /iPhone|iPad|iOS/i.test(ua) ? 'iOS' : /Windows/i.test(ua) ? 'Windows' : /Mac OS/i.test(ua) ? 'macOS' : /Linux/i.test(ua) ? 'Linux' : null;
  const app = /YaBrowser/i.test(ua) ? 'Яндекс Браузер' : /Edg\//i.test(ua) ? 'Edge' : /Chrome\//i.test(ua) ? 'Chrome' : /Firefox\//i.test(ua) ? 'Firefox' : /Safari\//i.test(ua) ? 'Safari' : null;
  return [app, os].filter(Boolean).join(', ') || 'приложение';
}
