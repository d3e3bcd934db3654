/**
 * API keys: the secret's shape, its keyed hash (what is stored), the prefix shown to tell keys
 * apart, and the Authorization header's two schemes. Pure functions; see api-keys.rules.test.ts.
 */
import { createHmac, randomBytes } from 'node:crypto';

/** `mfc_` + 32 random bytes in base64url: 256 bits, URL- and header-safe. */
export const newApiKeySecret = (): string => `mfc_${randomBytes(32).toString('base64url')}`;

/** The first characters of a key (`mfc_` and 8 more), shown in lists; never enough to guess it. */
export const keyPrefixOf = (secret: string): string => secret.slice(0, 12);

/** HMAC-SHA256 of the secret with the server's key (hex): a leaked table does not give keys nor lets them be checked offline. */
export const hashApiKey = (hashKey: string, secret: string): string => createHmac('sha256', hashKey).update(secret).digest('hex');

export const looksLikeApiKey = (secret: string): boolean => /^mfc_[A-Za-z0-9_-]{43}$/.test(secret);
