/**
 * What a Redis that lost its data leaves behind, and how the workers put it back.
 *
 * - Repeatable schedules live only in Redis: every worker re-creates them (upsert by id, so
 *   several workers agree) at start, whenever its Redis connection becomes ready again, and every
 *   SCHEDULES_ENSURE_SECONDS.
 * - Delayed jobs live only in Redis too. The database still knows the work: the outbox row
 *   (job id, payload, delay) and the state the job would change. The recovery sweep re-enqueues,
 *   under the same job id (BullMQ ignores an add whose id exists, so a job still in Redis is never
 *   doubled):
 *   - delayed jobs not yet due (reminders, quiet-hours holds, booking expiries) with the delay left;
 *   - overdue ones whose state says they never ran: an unconfirmed booking (bookings.expire), a
 *     confirmed visit without its reminder notification (bookings.remind), a schedule change's
 *     re-check (bookings.recheckSchedule: looking again is harmless);
 *   - messages still QUEUED for a while (quiet-hours holds past their time included) with no job.
 *   Unconfirmed bookings past their deadline are expired by `bookings.sweep` as well.
 * - The maxmemory policy: anything but noeviction lets Redis drop jobs; warned about at start.
 */
import { sql } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import type { Config } from '../config/env.js';
import type { Database } from '../db/client.js';
import { uuid7Time } from '../db/uuid7.js';
import type { Logger } from '../shared/logger.js';
import type { JobContract, QueueName } from './define.js';
import type { Queues } from './queues.js';

/** How far back overdue work is looked at (completed jobs are kept in Redis about as long). */
const LOOKBACK = '1 day';
/**
 * A delivery is written with its notification or, falling back, within its retries after it: the
 * months of notifications this long ago hold every delivery the sweep looks at (deliveries are
 * partitioned by their notification's month).
 */
const DELIVERY_NOTIFICATION_LOOKBACK = '31 days';
/** A QUEUED message younger than this may still be on its way through the outbox. */
const QUEUED_GRACE = '2 minutes';
const PAGE = 500;
/** After a failed pass (Redis not quite back), the next try. */
const RETRY_MS = 1000;

interface Candidate {
  job: string;
  jobId: string;
  payload: unknown;
  /** Milliseconds until due (<= 0: overdue). */
  dueInMs: number;
  /** The outbox row's request id and trace context (null: none, or no row). */
  meta?: Record<string, string> | null;
}

export interface RecoveryDeps {
  db: Database;
  /** A Redis connection of the queues' server (job keys are looked up in one pipeline). */
  redis: Redis;
  queues: Queues;
  config: Config;
  log: Logger;
  jobs: ReadonlyArray<JobContract<unknown>>;
}

