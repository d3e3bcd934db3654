/** The front door of the branches module: the only file other code imports from it. */
// The door defines GraphQL types: the metadata polyfill loads first, whoever imports the door first (a job contract in a test).
import 'reflect-metadata';
export { createBranchesModule, type BranchesModule, type BranchesModuleDeps } from './branches.module.js';
export { branchesLoaders, createBranchLoaders } from './branches.loaders.js';
export { toBranch } from './branches.mappers.js';
export { BranchResolver, ServiceBranchesResolver, StaffBranchResolver } from './branches.resolver.js';
export { BranchesService } from './branches.service.js';
export { openStretches, type ScheduleDay, type ScheduleException } from './branches.rules.js';
export { Branch } from './branches.types.js';
export { GeoPointInput } from './branches.inputs.js';
export { createBranchesDirectory, type BranchesDirectory } from './branches.directory.js';
export type { BranchRow, ExceptionRow, HoursRow } from './branches.repository.js';
export type { ScheduleChange, ScheduleChangeListener, ScheduleChangeOutcome } from './branches.ports.js';
