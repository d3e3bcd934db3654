/**
 * External ways to log in: accounts linked to an OpenID Connect provider (Gosuslugi/ESIA or any
 * other), passkeys (WebAuthn credentials), and the short-lived single-use challenges of the SSO,
 * passkey and electronic-signature ceremonies.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
    /** The holder's distinguished name, sealed (it may carry the SNILS and INN). */
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

export const signedDocumentKindEnum = pgEnum('signed_document_kind', ['APPLICATION_VERSION', 'PROFILE_CHANGE_REQUEST']);

/**
 * An electronic-signature certificate bound to an account (after a code sent to the account's
 * phone and a signature proving the key): only bound certificates sign documents. A certificate
 * is bound to one account at a time (partial unique index on the thumbprint while bound).
 */
export const accountCertificates = pgTable(
  'account_certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** SHA-256 of the certificate's DER, hex. */
    thumbprint: text('thumbprint').notNull(),
    /** The certificate and its intermediate CAs, PEM, leaf first, sealed (the subject names a SNILS). */
    chain: text('chain').notNull(),
    serialNumber: text('serial_number').notNull(),
    subject: text('subject').notNull(),
    issuer: text('issuer').notNull(),
    notBefore: ts('not_before').notNull(),
    notAfter: ts('not_after').notNull(),
    /** Qualified: the certificate's SNILS is the account's verified SNILS (signing with it confirms the identity). */
    qualified: boolean('qualified').notNull(),
    boundAt: ts('bound_at').notNull().defaultNow(),
    unboundAt: ts('unbound_at'),
  },
  (t) => [
    uniqueIndex('account_certificates_bound_key').on(t.thumbprint).where(sql`${t.unboundAt} IS NULL`),
    index('account_certificates_user_idx').on(t.userId, t.boundAt),
  ],
);

/**
 * A signature of a document (an application version, a profile change request) by a bound
 * certificate, over the document's canonical text: kept as received, checked on receipt and again
 * on request against the document as stored then.
 */
export const documentSignatures = pgTable(
  'document_signatures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    certificateId: uuid('certificate_id')
      .notNull()
      .references(() => accountCertificates.id),
    kind: signedDocumentKindEnum('kind').notNull(),
    documentId: uuid('document_id').notNull(),
    /** The application's version; 1 for a profile change request. */
    version: integer('version').notNull(),
    algorithm: text('algorithm').notNull(),
    /** The signature as received (raw or CMS DER), base64. */
    signature: text('signature').notNull(),
    /** SHA-256 of the canonical text that was signed, hex. */
    digest: text('digest').notNull(),
    signedAt: ts('signed_at').notNull().defaultNow(),
  },
  (t) => [index('document_signatures_document_idx').on(t.kind, t.documentId, t.version, t.signedAt)],
);
