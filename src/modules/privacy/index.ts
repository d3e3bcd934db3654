/** The front door of the privacy module: the only file other code imports from it. */
// The door defines GraphQL types: the metadata polyfill loads first.
import 'reflect-metadata';
export { createPrivacyModule, type PrivacyModule, type PrivacyModuleDeps } from './privacy.module.js';
export { StaffAccessService } from './privacy.service.js';
export { DataAccessConnectionResolver, DataAccessResolver } from './privacy.resolver.js';
