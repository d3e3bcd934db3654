/** What the accounts services need from the application; createAccountsModule builds it once. */
import type { Config } from '../../config/env.js';
import type { Database } from '../../db/client.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import type { RateLimiter } from '../../shared/rate-limit.js';
import type { TokenService } from '../../shared/auth/tokens.js';
import type { StaffAccess } from '../../shared/staff-access.js';
import type { NotificationsService } from '../notifications/index.js';
import type { UsersRepository } from './accounts.repository.js';

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
  /** The notification outbox: codes and security messages are written in the caller's transaction. */
  notifications: Pick<NotificationsService, 'notify'>;
  rateLimiter: RateLimiter;
  /** Key of the keyed hashes (SNILS/INN look-ups, stored codes, refresh tokens). */
  hashKey: string;
  /** The users table, sealing SNILS, INN and TOTP secrets at rest. */
  users: UsersRepository;
  sessionEvents: SessionEvents;
  /** Which citizens a staff member may see, and the record of what they saw. */
  staffAccess: StaffAccess;
}
