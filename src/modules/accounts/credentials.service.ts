/**
 * Password reset and change, and the second factor (SMS or TOTP). A reset never reveals whether
 * the account exists: an unknown login gets a challenge of the same shape (a code is simply not
 * sent) after the same work, and its mask is derived from the login itself.
 */
import { badInput, badField, notFound, preconditionFailed, unauthenticated } from '../../shared/errors.js';
import { classifyLogin, maskEmail, maskPhone } from '../../shared/identifiers.js';
import { createTotpSecret, totpUri, verifyTotp } from '../../shared/otp.js';
import { hashPassword, verifyPassword } from '../../shared/passwords.js';
import { checkPassword } from '../../shared/password-policy.js';
import { piiHash } from '../../shared/pii.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import type { RequestMeta } from '../../shared/request-meta.js';
import type { AccountsDeps } from './accounts.deps.js';
import type { NewUserRow, UserRow } from './accounts.repository.js';
import type { AuthService } from './auth.service.js';
import type { ChallengeService, ChallengeView } from './challenges.service.js';
import type { AccountJournal } from './journal.service.js';
import * as sessions from './sessions.repository.js';

export class CredentialsService {
  constructor(
    private readonly deps: AccountsDeps,
    private readonly challenges: ChallengeService,
    private readonly auth: AuthService,
    private readonly journal: AccountJournal,
  ) {}

  async requestPasswordReset(login: string, meta: RequestMeta): Promise<ChallengeView> {
    const parsed = classifyLogin(login);
    if (!parsed) throw badField('login', 'Укажите телефон, электронную почту, СНИЛС или ИНН');
    const user = await this.auth.findByLogin(login);
    // Where the code goes: the login itself when it is a contact, else the phone (or e-mail) on file.
    let channel: 'SMS' | 'EMAIL' = parsed.kind === 'email' ? 'EMAIL' : 'SMS';
    let destination: string | null = null;
    let masked: string;
    if (parsed.kind === 'phone' || parsed.kind === 'email') {
      masked = parsed.kind === 'phone' ? maskPhone(parsed.value) : maskEmail(parsed.value);
      destination = user ? parsed.value : null;
    } else if (user?.phone) {
      destination = user.phone;
      masked = maskPhone(user.phone);
    } else if (user?.email) {
      channel = 'EMAIL';
      destination = user.email;
      masked = maskEmail(user.email);
    } else {
      // Unknown SNILS/INN: a stable, plausible mask so repeated requests look alike.
      const digits = piiHash(this.deps.hashKey, 'login', parsed.value).replace(/\D/g, '').padEnd(2, '0');
      masked = maskPhone(`+7999000${digits.slice(0, 2)}${digits.slice(2, 4).padEnd(2, '0')}`);
    }
    await this.challenges.limitSending(destination ?? `unknown:${parsed.kind}:${parsed.value}`, meta);
    const row = await this.deps.db.transaction((tx) =>
      this.challenges.create(
        tx,
        { purpose: 'PASSWORD_RESET', channel, userId: user?.id ?? null, destination, maskedDestination: masked },
        meta,
      ),
    );
    return this.challenges.view(row);
  }

  async resetPassword(challengeId: string, code: string, newPassword: string, meta: RequestMeta): Promise<boolean> {
    const challenge = await this.challenges.check({ challengeId, code, purpose: 'PASSWORD_RESET' });
    const user = challenge.userId ? await this.deps.users.findUserById(this.deps.db, challenge.userId) : undefined;
    if (!user) throw notFound('Запрос кода');
    this.assertPolicy('newPassword', newPassword, user);
    const passwordHash = await hashPassword(newPassword);
    const revoked = await this.deps.db.transaction(async (tx) => {
      await this.challenges.consume(tx, challenge.id);
      await this.deps.users.updateUser(tx, user.id, { passwordHash, failedLoginCount: 0, lockedUntil: null });
      const ids = await sessions.revokeUserSessions(tx, { userId: user.id, now: this.deps.clock.now(), reason: 'PASSWORD_RESET' });
      await this.journal.record(tx, user.id, 'PASSWORD_RESET', meta, { sessionsEnded: ids.length });
      await this.journal.notifySecurity(tx, user, 'security.password_changed', {});
      return ids;
    });
    await this.deps.sessionEvents.revoked(revoked);
    return true;
  }

