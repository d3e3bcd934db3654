/** The front door of the identity module: the only file other code imports from it. */
export { PasskeysResolver } from './passkeys.resolver.js';
export { PasskeysService } from './passkeys.service.js';
export { SignatureResolver } from './signature.resolver.js';
export { SignatureService } from './signature.service.js';
export { SsoResolver } from './sso.resolver.js';
export { SsoService } from './sso.service.js';
