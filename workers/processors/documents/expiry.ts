/** The daily check of documents about to expire (one reminder per document and expiry date). */
import { UnrecoverableError, type Job } from 'bullmq';
import { remindExpiringDocuments } from '../../../src/jobs/registry.js';
import type { ProcessorDeps } from '../types.js';

export async function remindExpiringProcessor(job: Job, deps: ProcessorDeps): Promise<number> {
  if (!remindExpiringDocuments.schema.safeParse(job.data).success) throw new UnrecoverableError('bad payload');
  return deps.services.documents.remindExpiring();
}
