/**
 * Builds the integrations module: machine clients (API keys), webhook endpoints and their
 * delivery workers. Other modules send events by writing `recordIntegrationEvent` to the outbox
 * in their transactions (src/jobs/integration-events.ts); they import nothing of this module.
 */
import type { ModuleParts } from '../../shared/module.js';
import { ApiClientsService } from './api-clients.service.js';
import type { IntegrationsDeps } from './integrations.deps.js';
import { ApiClientsResolver, WebhooksResolver } from './integrations.resolver.js';
import { WebhookDeliveryService } from './webhook-delivery.service.js';
import { webhookJobs, webhookProcessors, webhookSchedules } from './webhooks.jobs.js';
import { WebhooksService } from './webhooks.service.js';

export interface IntegrationsModule extends ModuleParts {
  apiClients: ApiClientsService;
  webhooks: WebhooksService;
  delivery: WebhookDeliveryService;
}

export function createIntegrationsModule(deps: IntegrationsDeps): IntegrationsModule {
  const apiClients = new ApiClientsService(deps);
  const delivery = new WebhookDeliveryService(deps);
  const webhooks = new WebhooksService(deps, delivery);
  return {
    apiClients,
    webhooks,
    delivery,
    resolvers: [new ApiClientsResolver(apiClients), new WebhooksResolver(webhooks)],
    jobs: webhookJobs,
    processors: webhookProcessors(delivery),
    schedules: webhookSchedules(),
  };
}
