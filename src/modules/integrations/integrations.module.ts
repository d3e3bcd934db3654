/**
 * Builds the integrations module: machine clients (API keys), webhook endpoints and their
 * delivery workers. Other modules send events by writing `recordIntegrationEvent` to the outbox
 * in their transactions (src/jobs/integration-events.ts); they import nothing of this module.
 */
import type { ResealCount } from '../../db/reseal.js';
import type { ModuleParts } from '../../shared/module.js';
import { ApiClientsService } from './api-clients.service.js';
import type { IntegrationsDeps } from './integrations.deps.js';
import { ApiClientsResolver, WebhooksResolver } from './integrations.resolver.js';
import { WebhookDeliveryService } from './webhook-delivery.service.js';
import { webhookJobs, webhookProcessors, webhookSchedules } from './webhooks.jobs.js';
import { resealEndpointSecrets } from './webhooks.repository.js';
import { WebhooksService } from './webhooks.service.js';

export interface IntegrationsModule extends ModuleParts {
  apiClients: ApiClientsService;
  webhooks: WebhooksService;
  delivery: WebhookDeliveryService;
  /** Re-seals the endpoints' signing secrets with the current data key. */
  reseal(batchSize: number): Promise<ResealCount>;
}

export function createIntegrationsModule(deps: IntegrationsDeps): IntegrationsModule {
  const apiClients = new ApiClientsService(deps);
  const delivery = new WebhookDeliveryService(deps);
  const webhooks = new WebhooksService(deps, delivery);
  return {
    apiClients,
    webhooks,
    delivery,
    reseal: (batchSize) => resealEndpointSecrets(deps.db, deps.cipher, batchSize),
    resolvers: [new ApiClientsResolver(apiClients), new WebhooksResolver(webhooks)],
    jobs: webhookJobs,
    processors: webhookProcessors(delivery),
    schedules: webhookSchedules(),
  };
}
