/** The webhook job contracts (producers: the delivery service; processors: webhooks.jobs.ts). */
import { z } from 'zod';
import { defineJob } from '../../jobs/define.js';

export const deliverWebhook = defineJob({
  name: 'webhooks.deliver',
  queue: 'webhooks',
  schema: z.object({ deliveryId: z.uuid(), attempt: z.number().int().min(0) }),
  // Retries here are for our own failures (database away); the target's failures are scheduled by the service.
  options: { attempts: 5, backoff: { type: 'exponential', delay: 1000 } },
});

export const sweepWebhooks = defineJob({ name: 'webhooks.sweep', queue: 'webhooks', schema: z.object({}) });
