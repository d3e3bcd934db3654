/** Process-wide state every instance must agree on: JWT signing keys and generated secrets. */
import { jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';

export const signingKeys = pgTable('signing_keys', {
  kid: text('kid').primaryKey(),
  alg: text('alg').notNull(),
  privateJwk: jsonb('private_jwk').$type<Record<string, unknown>>().notNull(),
  publicJwk: jsonb('public_jwk').$type<Record<string, unknown>>().notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  /** After this moment the key no longer signs; it verifies until its last token expires. */
  signUntil: ts('sign_until').notNull(),
  verifyUntil: ts('verify_until').notNull(),
});

export const appSecrets = pgTable('app_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});
