/**
 * The JWT signing keys as the token code sees them: one key that signs now, and the keys (by
 * `kid`) that still verify. The store itself (generation, rotation, the `signing_keys` table) is
 * the system module's SigningKeyStore; shared code knows only this port, so it imports no database.
 */
import type { CryptoKey } from 'jose';

export const JWT_ALG = 'ES256';

export interface KeyStore {
  /** The key new tokens are signed with; throws before the keys are loaded. */
  signingKey(): { kid: string; key: CryptoKey };
  /** The key that verifies tokens signed under `kid`, or null when none does (unknown or retired). */
  verificationKey(kid: string | undefined): CryptoKey | Uint8Array | null;
}
