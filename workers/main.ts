/**
 * The workers: the outbox relay plus one BullMQ Worker per queue, dispatching by job name. Refuses
 * to start when a job contract has no processor. close() stops the relay, lets running jobs
 * finish (worker.close waits for them) and closes the connections.
 */
import { Worker, type Job } from 'bullmq';
import type { App } from '../src/app.js';
import { QUEUE_NAMES } from '../src/jobs/define.js';
import { OutboxRelay } from '../src/jobs/outbox-relay.js';
import { redisConnectionOptions } from '../src/jobs/queues.js';
import { deliverNotification, flagOverdueComplaints, pruneAccounts, pruneOrphanAttachments, remindExpiringDocuments } from '../src/jobs/registry.js';
import { pruneOrphansProcessor, remindExpiringProcessor } from './processors/documents/documents.js';
import { flagOverdueProcessor } from './processors/feedback/flag-overdue.js';
import { pruneProcessor } from './processors/accounts/prune.js';
import { deliverProcessor } from './processors/notifications/deliver.js';
import type { Processor } from './processors/types.js';

const legacyProcessors: Record<string, Processor> = {
  [deliverNotification.name]: deliverProcessor,
  [pruneAccounts.name]: pruneProcessor,
  [remindExpiringDocuments.name]: remindExpiringProcessor,
  [pruneOrphanAttachments.name]: pruneOrphansProcessor,
  [flagOverdueComplaints.name]: flagOverdueProcessor,
};

/**
 * Processors by job name, called as `processors[name](job, app)` (tests run jobs inline this way):
 * the legacy ones above, and for any other name the module processor in App.processors.
 */
export const processors: Record<string, Processor> = new Proxy(legacyProcessors, {
  get: (target, name): Processor | undefined => (typeof name !== 'string' || name in target ? (Reflect.get(target, name) as Processor | undefined) : moduleProcessor(name)),
});

function moduleProcessor(name: string): Processor {
  return (job, deps) => {
    const found = ((deps as Partial<Pick<App, 'processors'>>).processors ?? []).find((p) => p.name === name);
    if (!found) throw new Error(`no processor for ${name}`);
    return found.handle(job);
  };
}

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
    { job: remindExpiringDocuments, repeat: { pattern: config.DOCUMENT_EXPIRY_CRON, tz: 'Europe/Moscow' } },
    { job: pruneOrphanAttachments, repeat: { every: 86_400_000 } },
    { job: flagOverdueComplaints, repeat: { every: config.COMPLAINT_SWEEP_SECONDS * 1000 } },
  ];
  for (const { job, repeat } of [...schedules, ...app.schedules]) {
    await app.queues
      .get(job.queue)
      .upsertJobScheduler(job.name, repeat, { name: job.name, data: {} })
      .catch((err: unknown) => log.warn({ err, job: job.name }, 'could not schedule a repeatable job'));
  }

  const relay = new OutboxRelay({ db: app.db.db, sql: app.db.sql, queues: app.queues, log, config, jobs: app.jobs });
  await relay.start();
  return {
    async close() {
      await relay.stop();
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
