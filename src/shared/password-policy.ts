/**
 * The password policy of DOMAIN.md: at least 8 characters with upper- and lower-case letters, a
 * digit and a special character; common passwords (a blocklist shipped with the project) and
 * passwords built from the user's own phone, e-mail or name are refused. Messages are shown to
 * citizens as they are.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

let blocklist: Set<string> | null = null;

function loadBlocklist(): Set<string> {
  if (blocklist) return blocklist;
  // From src/shared (vitest) or dist/src/shared (built: tsc does not copy .txt, so look in src/).
  const candidates = ['./data/common-passwords.txt', '../../../src/shared/data/common-passwords.txt'].map((p) => fileURLToPath(new URL(p, import.meta.url)));
  const file = candidates.find((p) => existsSync(p));
  if (!file) throw new Error('common-passwords.txt not found');
  blocklist = new Set(readFileSync(file, 'utf8').split('\n').map((l) => l.trim().toLowerCase()).filter(Boolean));
  return blocklist;
}

export function isCommonPassword(password: string): boolean {
  const list = loadBlocklist();
  const lower = password.toLowerCase();
  // Digits and symbols around a common word do not make it less common: "Password1!" is "password".
  const stripped = lower.replace(/[^\p{L}]+$/u, '').replace(/^[^\p{L}]+/u, '');
  return list.has(lower) || (stripped.length > 0 && list.has(stripped));
}

export interface PasswordContext {
  phone?: string;
  email?: string;
  lastName?: string;
  firstName?: string;
}

export function checkPassword(password: string, context: PasswordContext = {}, options: { minLength?: number } = {}): string[] {
  const minLength = options.minLength ?? 8;
  const problems: string[] = [];
  if (password.length < minLength) problems.push(`Пароль должен быть не короче ${minLength} символов`);
  if (password.length > 128) problems.push('Пароль должен быть не длиннее 128 символов');
  if (!/\p{Lu}/u.test(password)) problems.push('Добавьте заглавную букву');
  if (!/\p{Ll}/u.test(password)) problems.push('Добавьте строчную букву');
  if (!/\d/.test(password)) problems.push('Добавьте цифру');
  if (!/[^\p{L}\d\s]/u.test(password)) problems.push('Добавьте специальный символ, например ! или -');
  if (isCommonPassword(password)) problems.push('Этот пароль слишком распространён, придумайте другой');
  const lower = password.toLowerCase();
  const phoneDigits = context.phone?.replace(/\D/g, '').slice(-7);
  const emailLocal = context.email?.split('@')[0]?.toLowerCase();
  const personal = [phoneDigits, emailLocal, context.lastName?.toLowerCase(), context.firstName?.toLowerCase()].filter(
    (x): x is string => typeof x === 'string' && x.length >= 4,
  );
  if (personal.some((p) => lower.includes(p))) problems.push('Пароль не должен содержать ваш телефон, почту или имя');
  return problems;
}
