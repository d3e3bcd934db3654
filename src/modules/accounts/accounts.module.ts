/**
 * Builds the accounts module: its services (password login, sessions, credentials, profile,
 * verified identifiers, what external logins may do), the session guard the transport asks about
 * bearer tokens, the resolvers, node(id) for User and Session, and the prune job. Session
 * revocations are broadcast to every API instance over a Redis channel (publisher and subscriber
 * are infrastructure deps) so cached "alive" answers and the session's sockets drop at once.
 */
import 'reflect-metadata';
import type { Redis } from 'ioredis';
import type { Config } from '../../config/env.js';
import type { Database } from '../../db/client.js';
import type { ResealCount } from '../../db/reseal.js';
import type { FieldCipher } from '../../shared/crypto/field-cipher.js';
import type { TokenService } from '../../shared/auth/tokens.js';
import type { Clock } from '../../shared/clock.js';
import { nodeType } from '../../shared/graphql/relay.js';
import type { Logger } from '../../shared/logger.js';
import type { ModuleParts } from '../../shared/module.js';
import type { RateLimiter } from '../../shared/rate-limit.js';
import type { StaffAccess } from '../../shared/staff-access.js';
import type { AccountsDeps, SessionEvents } from './accounts.deps.js';
import { accountsJobs } from './accounts.jobs.js';
import { toSession, toUser } from './accounts.mappers.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { ChallengeService } from './challenges.service.js';
import { CredentialsService } from './credentials.service.js';
import { ExternalAccounts } from './external-accounts.service.js';
import { StaffAdmin } from './staff.service.js';
import { StaffResolver } from './staff.resolver.js';
import { VerifiedIdentifiers } from './identifiers.service.js';
import { AccountJournal } from './journal.service.js';
import { ActivityConnectionResolver, ProfileResolver } from './profile.resolver.js';
import { ProfileService } from './profile.service.js';
import { AccountSeeding } from './seeding.service.js';
import { SessionGuard } from './session-guard.js';
import { SessionService } from './sessions.service.js';
import { LoginAttempts } from './login-attempts.js';
import { AccountDocuments } from './accounts.documents.js';
import { createAccountsDirectory, type AccountsDirectory } from './accounts.directory.js';
import { createUsersRepository } from './accounts.repository.js';
import { UserNotificationPreferencesResolver } from './notification-preferences.resolver.js';
import type { NotificationPreferencesService } from '../notifications/index.js';

const REVOKED_CHANNEL = 'sessions:revoked';

export interface AccountsModuleDeps {
  config: Config;
  log: Logger;
  clock: Clock;
  db: Database;
  tokens: TokenService;
  notifications: AccountsDeps['notifications'];
  /** Notifications' preferences, for the User.notificationPreferences field (accounts may use that door). */
  preferences: NotificationPreferencesService;
  rateLimiter: RateLimiter;
  hashKey: string;
  /** Seals personal identifiers and TOTP secrets at rest (the system module's data key). */
  cipher: FieldCipher;
  /** Redis connections for the revocation broadcast: commands fail fast on the publisher. */
  redis: { publisher: Redis; subscriber: Redis };
  /** The privacy rule: which citizens staff may see (src/app.ts fills it). */
  staffAccess: StaffAccess;
}

/** The services of the accounts module's front door (what src/app.ts keeps in services.accounts). */
export interface AccountsServices {
  auth: AuthService;
  sessionService: SessionService;
  credentials: CredentialsService;
  profile: ProfileService;
  challenges: ChallengeService;
  /** What the transport asks about bearer tokens (HTTP, WebSocket). */
  sessions: SessionGuard;
  identifiers: VerifiedIdentifiers;
  external: ExternalAccounts;
  seeding: AccountSeeding;
  /** Profile and trust writes caused by personal documents (the documents module's way in). */
  documents: AccountDocuments;
  /** Users other modules may read (a read-only directory). */
  directory: AccountsDirectory;
  /** Admins' management of staff accounts (list, edit, deactivate, reactivate). */
  staff: StaffAdmin;
  reseal(batchSize: number): Promise<ResealCount>;
}

