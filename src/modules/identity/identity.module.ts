/**
 * Builds the identity module: external ways to log in (SSO providers, passkeys, electronic
 * signatures), their resolvers and the prune job of their ceremony challenges. Accounts are
 * reached only through accounts' ExternalAccounts (its front door).
 */
import 'reflect-metadata';
import type { ModuleParts } from '../../shared/module.js';
import type { IdentityDeps } from './identity.deps.js';
import { identityJobs } from './identity.jobs.js';
import { LoginChallenges } from './login-challenges.service.js';
import { PasskeysResolver } from './passkeys.resolver.js';
import { PasskeysService } from './passkeys.service.js';
import { SignatureResolver } from './signature.resolver.js';
import { SignatureService } from './signature.service.js';
import { SsoResolver } from './sso.resolver.js';
import { SsoService } from './sso.service.js';

export type IdentityModuleDeps = IdentityDeps;

/** The services of the identity module's front door (what src/app.ts keeps in services.identity). */
export interface IdentityServices {
  sso: SsoService;
  passkeys: PasskeysService;
  signature: SignatureService;
}

export type IdentityModule = IdentityServices & ModuleParts;

export function createIdentityModule(deps: IdentityModuleDeps): IdentityModule {
  const sso = new SsoService(deps);
  const passkeys = new PasskeysService(deps);
  const signature = new SignatureService(deps);
  return {
    sso,
    passkeys,
    signature,
    resolvers: [new SsoResolver(sso), new PasskeysResolver(passkeys), new SignatureResolver(signature)],
    ...identityJobs({ clock: deps.clock, challenges: new LoginChallenges(deps) }),
  };
}
