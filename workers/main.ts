/**
 * The workers: the outbox relay plus one BullMQ Worker per queue, dispatching by job name. Refuses
 * to start when a job contract has no processor. close() stops the relay, lets running jobs
 * finish (worker.close waits for them) and closes the connections.
 */
import { Worker, type Job, type RepeatOptions } from 'bullmq';
import type { App } from '../src/app.js';
import { QUEUE_NAMES, type QueueName } from '../src/jobs/define.js';
import { OutboxRelay } from '../src/jobs/outbox-relay.js';
import { redisConnectionOptions } from '../src/jobs/queues.js';
import { checkRedisEvictionPolicy, keepSchedules, recoverLostJobs } from '../src/jobs/recovery.js';
import { deliverNotification, expireBooking, flagOverdueComplaints, pruneAccounts, remindBooking, pruneOrphanAttachments, remindExpiringDocuments, sampleLoad, sweepBookings } from '../src/jobs/registry.js';
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

/** The modules' processors by job name (transitional: plus the ones still in workers/processors). */
function processorsOf(app: Pick<App, 'processors'>): Map<string, (job: Job) => Promise<unknown>> {
  const byName = new Map<string, (job: Job) => Promise<unknown>>();
  for (const [name, p] of Object.entries(processors)) byName.set(name, (job) => p(job, app as App));
  for (const p of app.processors) byName.set(p.name, (job) => p.handle(job));
  return byName;
}

export function assertEveryJobHasAProcessor(app: Pick<App, 'jobs' | 'processors'>): void {
  const known = processorsOf(app);
  const missing = app.jobs.filter((j) => !known.has(j.name)).map((j) => j.name);
  if (missing.length > 0) throw new Error(`no processor for job(s): ${missing.join(', ')}`);
}

/**
 * Schedules live only in Redis: upserted at start, on every reconnect and periodically, with the
 * recovery sweep for delayed jobs a Redis without its data lost (src/jobs/recovery.ts).
 */
async function startScheduleKeeper(app: App, schedules: ReadonlyArray<{ job: { name: string; queue: QueueName }; repeat: RepeatOptions }>) {
  const { config, log } = app;
  const ensure = async () => {
    let failed = 0;
    for (const { job, repeat } of schedules) {
      await app.queues
        .get(job.queue)
        .upsertJobScheduler(job.name, repeat, { name: job.name, data: {} })
        .catch((err: unknown) => {
          failed += 1;
          log.warn({ err, job: job.name }, 'could not schedule a repeatable job');
        });
    }
    if (failed > 0) throw new Error(`${failed} repeatable job schedule(s) not written`);
  };
  await ensure().catch(() => undefined); // the keeper tries again
  await checkRedisEvictionPolicy(app.redis.main, log);
  const sweep = () => recoverLostJobs({ db: app.db.db, redis: app.redis.main, queues: app.queues, config, log, jobs: app.jobs });
  return keepSchedules({ redis: app.redis.main, log, config, ensure, sweep });
}

export async function startWorkers(app: App): Promise<{ close(): Promise<void> }> {
  assertEveryJobHasAProcessor(app);
  const handlers = processorsOf(app);
  const { config, log } = app;
  const prefix = `${config.REDIS_PREFIX}bull`;
  const connection = { ...redisConnectionOptions(config.REDIS_URL), maxRetriesPerRequest: null };
  const workers = QUEUE_NAMES.map((queue) => {
    const worker = new Worker(
      queue,
      async (job) => {
        const handle = handlers.get(job.name);
        if (!handle) throw new Error(`no processor for ${job.name}`);
        return handle(job);
      },
      {
        connection,
        prefix,
        concurrency: config.WORKER_CONCURRENCY,
        // A killed worker's jobs are free again after the lock expires, found within the interval.
        lockDuration: config.WORKER_LOCK_DURATION_MS,
        stalledInterval: config.WORKER_STALLED_INTERVAL_MS,
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
  const keeper = await startScheduleKeeper(app, [...schedules, ...app.schedules]);

  const relay = new OutboxRelay({ db: app.db.db, sql: app.db.sql, queues: app.queues, log, config, jobs: app.jobs });
  await relay.start();
  log.info({ queues: QUEUE_NAMES.length }, 'workers started');
  return {
    async close() {
      keeper.stop();
      await relay.stop();
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
