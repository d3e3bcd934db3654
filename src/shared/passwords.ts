/** Password hashing with argon2id (OWASP parameters); unknown logins cost the same as known ones. */
import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id is a const enum in the typings; isolated transpilers (vitest) cannot inline it.
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;

/** Spends the time of a real verification, so "no such login" cannot be told by the clock. */
export async function verifyAgainstDummy(password: string): Promise<boolean> {
  dummy ??= hashPassword('dummy-password-for-timing');
  await verifyPassword(await dummy, password);
  return false;
}
