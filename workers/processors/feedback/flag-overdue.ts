/** feedback.flagOverdue: complaints past their answer deadline are flagged. */
import { UnrecoverableError, type Job } from 'bullmq';
import { flagOverdueComplaints } from '../../../src/jobs/registry.js';
import type { ProcessorDeps } from '../types.js';

export async function flagOverdueProcessor(job: Job, deps: ProcessorDeps): Promise<number> {
  if (!flagOverdueComplaints.schema.safeParse(job.data).success) throw new UnrecoverableError('bad payload');
  return deps.services.feedback.flagOverdue();
}
