/** The front door of the accounts module: the only file other code imports from it. */
export type { AccountsDeps, RequestMeta } from './accounts.deps.js';
export { toAuthPayload, toUser } from './accounts.mappers.js';
export { AuthPayload, TrustLevel, User } from './accounts.types.js';
export { AuthResolver } from './auth.resolver.js';
export { AuthService } from './auth.service.js';
export type { AuthPayloadView } from './auth.service.js';
export { ChallengeService } from './challenges.service.js';
export { CredentialsService } from './credentials.service.js';
export { VerifiedIdentifiers } from './identifiers.service.js';
export type { IdentifierKind } from './identifiers.service.js';
export { ActivityConnectionResolver, ProfileResolver } from './profile.resolver.js';
export { ProfileService } from './profile.service.js';
export { SessionGuard } from './session-guard.js';
export { createAccountsDirectory, type AccountsDirectory } from './accounts.directory.js';
export type { UserRow } from './accounts.repository.js';
export { UserNotificationPreferencesResolver } from './notification-preferences.resolver.js';
