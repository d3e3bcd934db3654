/**
 * The system module: process-wide state every instance must agree on (the JWT signing keys and
 * the generated secrets), kept in the database. createSystemModule loads the keys before anything
 * signs a token and refreshes them every KEY_REFRESH_MS (a rotation made by another instance is
 * picked up); close() stops the refresh.
 */
import { randomBytes } from 'node:crypto';
import type { Config } from '../../config/env.js';
import type { Database } from '../../db/client.js';
import type { ResealCount } from '../../db/reseal.js';
import { FieldCipher, parseKey } from '../../shared/crypto/field-cipher.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import type { ModuleParts } from '../../shared/module.js';
import { SigningKeyStore } from './keys.service.js';
import { loadOrCreateSecret } from './secrets.service.js';
import * as repo from './system.repository.js';

const KEY_REFRESH_MS = 10 * 60_000;

export interface SystemModuleDeps {
  config: Config;
  log: Logger;
  clock: Clock;
  db: Database;
}

export interface SystemModule extends ModuleParts {
  keys: SigningKeyStore;
  /** Seals values at rest (DATA_ENCRYPTION_KEY, or a generated key kept like DATA_HASH_KEY outside production). */
  cipher: FieldCipher;
  /** Re-seals the signing keys not sealed with the current data key (rotate-data-key). */
  reseal(batchSize: number): Promise<ResealCount>;
  /** A shared secret: from the environment when given, else generated once and stored. */
  secret(name: string, fromEnv?: string, generate?: () => string): Promise<string>;
  close(): Promise<void>;
}

export async function createSystemModule(deps: SystemModuleDeps): Promise<SystemModule> {
  const { config, log, clock, db } = deps;
  const cipher = await dataCipher(db, config);
  const keys = new SigningKeyStore({ config, db, clock, cipher });
  await keys.refresh();
  const timer = setInterval(() => {
    keys.refresh().catch((err: unknown) => log.error({ err }, 'signing key refresh failed'));
  }, KEY_REFRESH_MS);
  timer.unref();
  return {
    keys,
    cipher,
    reseal: (batchSize) => repo.resealSigningKeys(db, cipher, batchSize),
    secret: (name, fromEnv, generate) => loadOrCreateSecret(db, name, fromEnv, generate),
    resolvers: [],
    close() {
      clearInterval(timer);
      return Promise.resolve();
    },
  };
}

/** The data cipher: the configured key (required in production) or one generated once and shared. */
async function dataCipher(db: Database, config: Config): Promise<FieldCipher> {
  const current = await loadOrCreateSecret(db, 'data_encryption_key', config.DATA_ENCRYPTION_KEY, () => randomBytes(32).toString('base64'));
  const previous = config.DATA_ENCRYPTION_PREVIOUS_KEYS.split(',').map((k) => k.trim()).filter(Boolean);
  return new FieldCipher(parseKey(current), previous.map(parseKey));
}
