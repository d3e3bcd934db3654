/**
 * External ways to log in: accounts linked to an OpenID Connect provider (Gosuslugi/ESIA or any
 * other), passkeys (WebAuthn credentials), and the short-lived single-use challenges of the SSO,
 * passkey and electronic-signature ceremonies.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { ts } from './columns.js';

export const loginChallengeKindEnum = pgEnum('login_challenge_kind', [
  'SSO',
  'PASSKEY_REGISTRATION',
  'PASSKEY_LOGIN',
  'SIGNATURE_LOGIN',
]);

/** An account's identity at an OpenID Connect provider: the provider's (issuer, subject) pair. */
export const ssoIdentities = pgTable(
  'sso_identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The configured provider id at the time of linking (for display); the key is (issuer, subject). */
    providerId: text('provider_id').notNull(),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastLoginAt: ts('last_login_at'),
  },
  (t) => [uniqueIndex('sso_identities_issuer_subject_key').on(t.issuer, t.subject), index('sso_identities_user_idx').on(t.userId)],
);

/** A WebAuthn credential (passkey) registered by its owner while logged in. */
export const passkeys = pgTable(
  'passkeys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The credential id as the authenticator made it, base64url. */
    credentialId: text('credential_id').notNull(),
    /** COSE public key, base64url. */
    publicKey: text('public_key').notNull(),
    /** Signature counter last seen; an assertion must bring a larger one (unless both are 0). */
    counter: bigint('counter', { mode: 'number' }).notNull().default(0),
    transports: text('transports').array().notNull().default(sql`'{}'::text[]`),
    deviceType: text('device_type').notNull(),
    backedUp: boolean('backed_up').notNull().default(false),
    aaguid: text('aaguid'),
    name: text('name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastUsedAt: ts('last_used_at'),
  },
  (t) => [
    uniqueIndex('passkeys_credential_id_key').on(t.credentialId),
    index('passkeys_user_idx').on(t.userId),
    check('passkeys_counter', sql`${t.counter} >= 0`),
  ],
);

/**
 * A ceremony in flight: the SSO state (with its PKCE verifier and nonce), a WebAuthn challenge,
 * or a challenge to sign. Single use (consumed_at is set atomically) and short-lived.
 */
export const loginChallenges = pgTable(
  'login_challenges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: loginChallengeKindEnum('kind').notNull(),
    /** Keyed hash of the lookup secret (the SSO state); null where the id is the handle. */
    lookupHash: text('lookup_hash'),
    /** The user the ceremony is for (passkey registration); null for logins. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    ip: text('ip'),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    consumedAt: ts('consumed_at'),
  },
  (t) => [uniqueIndex('login_challenges_lookup_key').on(t.lookupHash), index('login_challenges_expires_idx').on(t.expiresAt)],
);
