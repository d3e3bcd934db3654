/** notifications.deliver: validate the payload, send through DeliveryService. */
import { UnrecoverableError, type Job } from 'bullmq';
import { deliverNotification } from '../../../src/jobs/registry.js';
import { PermanentDeliveryError } from '../../../src/modules/notifications/channels/channel.js';
import type { ProcessorDeps } from '../types.js';

export async function deliverProcessor(job: Job, deps: ProcessorDeps): Promise<string> {
  const parsed = deliverNotification.schema.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`bad payload: ${parsed.error.message}`);
  const attempts = job.opts.attempts ?? 1;
  try {
    return await deps.services.delivery.deliver(parsed.data.deliveryId, { finalAttempt: job.attemptsMade + 1 >= attempts });
  } catch (err) {
    if (err instanceof PermanentDeliveryError) throw new UnrecoverableError(err.message);
    throw err;
  }
}
