/** Writes a job to the transactional outbox, inside the caller's transaction. */
import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { outbox } from '../db/schema/index.js';
import { currentRequest } from '../shared/request-context.js';
import { currentCarrier } from '../shared/tracing.js';
import type { JobContract } from './define.js';

/** The request id and trace context the job carries on (null when no request caused it). */
function outboxMeta(): Record<string, string> | null {
  const requestId = currentRequest()?.requestId;
  const meta = { ...currentCarrier(), ...(requestId && { requestId }) };
  return Object.keys(meta).length > 0 ? meta : null;
}

export async function writeOutbox<P>(tx: Executor, job: JobContract<P>, payload: P, opts: { jobId: string; delayMs?: number }): Promise<void> {
  await tx.insert(outbox).values(outboxRow(job, payload, opts));
}

/** An outbox row as written: the job, its checked payload, its id, its delay and what it carries on (request id, trace). */
export interface OutboxRow {
  job: string;
  payload: unknown;
  jobId: string;
  delayMs: number;
  meta: Record<string, string> | null;
}

/** The outbox row for a job, checked (for statements that write it themselves, in one round trip). */
export function outboxRow<P>(job: JobContract<P>, payload: P, opts: { jobId: string; delayMs?: number }): OutboxRow {
  const parsed = job.schema.parse(payload); // a bad payload is a programming error: fail the change
  // BullMQ refuses ids with ':' (its key separator); catch it here rather than in the relay.
  if (opts.jobId.includes(':')) throw new Error(`job id ${opts.jobId} must not contain ':'`);
  return { job: job.name, payload: parsed, jobId: opts.jobId, delayMs: opts.delayMs ?? 0, meta: outboxMeta() };
}

/** Drops a job not yet relayed (inside the caller's transaction); returns whether one was there. */
export async function cancelOutbox(tx: Executor, jobId: string): Promise<boolean> {
  const rows = await tx.delete(outbox).where(and(eq(outbox.jobId, jobId), isNull(outbox.relayedAt))).returning({ id: outbox.id });
  return rows.length > 0;
}
