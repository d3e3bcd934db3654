/** The front door of the family module: the only file other code imports from it. */
// The door defines GraphQL types: the metadata polyfill loads first, whoever imports the door first (a job contract in a test).
import 'reflect-metadata';
export { createFamilyModule, type FamilyModule, type FamilyModuleDeps } from './family.module.js';
export { releaseAdults } from './family.jobs.js';
export { ApplicationDependantResolver, BookingDependantResolver, DependantResolver, UserDependantsResolver } from './family.resolver.js';
export { ProfileChangeResolver } from './profile-changes.resolver.js';
