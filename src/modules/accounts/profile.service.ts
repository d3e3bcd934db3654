/**
 * The citizen's own profile and contacts, the activity journal, and the staff operations on
 * accounts (operators confirm identities, admins create staff users). Every method starts with
 * its access check.
 */
import { badInput, badField, conflict, forbidden, notFound, unauthenticated, type FieldProblem } from '../../shared/errors.js';
import { normalizeEmail, normalizeInn, normalizePhone, normalizeSnils, PHONE_COUNTRY_REFUSED, phoneCountryAllowed } from '../../shared/identifiers.js';
import { hashPassword } from '../../shared/passwords.js';
import { checkPassword } from '../../shared/password-policy.js';
import { piiHash } from '../../shared/pii.js';
import { hasRole, type RoleName, type Viewer } from '../../shared/auth/viewer.js';
import { decodeCursor, encodeCursor, type Page } from '../../shared/pagination.js';
import type { RequestMeta } from '../../shared/request-meta.js';
import type { AccountsDeps } from './accounts.deps.js';
import type { NewUserRow, UserRow } from './accounts.repository.js';
import * as activity from './activity.repository.js';
import type { ActivityRow } from './activity.repository.js';
import { cleanAddress, isPlausibleBirthDate, ADDRESS_MAX } from './accounts.rules.js';
import type { ChallengeService, ChallengeView } from './challenges.service.js';
import type { AccountJournal } from './journal.service.js';
import { isUuid } from '../../shared/ids.js';
import { stripBidiControls, stripBidiOptional } from '../../shared/bidi.js';

/** The answer to an attempt to change a filled birth date directly. */
export const BIRTH_DATE_BY_REQUEST = 'Дату рождения меняют по запросу со сканами документов (requestProfileChange): оператор проверит и внесёт изменение';

export interface UpdateProfileInput {
  birthDate?: string | null;
  snils?: string | null;
  inn?: string | null;
  registrationAddress?: string | null;
  residentialAddress?: string | null;
}

export interface StaffUserInput {
  phone: string;
  email?: string | null;
  password: string;
  lastName: string;
  firstName: string;
  middleName?: string | null;
  role: RoleName;
  branchId?: string | null;
}

export class ProfileService {
  constructor(
    private readonly deps: AccountsDeps,
    private readonly challenges: ChallengeService,
    private readonly journal: AccountJournal,
  ) {}

  async me(viewer: Viewer | null): Promise<UserRow | null> {
    if (!viewer) return null;
    return (await this.deps.users.findUserById(this.deps.db, viewer.userId)) ?? null;
  }

  /**
   * A user as seen by `viewer`: themselves; for staff, a citizen the privacy rule lets them see
   * (admins: anyone; operators: citizens with business at their branch), the read recorded.
   */
  async userById(viewer: Viewer, id: string): Promise<UserRow | null> {
    if (viewer.userId === id) return (await this.deps.users.findUserById(this.deps.db, id)) ?? null;
    if (!hasRole(viewer, 'OPERATOR', 'ADMIN') || !isUuid(id) || !(await this.deps.staffAccess.canSeeCitizen(viewer, id))) return null;
    const user = await this.deps.users.findUserById(this.deps.db, id);
    if (!user) return null;
    await this.deps.staffAccess.record(viewer, [{ citizenId: user.id, action: 'VIEW_PROFILE', subject: 'профиль' }]);
    return user;
  }

  async updateProfile(viewer: Viewer, input: UpdateProfileInput, meta: RequestMeta): Promise<UserRow> {
    const user = await this.requireUser(viewer);
    const { clock, hashKey, db } = this.deps;
    const problems: FieldProblem[] = [];
    const values: Partial<NewUserRow> = {};
    if (input.birthDate !== undefined) {
      // Once entered, the birth date changes only by a request with scans that an operator approves.
      if (user.birthDate !== null && input.birthDate !== user.birthDate) problems.push({ field: 'birthDate', message: BIRTH_DATE_BY_REQUEST });
      else if (input.birthDate === null) values.birthDate = null;
      else if (!isPlausibleBirthDate(input.birthDate, clock.now())) problems.push({ field: 'birthDate', message: 'Дата рождения указана с ошибкой' });
      else values.birthDate = input.birthDate;
    }
    if (input.snils !== undefined) {
      // A typed value is unverified (it links no external identity); retyping the same one keeps its state.
      if (input.snils === null || input.snils.trim() === '') Object.assign(values, { snils: null, snilsHash: null, snilsVerified: false });
      else {
        const snils = normalizeSnils(input.snils);
        if (!snils) problems.push({ field: 'snils', message: 'СНИЛС указан с ошибкой: проверьте 11 цифр и контрольное число' });
        else if (snils !== user.snils) Object.assign(values, { snils, snilsHash: piiHash(hashKey, 'snils', snils), snilsVerified: false });
      }
    }
    if (input.inn !== undefined) {
      if (input.inn === null || input.inn.trim() === '') Object.assign(values, { inn: null, innHash: null, innVerified: false });
      else {
        const inn = normalizeInn(input.inn);
        if (!inn || inn.length !== 12) problems.push({ field: 'inn', message: 'ИНН физического лица — 12 цифр с верными контрольными цифрами' });
        else if (inn !== user.inn) Object.assign(values, { inn, innHash: piiHash(hashKey, 'inn', inn), innVerified: false });
      }
    }
    for (const field of ['registrationAddress', 'residentialAddress'] as const) {
      const v = input[field];
      if (v === undefined) continue;
      const clean = cleanAddress(v);
      if (clean && clean.length > ADDRESS_MAX) problems.push({ field, message: `Адрес длиннее ${ADDRESS_MAX} символов` });
      else values[field] = clean;
    }
    if (problems.length > 0) throw badInput(problems);
    return db.transaction(async (tx) => {
      const updated = await this.deps.users.changeUser(tx, user.id, values);
      if (this.deps.users.isWriteConflict(updated)) {
        const field = updated.conflict === 'TAKEN' ? updated.field : null;
        throw conflict(field === 'inn' ? 'Этот ИНН уже указан в другой учётной записи' : 'Этот СНИЛС уже указан в другой учётной записи', field ?? 'snils');
      }
      await this.journal.record(tx, user.id, 'PROFILE_UPDATED', meta, { fields: Object.keys(values).filter((k) => !k.endsWith('Hash') && !k.endsWith('Verified')) });
      return updated;
    });
  }

