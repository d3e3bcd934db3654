/**
 * Encryption at rest of single values (SNILS, INN, document numbers, TOTP secrets, private keys):
 * AES-256-GCM with a random 96-bit nonce per value, stored as text
 * `enc:v1:<key id>:<nonce>:<ciphertext+tag>` (base64url parts) in the column the plain value had.
 *
 * Keys rotate: the current key (DATA_ENCRYPTION_KEY) seals, every known key (the current one and
 * DATA_ENCRYPTION_PREVIOUS_KEYS) opens, found by the key id each value carries (the first 8 bytes of
 * the key's SHA-256, so ids need no naming). `needsResealing` tells the rotation job which values
 * are sealed with an older key, or not sealed at all (rows written before encryption was on).
 * Look-ups never use these values: they go through keyed hashes (src/shared/pii.ts).
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const PREFIX = 'enc:v1:';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export class FieldCipherError extends Error {}

function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest().subarray(0, 8).toString('base64url');
}

/** A 32-byte key from its base64 (or base64url) text; anything else is a configuration error. */
export function parseKey(text: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw new FieldCipherError('a data encryption key is 32 bytes in base64 (openssl rand -base64 32)');
  return key;
}

export class FieldCipher {
  private readonly current: { id: string; key: Buffer };
  private readonly byId = new Map<string, Buffer>();

  constructor(current: Buffer, previous: readonly Buffer[] = []) {
    this.current = { id: keyIdOf(current), key: current };
    for (const k of [current, ...previous]) this.byId.set(keyIdOf(k), k);
  }

  get keyId(): string {
    return this.current.id;
  }

  seal(plain: string): string;
  seal(plain: string | null): string | null;
  seal(plain: string | null): string | null {
    if (plain === null) return null;
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, nonce);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${PREFIX}${this.current.id}:${nonce.toString('base64url')}:${body.toString('base64url')}`;
  }

  /** The plain value. A value never sealed (written before encryption) is returned as it is. */
  open(stored: string): string;
  open(stored: string | null): string | null;
  open(stored: string | null): string | null {
    if (stored === null || !isSealed(stored)) return stored;
    const [kid, nonceText, bodyText] = stored.slice(PREFIX.length).split(':');
    const key = kid ? this.byId.get(kid) : undefined;
    if (!key || !nonceText || !bodyText) throw new FieldCipherError(`no data encryption key with id ${kid ?? '?'}: was DATA_ENCRYPTION_PREVIOUS_KEYS trimmed too early?`);
    const body = Buffer.from(bodyText, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonceText, 'base64url'));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new FieldCipherError('a sealed value does not authenticate: it was altered or sealed with another key of the same id');
    }
  }

  /** Whether the value should be sealed again with the current key (older key, or plain text). */
  needsResealing(stored: string | null): boolean {
    if (stored === null) return false;
    return !stored.startsWith(`${PREFIX}${this.current.id}:`);
  }
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(PREFIX);
}
