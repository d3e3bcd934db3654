/** The front door of the applications module: the only file other code imports from it. */
export { createApplicationsModule, type ApplicationsModule, type ApplicationsModuleDeps } from './applications.module.js';
export { ApplicationsService } from './applications.service.js';
export { ApplicationConnectionResolver, ApplicationResolver, ApplicationVersionResolver } from './applications.resolver.js';
export { applicationTopic, type ApplicationTopicEvent } from './applications.events.js';
export type { ApplicationFees } from './applications.deps.js';
export { Application, ApplicationEvent } from './applications.types.js';
export { toApplication } from './applications.mappers.js';
