/**
 * The workers: the outbox relay plus one BullMQ Worker per queue, dispatching by job name. Refuses
 * to start when a job contract has no processor. close() stops the relay, lets running jobs
 * finish (worker.close waits for them) and closes the connections.
 */
import { Worker } from 'bullmq';
import type { App } from '../src/app.js';
import { QUEUE_NAMES } from '../src/jobs/define.js';
import { OutboxRelay } from '../src/jobs/outbox-relay.js';
import { redisConnectionOptions } from '../src/jobs/queues.js';
import { allJobs, deliverNotification, expireBooking, flagOverdueComplaints, pruneAccounts, remindBooking, pruneOrphanAttachments, remindExpiringDocuments, sampleLoad, sweepBookings } from '../src/jobs/registry.js';
import { pruneOrphansProcessor, remindExpiringProcessor } from './processors/documents/documents.js';
import { flagOverdueProcessor } from './processors/feedback/flag-overdue.js';
import { expireBookingProcessor, remindBookingProcessor, sweepBookingsProcessor } from './processors/bookings/bookings.js';
import { sampleLoadProcessor } from './processors/queue/sample-load.js';
import { pruneProcessor } from './processors/accounts/prune.js';
import { deliverProcessor } from './processors/notifications/deliver.js';
import type { Processor } from './processors/types.js';

export const processors: Record<string, Processor> = {
  [deliverNotification.name]: deliverProcessor,
  [pruneAccounts.name]: pruneProcessor,
  [sampleLoad.name]: sampleLoadProcessor,
  [expireBooking.name]: expireBookingProcessor,
  [sweepBookings.name]: sweepBookingsProcessor,
  [remindBooking.name]: remindBookingProcessor,
  [remindExpiringDocuments.name]: remindExpiringProcessor,
  [pruneOrphanAttachments.name]: pruneOrphansProcessor,
  [flagOverdueComplaints.name]: flagOverdueProcessor,
};

export function assertEveryJobHasAProcessor(): void {
  const missing = allJobs.filter((j) => !processors[j.name]).map((j) => j.name);
  if (missing.length > 0) throw new Error(`no processor for job(s): ${missing.join(', ')}`);
}

export async function startWorkers(app: App): Promise<{ close(): Promise<void> }> {
  assertEveryJobHasAProcessor();
  const { config, log } = app;
  const prefix = `${config.REDIS_PREFIX}bull`;
  const connection = { ...redisConnectionOptions(config.REDIS_URL), maxRetriesPerRequest: null };
  const workers = QUEUE_NAMES.map((queue) => {
    const worker = new Worker(
      queue,
      async (job) => {
        const processor = processors[job.name];
        if (!processor) throw new Error(`no processor for ${job.name}`);
        return processor(job, app);
      },
      {
        connection,
        prefix,
        concurrency: config.WORKER_CONCURRENCY,
      },
    );
    worker.on('error', (err) => log.debug({ err: err.message, queue }, 'worker connection error'));
    worker.on('failed', (job, err) => {
      if (job) log.debug({ job: job.name, id: job.id, attempts: job.attemptsMade, err: err.message }, 'job failed');
    });
    return worker;
  });
  // Repeatable jobs: one scheduler per name, however many workers start (upsert by id).
  const schedules = [
    { job: pruneAccounts, repeat: { every: 3_600_000 } },
    { job: sampleLoad, repeat: { every: config.LOAD_SAMPLE_INTERVAL_MINUTES * 60_000 } },
    { job: sweepBookings, repeat: { every: 60_000 } },
    { job: remindExpiringDocuments, repeat: { pattern: config.DOCUMENT_EXPIRY_CRON, tz: 'Europe/Moscow' } },
    { job: pruneOrphanAttachments, repeat: { every: 86_400_000 } },
    { job: flagOverdueComplaints, repeat: { every: config.COMPLAINT_SWEEP_SECONDS * 1000 } },
  ];
  for (const { job, repeat } of schedules) {
    await app.queues
      .get(job.queue)
      .upsertJobScheduler(job.name, repeat, { name: job.name, data: {} })
      .catch((err: unknown) => log.warn({ err, job: job.name }, 'could not schedule a repeatable job'));
  }

  const relay = new OutboxRelay({ db: app.db.db, sql: app.db.sql, queues: app.queues, log, config });
  await relay.start();
  return {
    async close() {
      await relay.stop();
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
