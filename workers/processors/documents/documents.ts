/** Daily document jobs: the check of documents about to expire, and the clean-up of unused uploads. */
import { UnrecoverableError, type Job } from 'bullmq';
import { pruneOrphanAttachments, remindExpiringDocuments } from '../../../src/jobs/registry.js';
import type { ProcessorDeps } from '../types.js';

export async function remindExpiringProcessor(job: Job, deps: ProcessorDeps): Promise<number> {
  if (!remindExpiringDocuments.schema.safeParse(job.data).success) throw new UnrecoverableError('bad payload');
  return deps.services.documents.remindExpiring();
}

export async function pruneOrphansProcessor(job: Job, deps: ProcessorDeps): Promise<number> {
  if (!pruneOrphanAttachments.schema.safeParse(job.data).success) throw new UnrecoverableError('bad payload');
  return deps.services.documents.pruneOrphans();
}
