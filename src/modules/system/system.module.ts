/**
 * The system module: process-wide state every instance must agree on (the JWT signing keys and
 * the generated secrets), kept in the database. createSystemModule loads the keys before anything
 * signs a token and refreshes them every KEY_REFRESH_MS (a rotation made by another instance is
 * picked up); close() stops the refresh.
 */
import type { Config } from '../../config/env.js';
import type { Database } from '../../db/client.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import type { ModuleParts } from '../../shared/module.js';
import { SigningKeyStore } from './keys.service.js';
import { loadOrCreateSecret } from './secrets.service.js';

const KEY_REFRESH_MS = 10 * 60_000;

export interface SystemModuleDeps {
  config: Config;
  log: Logger;
  clock: Clock;
  db: Database;
}

export interface SystemModule extends ModuleParts {
  keys: SigningKeyStore;
  /** A shared secret: from the environment when given, else generated once and stored. */
  secret(name: string, fromEnv?: string, generate?: () => string): Promise<string>;
  close(): Promise<void>;
}

export async function createSystemModule(deps: SystemModuleDeps): Promise<SystemModule> {
  const { config, log, clock, db } = deps;
  const keys = new SigningKeyStore({ config, db, clock });
  await keys.refresh();
  const timer = setInterval(() => {
    keys.refresh().catch((err: unknown) => log.error({ err }, 'signing key refresh failed'));
  }, KEY_REFRESH_MS);
  timer.unref();
  return {
    keys,
    secret: (name, fromEnv, generate) => loadOrCreateSecret(db, name, fromEnv, generate),
    resolvers: [],
    close() {
      clearInterval(timer);
      return Promise.resolve();
    },
  };
}