  async changeContact(viewer: Viewer, channel: 'SMS' | 'EMAIL' | 'TOTP', value: string, meta: RequestMeta): Promise<ChallengeView> {
    const user = await this.requireUser(viewer);
    if (channel === 'TOTP') throw badField('channel', 'Сменить можно телефон (SMS) или электронную почту (EMAIL)');
    const normalized = channel === 'SMS' ? normalizePhone(value) : normalizeEmail(value);
    if (!normalized) throw badField('value', channel === 'SMS' ? 'Номер телефона указан с ошибкой' : 'Адрес электронной почты указан с ошибкой');
    if (channel === 'SMS' && !phoneCountryAllowed(normalized, this.deps.config.SMS_ALLOWED_COUNTRY_CODES)) throw badField('value', PHONE_COUNTRY_REFUSED);
    if ((channel === 'SMS' ? user.phone : user.email) === normalized) throw badField('value', 'Это ваш текущий контакт');
    // The limits come before the look-up; a contact of another account gets a challenge of the
    // same shape that sends nothing and can never be confirmed, and that contact's owner is told.
    await this.challenges.limitSending(normalized, meta);
    const taken = await this.deps.users.findUserByLogin(this.deps.db, { kind: channel === 'SMS' ? 'phone' : 'email', value: normalized });
    const row = await this.deps.db.transaction(async (tx) => {
      if (taken) {
        await this.journal.notifySecurity(tx, taken, 'security.contact_claim_attempt', { contact: channel === 'SMS' ? 'номер телефона' : 'адрес электронной почты' });
        return this.challenges.createUnconfirmable(tx, { purpose: 'CONTACT_CHANGE', channel, userId: user.id, contact: normalized }, meta);
      }
      const payload = { contactChannel: channel, value: normalized };
      return this.challenges.create(tx, { purpose: 'CONTACT_CHANGE', channel, userId: user.id, destination: normalized, payload }, meta);
    });
    return this.challenges.view(row);
  }

  async confirmContactChange(viewer: Viewer, challengeId: string, code: string, meta: RequestMeta): Promise<UserRow> {
    const user = await this.requireUser(viewer);
    const challenge = await this.challenges.check({ challengeId, code, purpose: 'CONTACT_CHANGE', userId: user.id });
    const { contactChannel, value } = challenge.payload as { contactChannel: 'SMS' | 'EMAIL'; value: string };
    return this.deps.db.transaction(async (tx) => {
      await this.challenges.consume(tx, challenge.id);
      const updated = await this.deps.users.changeUser(tx, user.id, contactChannel === 'SMS' ? { phone: value, phoneVerified: true } : { email: value, emailVerified: true });
      if (this.deps.users.isWriteConflict(updated)) throw conflict('Этот контакт уже используется в другой учётной записи', 'value');
      await this.journal.record(tx, user.id, 'CONTACT_CHANGED', meta, { channel: contactChannel });
      // The old contact hears of it too: a hijacker changing the phone is noticed.
      await this.journal.notifySecurity(tx, user, 'security.contact_changed', { channel: contactChannel === 'SMS' ? 'номер телефона' : 'адрес электронной почты' });
      return updated;
    });
  }

