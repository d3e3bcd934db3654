/**
 * Runs one job the way a request is served: in the request context of the request that caused it
 * (its request id, carried from the outbox row in BullMQ's telemetry metadata; `job-<id>` for jobs
 * no request caused), inside a consumer span continuing that request's trace when tracing is on,
 * timed (mfc_job_duration_seconds, mfc_job_failures_total) and logged with one line (a completed
 * job at debug, so a busy worker's log stays readable; a failed one at warn).
 */
import { SpanKind } from '@opentelemetry/api';
import { UnrecoverableError, type Job } from 'bullmq';
import type { Logger } from '../shared/logger.js';
import { m, metricsEnabled } from '../shared/metrics.js';
import { runWithRequest } from '../shared/request-context.js';
import { contextFrom, tracer, tracingEnabled } from '../shared/tracing.js';

/** The metadata the outbox relay wrote: { requestId, traceparent, tracestate }. */
export function jobMeta(job: Pick<Job, 'opts'>): Record<string, string> {
  const raw = job.opts.telemetry?.metadata;
  if (!raw) return {};
  try {
    const parsed = JSON.parse(raw) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export function runObservedJob(job: Job, handle: (job: Job) => Promise<unknown>, log: Logger): Promise<unknown> {
  const meta = jobMeta(job);
  const requestId = meta.requestId ?? `job-${job.id ?? '?'}`;
  const run = async () => {
    const started = performance.now();
    const line = { job: job.name, jobId: job.id, queue: job.queueName, attempt: job.attemptsMade + 1 };
    try {
      const result = await handle(job);
      const durationMs = performance.now() - started;
      if (metricsEnabled()) m.jobDuration.observe({ job: job.name, outcome: 'completed' }, durationMs / 1000);
      log.debug({ ...line, durationMs: Math.round(durationMs) }, 'job completed');
      return result;
    } catch (err) {
      const durationMs = performance.now() - started;
      const final = err instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (metricsEnabled()) {
        m.jobDuration.observe({ job: job.name, outcome: 'failed' }, durationMs / 1000);
        m.jobFailures.inc({ job: job.name, final: String(final) });
      }
      log.warn({ ...line, durationMs: Math.round(durationMs), final, err: err instanceof Error ? err.message : String(err) }, 'job failed');
      throw err;
    }
  };
  return runWithRequest({ requestId }, () => {
    if (!tracingEnabled()) return run();
    const attributes = { 'messaging.system': 'bullmq', 'messaging.destination.name': job.queueName, 'messaging.message.id': job.id ?? '', 'mfc.job.name': job.name, 'mfc.request_id': requestId };
    return tracer().startActiveSpan(`job ${job.name}`, { kind: SpanKind.CONSUMER, attributes }, contextFrom(meta), async (span) => {
      try {
        return await run();
      } finally {
        span.end();
      }
    });
  });
}
