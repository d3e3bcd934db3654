/**
 * JWT signing keys (ES256). From the environment when JWT_PRIVATE_KEY is given (with previous
 * public keys for a rotation); otherwise generated and kept in `signing_keys`, so every instance
 * signs with the same key and verifies all of them. A generated key signs for
 * JWT_KEY_ROTATION_DAYS, then a new one takes over while the old one keeps verifying until the
 * last token it signed has expired. Implements the KeyStore port of src/shared/auth/keys.ts, which
 * is all the token code knows of it.
 */
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, importPKCS8, type CryptoKey, type JWK } from 'jose';
import { z } from 'zod';
import type { Config } from '../../config/env.js';
import type { Database } from '../../db/client.js';
import type { FieldCipher } from '../../shared/crypto/field-cipher.js';
import { JWT_ALG, type KeyStore } from '../../shared/auth/keys.js';
import type { Clock } from '../../shared/clock.js';
import * as repo from './system.repository.js';

interface VerifyKey {
  key: CryptoKey | Uint8Array;
  verifyUntil: Date | null;
}

interface SigningKey {
  kid: string;
  key: CryptoKey;
  signUntil: Date | null;
}

export class SigningKeyStore implements KeyStore {
  private signing: SigningKey | null = null;
  private verifying = new Map<string, VerifyKey>();

  constructor(private readonly deps: { config: Config; db: Database; clock: Clock; cipher: FieldCipher }) {}

  /** Loads (and where needed creates) the keys; call at start and then periodically. */
  async refresh(): Promise<void> {
    const { config } = this.deps;
    if (config.JWT_PRIVATE_KEY && config.JWT_KEY_ID) {
      await this.loadFromEnvironment(config.JWT_PRIVATE_KEY, config.JWT_KEY_ID);
      return;
    }
    await this.ensureGeneratedKey();
    const now = this.deps.clock.now();
    const rows = await repo.listVerifyingKeys(this.deps.db, this.deps.cipher, now);
    const verifying = new Map<string, VerifyKey>();
    let signing: SigningKey | null = null;
    for (const row of rows) {
      verifying.set(row.kid, { key: await importJWK(row.publicJwk as JWK, row.alg), verifyUntil: row.verifyUntil });
      if (!signing && row.signUntil > now) {
        signing = { kid: row.kid, key: (await importJWK(row.privateJwk as JWK, row.alg)) as CryptoKey, signUntil: row.signUntil };
      }
    }
    if (!signing) throw new Error('no usable JWT signing key');
    this.signing = signing;
    this.verifying = verifying;
  }

  signingKey(): { kid: string; key: CryptoKey } {
    if (!this.signing) throw new Error('KeyStore.refresh() has not run');
    return this.signing;
  }

  verificationKey(kid: string | undefined): CryptoKey | Uint8Array | null {
    if (!kid) return null;
    const k = this.verifying.get(kid);
    if (!k) return null;
    if (k.verifyUntil && k.verifyUntil <= this.deps.clock.now()) return null;
    return k.key;
  }

  private async loadFromEnvironment(privateKey: string, keyId: string): Promise<void> {
    const key = await importPKCS8(privateKey, JWT_ALG, { extractable: true });
    const publicJwk = await exportJWK(key);
    delete publicJwk.d;
    const verifying = new Map<string, VerifyKey>();
    verifying.set(keyId, { key: await importJWK(publicJwk, JWT_ALG), verifyUntil: null });
    for (const jwk of parsePrevious(this.deps.config.JWT_PREVIOUS_PUBLIC_KEYS)) {
      verifying.set(jwk.kid, { key: await importJWK(jwk, JWT_ALG), verifyUntil: null });
    }
    this.signing = { kid: keyId, key, signUntil: null };
    this.verifying = verifying;
  }

  /** Inserts a new key when none signs any more (the repository makes instances agree on one). */
  private async ensureGeneratedKey(): Promise<void> {
    const { db, clock, config } = this.deps;
    const now = clock.now();
    if (await repo.hasSigningKey(db, now)) return;
    await repo.insertSigningKeyUnlessPresent(db, this.deps.cipher, now, async () => {
      const { privateKey, publicKey } = await generateKeyPair(JWT_ALG, { extractable: true });
      const kid = randomUUID();
      const signUntil = new Date(now.getTime() + config.JWT_KEY_ROTATION_DAYS * 86_400_000);
      // The last token signed just before signUntil lives ACCESS_TOKEN_TTL more; keep a margin.
      const verifyUntil = new Date(signUntil.getTime() + config.ACCESS_TOKEN_TTL_SECONDS * 1000 + 3_600_000);
      return {
        kid,
        alg: JWT_ALG,
        privateJwk: { ...(await exportJWK(privateKey)), kid },
        publicJwk: { ...(await exportJWK(publicKey)), kid },
        createdAt: now,
        signUntil,
        verifyUntil,
      };
    });
  }
}

const previousKeys = z.array(z.object({ kid: z.string() }).loose());

function parsePrevious(raw: string | undefined): Array<JWK & { kid: string }> {
  if (!raw) return [];
  return previousKeys.parse(JSON.parse(raw));
}
