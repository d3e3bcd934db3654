/**
 * Keyed hashes of personal identifiers. SNILS and INN are looked up through an HMAC column, so
 * the plain values are never index keys and a database dump alone does not reveal who is who by
 * scanning an index. The key is DATA_HASH_KEY (or a generated secret shared through the database).
 */
import { createHmac } from 'node:crypto';

export type PiiKind = 'snils' | 'inn' | 'login' | 'ratelimit';

export function piiHash(key: string, kind: PiiKind, value: string): string {
  return createHmac('sha256', key).update(`${kind}:${value}`).digest('hex');
}