  async changePassword(viewer: Viewer, currentPassword: string, newPassword: string, meta: RequestMeta): Promise<boolean> {
    const user = await this.requireUser(viewer);
    if (!user.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) {
      throw badField('currentPassword', 'Текущий пароль указан неверно');
    }
    this.assertPolicy('newPassword', newPassword, user);
    if (await verifyPassword(user.passwordHash, newPassword)) {
      throw badField('newPassword', 'Новый пароль должен отличаться от текущего');
    }
    const passwordHash = await hashPassword(newPassword);
    const revoked = await this.deps.db.transaction(async (tx) => {
      await this.deps.users.updateUser(tx, user.id, { passwordHash });
      // Other devices are signed out: whoever knew the old password loses access with it.
      const ids = await sessions.revokeUserSessions(tx, { userId: user.id, now: this.deps.clock.now(), reason: 'PASSWORD_CHANGED', keep: viewer.sessionId });
      await this.journal.record(tx, user.id, 'PASSWORD_CHANGED', meta, { sessionsEnded: ids.length });
      await this.journal.notifySecurity(tx, user, 'security.password_changed', {});
      return ids;
    });
    await this.deps.sessionEvents.revoked(revoked);
    return true;
  }

  async beginTotpSetup(viewer: Viewer): Promise<{ secret: string; otpauthUri: string }> {
    const user = await this.requireUser(viewer);
    const secret = createTotpSecret();
    await this.deps.users.updateUser(this.deps.db, user.id, { totpPendingSecret: secret });
    const label = user.phone ?? user.email ?? user.id;
    return { secret, otpauthUri: totpUri({ secret, label, issuer: 'МФЦ' }) };
  }

  async enableTwoFactor(viewer: Viewer, method: 'SMS' | 'TOTP', code: string | null | undefined, meta: RequestMeta): Promise<UserRow> {
    const user = await this.requireUser(viewer);
    const { db, clock } = this.deps;
    let values: Partial<NewUserRow>;
    if (method === 'SMS') {
      if (!user.phone || !user.phoneVerified) throw preconditionFailed('Для входа с кодом из SMS нужен подтверждённый номер телефона');
      values = { twoFactorMethod: 'SMS' };
    } else {
      if (!user.totpPendingSecret) throw preconditionFailed('Сначала начните настройку приложения-аутентификатора (beginTotpSetup)');
      if (!code) throw badField('code', 'Введите код из приложения-аутентификатора');
      const result = verifyTotp({ secret: user.totpPendingSecret, code: code.trim(), now: clock.now(), lastUsedStep: null });
      if (!result.ok) throw badField('code', 'Код из приложения не подошёл. Проверьте время на устройстве и попробуйте снова');
      values = { twoFactorMethod: 'TOTP', totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpLastStep: result.step };
    }
    return db.transaction(async (tx) => {
      const updated = await this.deps.users.updateUser(tx, user.id, values);
      await this.journal.record(tx, user.id, 'TWO_FACTOR_ENABLED', meta, { method });
      await this.journal.notifySecurity(tx, updated, 'security.two_factor_enabled', { method: method === 'SMS' ? 'код из SMS' : 'приложение-аутентификатор' });
      return updated;
    });
  }

  async disableTwoFactor(viewer: Viewer, password: string, meta: RequestMeta): Promise<UserRow> {
    const user = await this.requireUser(viewer);
    if (!user.passwordHash || !(await verifyPassword(user.passwordHash, password))) {
      throw badField('password', 'Пароль указан неверно');
    }
    return this.deps.db.transaction(async (tx) => {
      const updated = await this.deps.users.updateUser(tx, user.id, { twoFactorMethod: null, totpSecret: null, totpPendingSecret: null, totpLastStep: null });
      await this.journal.record(tx, user.id, 'TWO_FACTOR_DISABLED', meta);
      await this.journal.notifySecurity(tx, updated, 'security.two_factor_disabled', {});
      return updated;
    });
  }

  private assertPolicy(field: string, password: string, user: UserRow): void {
    const problems = checkPassword(
      password,
      { phone: user.phone ?? undefined, email: user.email ?? undefined, lastName: user.lastName, firstName: user.firstName },
      { minLength: this.deps.config.PASSWORD_MIN_LENGTH },
    );
    if (problems.length > 0) throw badInput(problems.map((message) => ({ field, message })));
  }

  private async requireUser(viewer: Viewer): Promise<UserRow> {
    const user = await this.deps.users.findUserById(this.deps.db, viewer.userId);
    if (!user) throw unauthenticated();
    return user;
  }
}