/** Re-enqueues delayed work Redis lost; returns how many jobs it added back. */
export async function recoverLostJobs(deps: RecoveryDeps): Promise<number> {
  const { db } = deps;
  let added = 0;
  // 1. Delayed outbox rows, due from LOOKBACK ago on. delay_ms is an integer (at most 2^31-1 ms,
  // about 24.9 days), so no such row was written before LOOKBACK + that: the outbox's days before
  // are left out (it is partitioned by day of created_at).
  for (let after = 0; ; ) {
    const rows = await db.execute<{ id: string; job: string; job_id: string; payload: unknown; meta: Record<string, string> | null; due_in_ms: string }>(sql`
      select id, job, job_id, payload, meta,
             floor(extract(epoch from (created_at + delay_ms * interval '1 millisecond' - now())) * 1000)::bigint as due_in_ms
        from outbox
       where relayed_at is not null and delay_ms > 0 and id > ${after}
         and created_at + delay_ms * interval '1 millisecond' > now() - interval '${sql.raw(LOOKBACK)}'
         and created_at > now() - interval '${sql.raw(LOOKBACK)}' - interval '2147483647 milliseconds'
       order by id limit ${PAGE}`);
    if (rows.length === 0) break;
    after = Number(rows.at(-1)?.id ?? after);
    const candidates = rows.map((r) => ({ job: r.job, jobId: r.job_id, payload: r.payload, dueInMs: Number(r.due_in_ms), meta: r.meta }));
    const lost = await missing(deps, candidates);
    for (const c of lost) if (c.dueInMs > 0 || (await stillDue(db, c))) added += await requeue(deps, c);
    if (rows.length < PAGE) break;
  }
  // 2. Messages still waiting to go out with no job (lost from the wait list, or a hold past its time).
  const queued = await db.execute<{ id: string }>(sql`
    select id from deliveries
     where status = 'QUEUED' and created_at > now() - interval '${sql.raw(LOOKBACK)}'
       and notification_created_at > now() - interval '${sql.raw(DELIVERY_NOTIFICATION_LOOKBACK)}'
       and coalesce(scheduled_for, created_at) < now() - interval '${sql.raw(QUEUED_GRACE)}'
     limit 5000`);
  const lostDeliveries = await missing(
    deps,
    queued.map((d) => ({ job: 'notifications.deliver', jobId: `delivery-${d.id}`, payload: { deliveryId: d.id }, dueInMs: 0 })),
  );
  // Not while its outbox row waits for the relay: that one will enqueue it.
  for (const c of lostDeliveries) {
    const [pending] = await db.execute(sql`select 1 from outbox where job_id = ${c.jobId} and relayed_at is null limit 1`);
    if (!pending) added += await requeue(deps, c);
  }
  if (added > 0) deps.log.warn({ added }, 'recovery sweep: re-enqueued jobs Redis had lost');
  return added;
}

/** The candidates whose job id Redis does not know. */
async function missing(deps: RecoveryDeps, candidates: Candidate[]): Promise<Candidate[]> {
  const queueOf = new Map(deps.jobs.map((j) => [j.name, j.queue] as const));
  const known = candidates.filter((c) => queueOf.has(c.job));
  if (known.length === 0) return [];
  const byQueue = new Map<QueueName, Candidate[]>();
  for (const c of known) {
    const name = queueOf.get(c.job);
    if (name) byQueue.set(name, [...(byQueue.get(name) ?? []), c]);
  }
  const out: Candidate[] = [];
  for (const [name, list] of byQueue) {
    const queue = deps.queues.get(name);
    const pipeline = deps.redis.pipeline();
    for (const c of list) pipeline.exists(queue.toKey(c.jobId));
    const results = (await pipeline.exec()) ?? [];
    list.forEach((c, i) => {
      const [err, exists] = results[i] ?? [new Error('no answer'), 1] as const;
      if (!err && exists === 0) out.push(c);
    });
  }
  return out;
}

/** An overdue job: does the database say it never ran? */
async function stillDue(db: Database, c: Candidate): Promise<boolean> {
  const p = (c.payload ?? {}) as { bookingId?: string; startsAt?: string; deliveryId?: string };
  switch (c.job) {
    case 'bookings.expire': {
      const [row] = await db.execute(sql`select 1 from bookings where id = ${p.bookingId ?? null}::uuid and status = 'PENDING_CONFIRMATION'`);
      return Boolean(row);
    }
    case 'bookings.remind': {
      const [row] = await db.execute(sql`
        select 1 from bookings b
         where b.id = ${p.bookingId ?? null}::uuid and b.status = 'CONFIRMED' and b.starts_at = ${p.startsAt ?? null}::timestamptz and b.starts_at > now()
           and not exists (select 1 from notifications n where n.user_id = b.user_id and n.template = 'booking.reminder' and n.subject_id = b.id::text)`);
      return Boolean(row);
    }
    case 'bookings.recheckSchedule':
      return true; // looking again is harmless: it cancels only bookings that no longer fit
    case 'notifications.deliver': {
      // Its month, when the id says which (src/db/uuid7.ts).
      const at = uuid7Time(p.deliveryId ?? '');
      const month = at ? sql` and notification_created_at >= ${at.toISOString()}::timestamptz and notification_created_at < ${new Date(at.getTime() + 1).toISOString()}::timestamptz` : sql``;
      const [row] = await db.execute(sql`select 1 from deliveries where id = ${p.deliveryId ?? null}::uuid and status = 'QUEUED'${month}`);
      return Boolean(row);
    }
    default:
      return false; // unknown kinds are not guessed at
  }
}

