/**
 * Builds the identity module: external ways to log in (SSO providers, passkeys, electronic
 * signatures), certificates bound to accounts and the documents signed with them, their
 * resolvers and the prune job of their ceremony challenges. Accounts are reached only through
 * accounts' ExternalAccounts (its front door); signed documents through SignableDocuments.
 */
import 'reflect-metadata';
import type { ModuleParts } from '../../shared/module.js';
import type { ResealCount } from '../../db/reseal.js';
import { resealCertificates } from './certificates.repository.js';
import type { IdentityDeps } from './identity.deps.js';
import { identityJobs } from './identity.jobs.js';
import { LoginChallenges } from './login-challenges.service.js';
import { PasskeysResolver } from './passkeys.resolver.js';
import { PasskeysService } from './passkeys.service.js';
import { SignatureResolver } from './signature.resolver.js';
import { SignatureService } from './signature.service.js';
import { CertificateValidator } from './signature.chain.js';
import { CertificateBindings } from './certificates.service.js';
import { CertificatesResolver, DocumentSignaturesResolver } from './certificates.resolver.js';
import { DocumentSigning } from './document-signing.service.js';
import { SsoResolver } from './sso.resolver.js';
import { SsoService } from './sso.service.js';

export type IdentityModuleDeps = IdentityDeps;

/** The services of the identity module's front door (what src/app.ts keeps in services.identity). */
export interface IdentityServices {
  sso: SsoService;
  passkeys: PasskeysService;
  signature: SignatureService;
  /** Certificates bound to accounts (signing beyond login). */
  certificates: CertificateBindings;
  /** Signing documents with bound certificates, and checking kept signatures. */
  signing: DocumentSigning;
  /** Re-seals bound certificates sealed with an older data key (key rotation). */
  reseal(batchSize: number): Promise<ResealCount>;
}

export type IdentityModule = IdentityServices & ModuleParts;

export function createIdentityModule(deps: IdentityModuleDeps): IdentityModule {
  const sso = new SsoService(deps);
  const passkeys = new PasskeysService(deps);
  // One validator: one revocation cache (CRLs, OCSP answers) for logins, bindings and documents.
  const validator = new CertificateValidator(deps);
  const signature = new SignatureService(deps, validator);
  const certificates = new CertificateBindings(deps, validator);
  const signing = new DocumentSigning(deps, validator, certificates);
  return {
    sso,
    passkeys,
    signature,
    certificates,
    signing,
    reseal: (batchSize) => resealCertificates(deps.db, deps.cipher, batchSize),
    resolvers: [
      new SsoResolver(sso),
      new PasskeysResolver(passkeys),
      new SignatureResolver(signature),
      new CertificatesResolver(certificates),
      new DocumentSignaturesResolver(signing),
    ],
    ...identityJobs({ clock: deps.clock, challenges: new LoginChallenges(deps) }),
  };
}
