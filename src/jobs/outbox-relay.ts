/**
 * Moves committed outbox rows to BullMQ. Wakes on NOTIFY outbox (sent on commit by a trigger) and
 * polls every OUTBOX_POLL_MS as well. Rows are claimed with FOR UPDATE SKIP LOCKED, so several
 * workers can relay at once; jobs carry the row's deterministic jobId, so relaying a row twice
 * (a crash between add and commit) cannot create two jobs. When Redis is down the add fails, the
 * transaction rolls back and the rows wait for the next tick: nothing is lost.
 */
import { sql } from 'drizzle-orm';
import type postgres from 'postgres';
import type { Config } from '../config/env.js';
import type { Database } from '../db/client.js';
import { executePrepared } from '../db/prepared.js';
import { outbox } from '../db/schema/index.js';
import type { Logger } from '../shared/logger.js';
import { m, metricsEnabled } from '../shared/metrics.js';
import type { JobContract, QueueName } from './define.js';
import { pruneOutbox } from './outbox-retention.js';
import type { Queues } from './queues.js';

const PRUNE_EVERY_MS = 10 * 60_000;

export class OutboxRelay {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private failing = false;
  private lastPrune = 0;
  private unlisten: (() => Promise<void>) | null = null;
  private readonly queueOf: Map<string, QueueName>;

  constructor(private readonly deps: { db: Database; sql: postgres.Sql /* LISTEN only: the direct connection under PgBouncer */; queues: Queues; log: Logger; config: Config; jobs: ReadonlyArray<JobContract<unknown>> }) {
    this.queueOf = new Map(deps.jobs.map((j) => [j.name, j.queue] as const));
  }

  async start(): Promise<void> {
    const listener = await this.deps.sql.listen('outbox', () => this.kick());
    this.unlisten = () => listener.unlisten();
    const loop = () => {
      this.timer = setTimeout(() => {
        this.kick();
        if (!this.stopped) loop();
      }, this.deps.config.OUTBOX_POLL_MS);
    };
    loop();
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.unlisten?.().catch(() => undefined);
    await this.running;
  }

  /** Runs a relay pass now, or right after the one in flight. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.again && !this.stopped) {
        this.again = false;
        this.kick();
      }
    });
  }

  /** Relays until the outbox is empty (or Redis fails). Exposed for tests. */
  async drain(): Promise<void> {
    try {
      while (!this.stopped && (await this.relayBatch()) === this.deps.config.OUTBOX_BATCH_SIZE);
      if (this.failing) this.deps.log.info('outbox relay: Redis is back, relaying again');
      this.failing = false;
    } catch (err) {
      if (!this.failing) this.deps.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'outbox relay failed (queue unreachable?); rows are kept and retried');
      this.failing = true;
    }
    // Whether Redis answers or not: the days ahead must exist however long it is away.
    await this.maybePrune().catch((err: unknown) => this.deps.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'outbox retention failed; tried again later'));
  }

  private async relayBatch(): Promise<number> {
    const { db, queues, config } = this.deps;
    return db.transaction(async (tx) => {
      // Any day may hold a row still waiting (Redis was away): no bound on created_at here, each
      // day's pending index is tiny. The rows' times (ms) bound the update below to their days.
      // Prepared (planned once per connection): planning it opens every day's indexes, several
      // times what running it costs (src/db/prepared.ts); so is the update, one text for any batch.
      const rows = await executePrepared<{ id: string; job: string; payload: unknown; job_id: string; delay_ms: number; meta: Record<string, string> | null; created_ms: string }>(
        tx,
        sql`select id, job, payload, job_id, delay_ms, meta, floor(extract(epoch from created_at) * 1000)::bigint as created_ms
              from ${outbox} where relayed_at is null order by id limit ${config.OUTBOX_BATCH_SIZE} for update skip locked`,
      );
      if (rows.length === 0) return 0;
      // Retries with exponential backoff; a processor throws UnrecoverableError for what must not retry.
      const retry = { attempts: config.DELIVERY_MAX_ATTEMPTS, backoff: { type: 'exponential', delay: config.DELIVERY_BACKOFF_MS } };
      const byQueue = new Map<QueueName, Array<{ name: string; data: unknown; opts: typeof retry & { jobId: string; delay?: number; telemetry?: { metadata: string } } }>>();
      for (const r of rows) {
        const queue = this.queueOf.get(r.job);
        if (!queue) throw new Error(`outbox row ${r.id}: unknown job ${r.job}`);
        const list = byQueue.get(queue) ?? [];
        // The request id and trace context travel in BullMQ's telemetry metadata (workers/main.ts reads them).
        const telemetry = r.meta ? { telemetry: { metadata: JSON.stringify(r.meta) } } : {};
        list.push({ name: r.job, data: r.payload, opts: { ...retry, jobId: r.job_id, ...(r.delay_ms > 0 ? { delay: r.delay_ms } : {}), ...telemetry } });
        byQueue.set(queue, list);
      }
      for (const [queue, jobs] of byQueue) await queues.get(queue).addBulk(jobs);
      const ms = rows.map((r) => Number(r.created_ms));
      const [from, to] = [new Date(Math.min(...ms)).toISOString(), new Date(Math.max(...ms) + 1).toISOString()];
      await executePrepared(tx, sql`update ${outbox} set relayed_at = now() where id = any(${sql.param(rows.map((r) => r.id))}::bigint[])
        and created_at >= ${from}::timestamptz and created_at < ${to}::timestamptz`);
      if (metricsEnabled()) m.outboxRelayed.inc(rows.length);
      return rows.length;
    });
  }

  private async maybePrune(): Promise<void> {
    if (Date.now() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = Date.now();
    // Days ahead created; whole old days dropped once nothing in them is needed (src/jobs/outbox-retention.ts).
    const pruned = await pruneOutbox(this.deps.db, new Date(), this.deps.config.OUTBOX_RETENTION_DAYS);
    if (pruned.created.length + pruned.failed.length + pruned.dropped.length + pruned.deleted > 0) this.deps.log.info(pruned, 'outbox retention');
  }
}
