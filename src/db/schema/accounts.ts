/** Accounts: users, their sessions and refresh tokens, one-time code challenges, the activity journal. */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { branches } from './branches.js';
import { trustLevelEnum } from './enums.js';

export { trustLevelEnum };
import { ts } from './columns.js';

export const roleEnum = pgEnum('role', ['CITIZEN', 'OPERATOR', 'ADMIN']);
export const twoFactorMethodEnum = pgEnum('two_factor_method', ['SMS', 'TOTP']);
export const otpChannelEnum = pgEnum('otp_channel', ['SMS', 'EMAIL', 'TOTP']);
export const challengePurposeEnum = pgEnum('challenge_purpose', [
  'REGISTRATION',
  'LOGIN_SECOND_FACTOR',
  'PASSWORD_RESET',
  'CONTACT_CHANGE',
  'CERTIFICATE_BINDING',
]);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    phone: text('phone'),
    email: text('email'),
    phoneVerified: boolean('phone_verified').notNull().default(false),
    emailVerified: boolean('email_verified').notNull().default(false),
    passwordHash: text('password_hash'),
    lastName: text('last_name').notNull(),
    firstName: text('first_name').notNull(),
    middleName: text('middle_name'),
    birthDate: date('birth_date', { mode: 'string' }),
    snils: text('snils'),
    /** Keyed hash (HMAC) of the SNILS: the only indexed form, so the plain value is never an index key. */
    snilsHash: text('snils_hash'),
    /**
     * The SNILS was vouched for by an operator (a verified SNILS document) or a trusted provider
     * (SSO). Only a verified SNILS links an external identity (SSO, signature) to this account; a
     * typed one never does, and gives way to a verified holder elsewhere.
     */
    snilsVerified: boolean('snils_verified').notNull().default(false),
    inn: text('inn'),
    innHash: text('inn_hash'),
    /** As snilsVerified, for the INN. */
    innVerified: boolean('inn_verified').notNull().default(false),
    registrationAddress: text('registration_address'),
    residentialAddress: text('residential_address'),
    trustLevel: trustLevelEnum('trust_level').notNull().default('SIMPLIFIED'),
    roles: roleEnum('roles').array().notNull().default(sql`'{CITIZEN}'::role[]`),
    /** Branch of a staff member (operators). */
    staffBranchId: uuid('staff_branch_id').references((): AnyPgColumn => branches.id, { onDelete: 'set null' }),
    twoFactorMethod: twoFactorMethodEnum('two_factor_method'),
    totpSecret: text('totp_secret'),
    /** Secret shown by beginTotpSetup, active only once a code from it is entered. */
    totpPendingSecret: text('totp_pending_secret'),
    /** TOTP time step of the last accepted code: a code is accepted once. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: ts('locked_until'),
    termsAcceptedAt: ts('terms_accepted_at'),
    identityConfirmedAt: ts('identity_confirmed_at'),
    identityConfirmedBy: uuid('identity_confirmed_by'),
    /** Set when an admin deactivated a staff account: no login by any method, no session. Null: active. */
    deactivatedAt: ts('deactivated_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_phone_key').on(t.phone),
    uniqueIndex('users_email_key').on(t.email),
    uniqueIndex('users_snils_hash_key').on(t.snilsHash),
    uniqueIndex('users_inn_hash_key').on(t.innHash),
    check('users_phone_e164', sql`${t.phone} IS NULL OR ${t.phone} ~ '^\\+[1-9][0-9]{9,14}$'`),
    check('users_email_lower', sql`${t.email} IS NULL OR ${t.email} = lower(${t.email})`),
    check('users_contact_present', sql`${t.phone} IS NOT NULL OR ${t.email} IS NOT NULL`),
    check('users_snils_verified_has_value', sql`NOT ${t.snilsVerified} OR ${t.snilsHash} IS NOT NULL`),
    check('users_inn_verified_has_value', sql`NOT ${t.innVerified} OR ${t.innHash} IS NOT NULL`),
    check('users_failed_login_count', sql`${t.failedLoginCount} >= 0`),
    check('users_roles_nonempty', sql`cardinality(${t.roles}) > 0`),
    check(
      'users_totp_needs_secret',
      sql`${t.twoFactorMethod} IS DISTINCT FROM 'TOTP' OR ${t.totpSecret} IS NOT NULL`,
    ),
  ],
);

/** One login: a refresh-token family. Revoking it ends every token of the family at once. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    userAgent: text('user_agent'),
    ip: text('ip'),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
    revokedReason: text('revoked_reason'),
  },
  (t) => [index('sessions_user_idx').on(t.userId, t.createdAt)],
);

/** Every refresh token ever issued, by hash. A spent one presented again revokes its session. */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    spentAt: ts('spent_at'),
  },
  (t) => [
    uniqueIndex('refresh_tokens_hash_key').on(t.tokenHash),
    index('refresh_tokens_session_idx').on(t.sessionId),
  ],
);

/** A one-time code that was sent and must be entered: registration, second factor, reset, contact change. */
export const challenges = pgTable(
  'challenges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    purpose: challengePurposeEnum('purpose').notNull(),
    channel: otpChannelEnum('channel').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** Phone or e-mail the code went to; null for TOTP and for resets of unknown logins. */
    destination: text('destination'),
    codeHash: text('code_hash'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    resends: integer('resends').notNull().default(0),
    expiresAt: ts('expires_at').notNull(),
    resendAvailableAt: ts('resend_available_at').notNull(),
    consumedAt: ts('consumed_at'),
    /** Purpose-specific data: the pending registration, the new contact, the session's device. */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    ip: text('ip'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('challenges_attempts', sql`${t.attempts} >= 0 AND ${t.attempts} <= ${t.maxAttempts}`),
    check('challenges_resends', sql`${t.resends} >= 0`),
    index('challenges_user_idx').on(t.userId),
    index('challenges_expires_idx').on(t.expiresAt),
  ],
);

/**
 * The user's security journal: logins, failures, locks, password and 2FA changes, new sessions.
 * Partitioned by UTC month of `at` (custom migration 0029, src/db/partitions.ts), so the primary
 * key includes `at`; whole months past ACTIVITY_RETENTION_DAYS are dropped by accounts.pruneJournal.
 */
export const activityEntries = pgTable(
  'activity_entries',
  {
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    at: ts('at').notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [primaryKey({ columns: [t.id, t.at] }), index('activity_entries_user_at_idx').on(t.userId, t.at, t.id)],
);
