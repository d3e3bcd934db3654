/** The front door of the applications module: the only file other code imports from it. */
export { createApplicationLoaders } from './applications.loaders.js';
export { toApplication } from './applications.mappers.js';
export { ApplicationConnectionResolver, ApplicationResolver, ApplicationVersionResolver } from './applications.resolver.js';
export { ApplicationsService } from './applications.service.js';
export { formSchemaProblem } from './forms.js';
