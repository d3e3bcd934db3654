/**
 * The identity module's pure rules: how a provider's claims become account fields (through the
 * provider's claim mapping, trusting only what it says it verified), how a certificate's subject
 * attributes read, what a passkey may be called and which WebAuthn user handle an account has.
 * No I/O here; identity.rules.test.ts covers each one.
 */
import type { SsoProviderConfig } from '../../config/env.js';
import { AppError, ErrorCode, badField } from '../../shared/errors.js';
import { normalizeEmail, normalizeInn, normalizePhone, normalizeSnils } from '../../shared/identifiers.js';

/** What the account needs from a provider's claims, after the claim mapping. */
export interface SsoIdentity {
  issuer: string;
  subject: string;
  snils: string | null;
  snilsVerified: boolean;
  inn: string | null;
  phone: string | null;
  phoneVerified: boolean;
  email: string | null;
  emailVerified: boolean;
  lastName: string | null;
  firstName: string | null;
  middleName: string | null;
  birthDate: string | null;
  confirmed: boolean;
}

/** Why an SSO login failed, in extensions.reason (the message stays general for the citizen). */
export type SsoFailure = 'STATE_INVALID' | 'PROVIDER_REJECTED' | 'ID_TOKEN_INVALID';

export const ssoFailed = (reason: SsoFailure) =>
  new AppError(ErrorCode.UNAUTHENTICATED, 'Не удалось войти через внешнюю учётную запись. Начните вход заново', { reason });

/** Reads the account fields out of the claims through the provider's claim mapping. */
export function mapClaims(provider: SsoProviderConfig, claims: Record<string, unknown>): SsoIdentity {
  const m = provider.claims;
  const text = (path: string): string | null => {
    const v = claimAt(claims, path);
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null;
  };
  const flag = (how: string | boolean): boolean => (typeof how === 'boolean' ? how : claimAt(claims, how) === true);
  const iss = claims.iss;
  const sub = claims.sub;
  if (typeof iss !== 'string' || typeof sub !== 'string') throw ssoFailed('ID_TOKEN_INVALID');
  const phone = text(m.phone);
  const email = text(m.email);
  const snils = text(m.snils);
  const inn = text(m.inn);
  const birthDate = text(m.birthDate);
  const normalizedInn = inn ? normalizeInn(inn) : null;
  return {
    issuer: iss,
    subject: sub,
    snils: snils ? normalizeSnils(snils) : null,
    snilsVerified: flag(m.snilsVerified),
    inn: normalizedInn?.length === 12 ? normalizedInn : null,
    phone: phone ? normalizePhone(phone) : null,
    phoneVerified: flag(m.phoneVerified),
    email: email ? normalizeEmail(email) : null,
    emailVerified: flag(m.emailVerified),
    lastName: text(m.lastName),
    firstName: text(m.firstName),
    middleName: text(m.middleName),
    birthDate: birthDate && /^\d{4}-\d{2}-\d{2}$/.test(birthDate) ? birthDate : null,
    confirmed: provider.confirmedWhen ? claimAt(claims, provider.confirmedWhen.claim) === provider.confirmedWhen.equals : false,
  };
}

function claimAt(claims: Record<string, unknown>, path: string): unknown {
  let v: unknown = claims;
  for (const part of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

/**
 * The text of a subject attribute. Russian qualified certificates encode SNILS and INN as
 * NumericString, which @peculiar/x509 answers as the hex of the whole DER value (tag 0x12).
 */
export function attributeText(value: string): string {
  const m = /^12([0-9a-f]{2})((?:3[0-9])*)$/i.exec(value);
  if (m?.[1] && m[2] !== undefined && parseInt(m[1], 16) * 2 === m[2].length) return Buffer.from(m[2], 'hex').toString('ascii');
  return value.trim();
}

/** Longest name of a passkey. */
export const PASSKEY_NAME_MAX = 60;

/** What the owner calls a passkey: spaces collapsed, "Ключ доступа" when blank, at most PASSKEY_NAME_MAX. */
export function passkeyName(input: string | null | undefined): string {
  const name = (input ?? '').trim().replace(/\s+/g, ' ') || 'Ключ доступа';
  if (name.length > PASSKEY_NAME_MAX) throw badField('name', `Не длиннее ${PASSKEY_NAME_MAX} символов`);
  return name;
}

/** The WebAuthn user handle of an account: its id, which is no personal data. */
export function userHandle(userId: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(userId, 'utf8'));
}

/**
 * WebAuthn §6.1.1: a signature counter must grow with every assertion, unless the authenticator
 * keeps none (both stored and received are 0). Checked here rather than by the library, so that a
 * genuine signature with a stale counter (a cloned authenticator) has a reason of its own.
 */
export function counterIncreased(stored: number, received: number): boolean {
  if (stored === 0 && received === 0) return true;
  return received > stored;
}
