/** The front door of the identity module: the only file other code imports from it. */
export { createIdentityModule, type IdentityModule, type IdentityModuleDeps, type IdentityServices } from './identity.module.js';
export { pruneLoginChallenges } from './identity.jobs.js';
export { PasskeysResolver } from './passkeys.resolver.js';
export type { PasskeysService } from './passkeys.service.js';
export { SignatureResolver } from './signature.resolver.js';
export type { SignatureService } from './signature.service.js';
export { CertificatesResolver, DocumentSignaturesResolver } from './certificates.resolver.js';
export type { SignableDocument, SignableDocuments, SignedDocumentKind } from './identity.deps.js';
export { SsoResolver } from './sso.resolver.js';
export type { SsoService } from './sso.service.js';
/** GOST R 34.10-2012 / Streebog in the encodings of X.509 and CMS (also for test PKIs and clients). */
export { digestOidFor, gostGenerateKey, gostSign, gostVerify, keyOidFor, signOidFor, streebog, type GostBits } from './gost.crypto.js';
export { gostPrivateKeyPem, signGostCms } from './gost.sign.js';
export { verifyGostCms } from './gost.cms.js';
export { gostKeyOf } from './gost.x509.js';
