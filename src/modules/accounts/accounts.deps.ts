/** What the accounts services need from the application; built once in src/app.ts. */
import type { Config } from '../../config/env.js';
import type { Database } from '../../db/client.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import type { RateLimiter } from '../../shared/rate-limit.js';
import type { TokenService } from '../../shared/auth/tokens.js';
import type { NotificationsService } from '../notifications/index.js';

export type { RequestMeta } from '../../shared/request-meta.js';

/** Tells every API instance that sessions ended, so cached "alive" answers and sockets drop at once. */
export interface SessionEvents {
  revoked(sessionIds: string[]): Promise<void>;
}

export interface AccountsDeps {
  config: Config;
  log: Logger;
  clock: Clock;
  db: Database;
  tokens: TokenService;
  notifications: NotificationsService;
  rateLimiter: RateLimiter;
  /** Key of the keyed hashes (SNILS/INN look-ups, stored codes, refresh tokens). */
  hashKey: string;
  sessionEvents: SessionEvents;
}
