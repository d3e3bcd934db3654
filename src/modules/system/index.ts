/** The front door of the system module: the only file other code imports from it. */
export { createSystemModule, type SystemModule, type SystemModuleDeps } from './system.module.js';
export { SigningKeyStore } from './keys.service.js';
export { loadOrCreateSecret } from './secrets.service.js';