async function requeue(deps: RecoveryDeps, c: Candidate): Promise<number> {
  const { config } = deps;
  const queueName = deps.jobs.find((j) => j.name === c.job)?.queue;
  if (!queueName) return 0;
  await deps.queues.get(queueName).add(c.job, c.payload, {
    jobId: c.jobId,
    attempts: config.DELIVERY_MAX_ATTEMPTS,
    backoff: { type: 'exponential', delay: config.DELIVERY_BACKOFF_MS },
    ...(c.dueInMs > 0 ? { delay: c.dueInMs } : {}),
    // As the relay does: the request that wrote the row stays in the job's logs and trace.
    ...(c.meta ? { telemetry: { metadata: JSON.stringify(c.meta) } } : {}),
  });
  return 1;
}

/** Warns when Redis may evict keys (BullMQ needs maxmemory-policy noeviction). */
export async function checkRedisEvictionPolicy(redis: Redis, log: Logger): Promise<string | null> {
  try {
    const reply: unknown = await redis.config('GET', 'maxmemory-policy');
    const policy = Array.isArray(reply) ? String(reply[1]) : null;
    if (policy && policy !== 'noeviction') {
      log.warn({ policy }, 'Redis maxmemory-policy is not noeviction: Redis may evict queued jobs under memory pressure (BullMQ requires noeviction)');
    }
    return policy;
  } catch (err) {
    // Managed Redis may refuse CONFIG: say so once, do not fail the start.
    log.warn({ err: err instanceof Error ? err.message : String(err) }, 'could not read Redis maxmemory-policy (BullMQ requires noeviction)');
    return null;
  }
}

/**
 * Keeps the repeatable schedules and the recovery sweep going: runs `ensure` and the sweep now,
 * every time `redis` becomes ready again (a reconnect, perhaps to an emptied Redis), and on timers;
 * a pass that fails (`ensure` throws when a schedule could not be written) is retried every second.
 */
export function keepSchedules(opts: {
  redis: Redis;
  log: Logger;
  config: Config;
  ensure: () => Promise<void>;
  sweep: () => Promise<unknown>;
}): { stop(): void } {
  const { redis, log, config } = opts;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again: { why: string; withSweep: boolean } | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  const run = (why: string, withSweep: boolean): void => {
    if (stopped) return;
    if (running) {
      // A reconnect during a periodic pass must still get its own pass afterwards.
      again = { why, withSweep: withSweep || (again?.withSweep ?? false) };
      return;
    }
    running = (async () => {
      try {
        await opts.ensure();
        if (withSweep) await opts.sweep();
      } catch (err) {
        // Typically the queues' connections are not back yet: try again shortly.
        log.warn({ err: err instanceof Error ? err.message : String(err), why }, 'could not re-ensure schedules / recover jobs; retrying');
        if (!stopped && !retryTimer) {
          retryTimer = setTimeout(() => {
            retryTimer = null;
            run(`retry after: ${why}`, withSweep);
          }, RETRY_MS);
          retryTimer.unref();
        }
      } finally {
        running = null;
        const next = again;
        again = null;
        if (next) run(next.why, next.withSweep);
      }
    })();
  };
  const onReady = () => run('redis reconnected', true);
  redis.on('ready', onReady);
  const ensureTimer = setInterval(() => run('periodic', false), config.SCHEDULES_ENSURE_SECONDS * 1000);
  const sweepTimer = setInterval(() => run('periodic sweep', true), config.RECOVERY_SWEEP_SECONDS * 1000);
  ensureTimer.unref();
  sweepTimer.unref();
  run('start', true);
  return {
    stop() {
      stopped = true;
      redis.off('ready', onReady);
      clearInterval(ensureTimer);
      clearInterval(sweepTimer);
      if (retryTimer) clearTimeout(retryTimer);
    },
  };
}
