/** What the identity services need from the application; createIdentityModule builds it once. */
import type { Config } from '../../config/env.js';
import type { Database } from '../../db/client.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import type { RateLimiter } from '../../shared/rate-limit.js';
import type { ExternalAccounts } from '../accounts/index.js';

export interface IdentityDeps {
  config: Config;
  log: Logger;
  clock: Clock;
  db: Database;
  rateLimiter: RateLimiter;
  /** Key of the keyed hashes (the SSO state's look-up hash). */
  hashKey: string;
  /** What external logins may do with accounts (accounts' door). */
  accounts: ExternalAccounts;
}
