/**
 * The workers: the outbox relay plus one BullMQ Worker per queue, dispatching by job name to the
 * processors the modules export (App.processors). Refuses to start when a job contract has no
 * processor. Schedules are kept (re-ensured on every Redis reconnect) and lost delayed jobs
 * recovered (src/jobs/recovery.ts). close() stops the relay, lets running jobs finish
 * (worker.close waits for them) and closes the connections.
 */
import { Worker, type Job, type RepeatOptions } from 'bullmq';
import type { App } from '../src/app.js';
import { QUEUE_NAMES, type QueueName } from '../src/jobs/define.js';
import { OutboxRelay } from '../src/jobs/outbox-relay.js';
import { queuePrefix, redisConnectionOptions } from '../src/jobs/queues.js';
import { runObservedJob } from '../src/observability/jobs.js';
import { checkRedisEvictionPolicy, keepSchedules, recoverLostJobs } from '../src/jobs/recovery.js';
type InlineProcessor = (job: Job, app: Pick<App, 'processors'>) => Promise<unknown>;

/**
 * Runs a job inline with the application's processor for its name, as `processors[name](job, app)`
 * (tests run jobs this way when timing is not their subject).
 */
export const processors: Record<string, InlineProcessor> = new Proxy({} as Record<string, InlineProcessor>, {
  get: (_target, name): InlineProcessor | undefined =>
    typeof name !== 'string'
      ? undefined
      : (job, app) => {
          const found = app.processors.find((p) => p.name === name);
          if (!found) throw new Error(`no processor for ${name}`);
          return found.handle(job);
        },
});

/** The modules' processors by job name. */
function processorsOf(app: Pick<App, 'processors'>): Map<string, (job: Job) => Promise<unknown>> {
  return new Map(app.processors.map((p) => [p.name, (job: Job) => p.handle(job)] as const));
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
  const prefix = queuePrefix(config);
  const connection = { ...redisConnectionOptions(config.REDIS_URL), maxRetriesPerRequest: null };
  const workers = QUEUE_NAMES.map((queue) => {
    const worker = new Worker(
      queue,
      async (job) => {
        const handle = handlers.get(job.name);
        if (!handle) throw new Error(`no processor for ${job.name}`);
        return runObservedJob(job, handle, log);
      },
      {
        connection,
        prefix,
        // Webhook deliveries mostly wait on their receivers: they get a concurrency of their own.
        concurrency: queue === 'webhooks' ? config.WEBHOOK_CONCURRENCY : config.WORKER_CONCURRENCY,
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
  const keeper = await startScheduleKeeper(app, app.schedules);

  const relay = new OutboxRelay({ db: app.db.db, sql: app.db.listener, queues: app.queues, log, config, jobs: app.jobs });
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