export type AccountsModule = AccountsServices & ModuleParts;

export async function createAccountsModule(deps: AccountsModuleDeps): Promise<AccountsModule> {
  const { clock } = deps;
  let guard: SessionGuard | null = null;
  const sessionEvents = revocationBroadcast(deps, (ids) => guard?.forget(ids));
  const users = createUsersRepository(deps.cipher);
  const base: AccountsDeps = { ...deps, users, sessionEvents };
  guard = new SessionGuard(base);
  await listenForRevocations(deps, guard);

  const journal = new AccountJournal(base);
  const challenges = new ChallengeService(base);
  const sessionService = new SessionService(base, journal);
  const attempts = new LoginAttempts({
    redis: deps.redis.publisher,
    prefix: deps.config.REDIS_PREFIX,
    hashKey: deps.hashKey,
    log: deps.log,
    threshold: deps.config.LOCKOUT_THRESHOLD,
    lockMinutes: deps.config.LOCKOUT_MINUTES,
  });
  const auth = new AuthService(base, challenges, sessionService, journal, attempts);
  const credentials = new CredentialsService(base, challenges, auth, journal);
  const profile = new ProfileService(base, challenges, journal);
  const identifiers = new VerifiedIdentifiers(base, journal);
  const external = new ExternalAccounts(base, identifiers, sessionService, journal, challenges);
  const staff = new StaffAdmin(base, journal);
  return {
    staff,
    auth,
    sessionService,
    credentials,
    profile,
    challenges,
    sessions: guard,
    identifiers,
    external,
    seeding: new AccountSeeding(base),
    documents: new AccountDocuments({ clock, hashKey: deps.hashKey, users, identifiers }),
    directory: createAccountsDirectory(deps.db, deps.cipher, deps.hashKey),
    /** Re-seals SNILS, INN and TOTP secrets not sealed with the current key (rotate-data-key). */
    reseal: (batchSize) => users.reseal(deps.db, batchSize),
    resolvers: [
      new AuthResolver(auth, sessionService, challenges, credentials),
      new ProfileResolver(profile),
      new StaffResolver(staff),
      new ActivityConnectionResolver(),
      new UserNotificationPreferencesResolver(deps.preferences),
    ],
    nodes: [
      nodeType('User', (viewer, id) => profile.userById(viewer, id), (row) => toUser(row)),
      nodeType('Session', (viewer, id) => sessionService.session(viewer, id), (s) => toSession(s)),
    ],
    ...accountsJobs({ clock, challenges, db: deps.db, journalRetentionDays: deps.config.ACTIVITY_RETENTION_DAYS }),
  };
}

function revocationChannel(deps: AccountsModuleDeps): string {
  return `${deps.config.REDIS_PREFIX}${REVOKED_CHANNEL}`;
}

/** Revocations made here: forgotten locally at once, then told to the other instances. */
function revocationBroadcast(deps: AccountsModuleDeps, forget: (ids: string[]) => void): SessionEvents {
  return {
    async revoked(sessionIds) {
      if (sessionIds.length === 0) return;
      forget(sessionIds);
      try {
        await deps.redis.publisher.publish(revocationChannel(deps), JSON.stringify(sessionIds));
      } catch (err) {
        // Other instances still refuse the session within SESSION_CACHE_SECONDS.
        deps.log.warn({ err }, 'could not broadcast a session revocation');
      }
    },
  };
}

/** Revocations broadcast by other instances (and this one) reach the guard's cache and sockets. */
async function listenForRevocations(deps: AccountsModuleDeps, guard: SessionGuard): Promise<void> {
  const channel = revocationChannel(deps);
  await deps.redis.subscriber.subscribe(channel);
  deps.redis.subscriber.on('message', (from: string, message: string) => {
    if (from !== channel) return;
    try {
      const ids: unknown = JSON.parse(message);
      if (Array.isArray(ids)) guard.forget(ids.filter((x): x is string => typeof x === 'string'));
    } catch {
      deps.log.warn('malformed session revocation message');
    }
  });
}
