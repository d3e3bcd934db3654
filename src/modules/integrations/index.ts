/** The front door of the integrations module: machine clients (API keys) and signed webhooks. */
// type-graphql's decorators need the metadata polyfill before any class of the module loads.
import 'reflect-metadata';
export { createIntegrationsModule, type IntegrationsModule } from './integrations.module.js';
export type { IntegrationsDeps, AdminNotices, BranchLookup } from './integrations.deps.js';
export { ApiClientsService, type RateLimitState } from './api-clients.service.js';
export { WebhooksService } from './webhooks.service.js';
export { WebhookDeliveryService } from './webhook-delivery.service.js';
export { ApiClientsResolver, WebhooksResolver } from './integrations.resolver.js';
