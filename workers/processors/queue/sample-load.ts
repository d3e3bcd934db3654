/** queue.sampleLoad: a load sample of every branch, and samples older than the history dropped. */
import { UnrecoverableError, type Job } from 'bullmq';
import { sampleLoad } from '../../../src/jobs/registry.js';
import type { ProcessorDeps } from '../types.js';

export async function sampleLoadProcessor(job: Job, deps: ProcessorDeps): Promise<{ sampled: number; pruned: number }> {
  if (!sampleLoad.schema.safeParse(job.data).success) throw new UnrecoverableError('bad payload');
  return deps.services.load.sampleAll();
}
