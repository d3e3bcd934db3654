/** The front door of the accounts module: the only file other code imports from it. */
export { createAccountsModule, type AccountsModule, type AccountsModuleDeps, type AccountsServices } from './accounts.module.js';
export { toAuthPayload, toUser } from './accounts.mappers.js';
export { AuthPayload, TrustLevel, User } from './accounts.types.js';
export { pruneAccounts } from './accounts.jobs.js';
export type { AuthService } from './auth.service.js';
export type { AuthPayloadView, LoginMethod, SessionService } from './sessions.service.js';
export type { ChallengeService } from './challenges.service.js';
export type { CredentialsService } from './credentials.service.js';
export { VerifiedIdentifiers } from './identifiers.service.js';
export type { IdentifierKind } from './identifiers.service.js';
export type { ExternalAccounts, ExternalClaims } from './external-accounts.service.js';
export type { AccountSeeding, DemoCitizen } from './seeding.service.js';
export type { ProfileService } from './profile.service.js';
export type { SessionGuard } from './session-guard.js';
export { createAccountsDirectory, type AccountsDirectory } from './accounts.directory.js';
export type { UserRow } from './accounts.repository.js';
export { AuthResolver } from './auth.resolver.js';
export { ActivityConnectionResolver, ProfileResolver } from './profile.resolver.js';