  async myActivity(viewer: Viewer, first: number, after: string | null | undefined): Promise<Page<ActivityRow>> {
    const user = await this.requireUser(viewer);
    const limit = Math.min(Math.max(first, 1), 100);
    const cursor = after ? decodeCursor(after) : undefined;
    const rows = await activity.listActivity(this.deps.db, { userId: user.id, limit: limit + 1, after: cursor });
    const nodes = rows.slice(0, limit);
    const last = nodes.at(-1);
    return {
      nodes,
      pageInfo: { hasNextPage: rows.length > limit, endCursor: last ? encodeCursor({ at: last.at, id: last.id }) : null },
      totalCount: () => activity.countActivity(this.deps.db, user.id),
    };
  }

  async confirmIdentity(viewer: Viewer, userId: string, meta: RequestMeta): Promise<UserRow> {
    if (!hasRole(viewer, 'OPERATOR', 'ADMIN')) throw forbidden();
    const { staffAccess } = this.deps;
    // A citizen the operator may not see is answered like an unknown id.
    const visible = isUuid(userId) && (await staffAccess.canSeeCitizen(viewer, userId));
    const user = visible ? await this.deps.users.findUserById(this.deps.db, userId) : undefined;
    if (!user) throw notFound('Пользователь');
    if (user.trustLevel === 'CONFIRMED') {
      await staffAccess.record(viewer, [{ citizenId: user.id, action: 'VIEW_PROFILE', subject: 'профиль' }]);
      return user;
    }
    return this.deps.db.transaction(async (tx) => {
      const now = this.deps.clock.now();
      const updated = await this.deps.users.updateUser(tx, user.id, { trustLevel: 'CONFIRMED', identityConfirmedAt: now, identityConfirmedBy: viewer.userId });
      await this.journal.record(tx, user.id, 'IDENTITY_CONFIRMED', meta, { by: viewer.userId });
      await staffAccess.record(viewer, [{ citizenId: user.id, action: 'CONFIRM_IDENTITY', subject: 'личность' }], tx);
      return updated;
    });
  }

  async createStaffUser(viewer: Viewer, input: StaffUserInput, meta: RequestMeta): Promise<UserRow> {
    if (!hasRole(viewer, 'ADMIN')) throw forbidden();
    return this.createStaff(input, meta, viewer.userId);
  }

  /** Shared by the admin mutation and the operations CLI (which has no viewer). */
  async createStaff(input: StaffUserInput, meta: RequestMeta, createdBy: string | null): Promise<UserRow> {
    const problems: FieldProblem[] = [];
    const phone = normalizePhone(input.phone);
    if (!phone) problems.push({ field: 'phone', message: 'Номер телефона указан с ошибкой' });
    const email = input.email ? normalizeEmail(input.email) : null;
    if (input.email && !email) problems.push({ field: 'email', message: 'Адрес электронной почты указан с ошибкой' });
    for (const field of ['lastName', 'firstName'] as const) if (!stripBidiControls(input[field]).trim()) problems.push({ field, message: 'Поле обязательно' });
    if (input.role === 'CITIZEN') problems.push({ field: 'role', message: 'Сотрудник — это OPERATOR или ADMIN' });
    if (input.role === 'OPERATOR' && !input.branchId) problems.push({ field: 'branchId', message: 'Укажите отделение оператора' });
    if (input.branchId && !isUuid(input.branchId)) problems.push({ field: 'branchId', message: 'Неизвестное отделение' });
    for (const message of checkPassword(input.password, { phone: phone ?? undefined, email: email ?? undefined }, { minLength: this.deps.config.PASSWORD_MIN_LENGTH })) {
      problems.push({ field: 'password', message });
    }
    if (problems.length > 0 || !phone) throw badInput(problems);
    const passwordHash = await hashPassword(input.password);
    return this.deps.db.transaction(async (tx) => {
      const user = await this.deps.users.createUser(tx, {
        phone,
        phoneVerified: true,
        email,
        emailVerified: email !== null,
        passwordHash,
        lastName: stripBidiControls(input.lastName).trim(),
        firstName: stripBidiControls(input.firstName).trim(),
        middleName: stripBidiOptional(input.middleName)?.trim() || null,
        roles: [input.role],
        staffBranchId: input.branchId ?? null,
        trustLevel: 'CONFIRMED',
        createdAt: this.deps.clock.now(),
      });
      if (this.deps.users.isWriteConflict(user)) {
        if (user.conflict === 'UNKNOWN_REFERENCE') throw badField('branchId', 'Неизвестное отделение');
        throw conflict('Пользователь с таким контактом уже есть', user.field ?? 'phone');
      }
      await this.journal.record(tx, user.id, 'STAFF_ACCOUNT_CREATED', meta, { role: input.role, createdBy });
      await this.deps.notifications.notify(tx, {
        userId: user.id,
        template: 'system.staff_account_created',
        vars: { role: input.role === 'ADMIN' ? 'администратора' : 'оператора' },
        subjectType: 'User',
        subjectId: user.id,
      });
      return user;
    });
  }

  private async requireUser(viewer: Viewer): Promise<UserRow> {
    const user = await this.deps.users.findUserById(this.deps.db, viewer.userId);
    if (!user) throw unauthenticated();
    return user;
  }
}
