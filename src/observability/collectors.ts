/**
 * Gauges read when Prometheus scrapes: BullMQ queue depth by state, the outbox (rows waiting and the
 * age of the oldest), PostgreSQL connections of this application by state, plus prom-client's
 * process metrics (event-loop lag, heap, GC, CPU). Each read is bounded by READINESS_TIMEOUT_MS;
 * a source that does not answer leaves its gauges out of that scrape rather than stalling it.
 */
import { sql as dsql } from 'drizzle-orm';
import { collectDefaultMetrics, Gauge } from 'prom-client';
import type { Config } from '../config/env.js';
import type { DbHandle } from '../db/client.js';
import { QUEUE_NAMES } from '../jobs/define.js';
import type { Queues } from '../jobs/queues.js';
import { registry } from '../shared/metrics.js';
import { withTimeout } from '../shared/timeout.js';

export interface MetricSources {
  config: Config;
  db: DbHandle;
  queues: Queues;
}

let source: MetricSources | null = null;
let installed = false;
const STATES = ['waiting', 'active', 'delayed', 'failed', 'prioritized', 'waiting-children'] as const;

/** Points the scrape-time gauges at this process's connections (the latest app started wins). */
export function useMetricSources(s: MetricSources | null): void {
  source = s;
  if (installed) return;
  installed = true;
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  defineGauges();
}

const bounded = <T>(p: Promise<T>) => withTimeout(p, source?.config.READINESS_TIMEOUT_MS ?? 1000).catch(() => null);

function defineGauges(): void {
  new Gauge({
    name: 'mfc_queue_jobs',
    help: 'BullMQ jobs by queue and state',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const s = source;
      if (!s) return;
      await Promise.all(
        QUEUE_NAMES.map(async (queue) => {
          const counts = await bounded(s.queues.get(queue).getJobCounts(...STATES));
          for (const state of STATES) if (counts) this.set({ queue, state }, counts[state] ?? 0);
        }),
      );
    },
  });
  const outboxPending = new Gauge({ name: 'mfc_outbox_pending', help: 'Outbox rows not yet relayed to the queues', registers: [registry] });
  new Gauge({
    name: 'mfc_outbox_lag_seconds',
    help: 'Age of the oldest outbox row not yet relayed (0 when none)',
    registers: [registry],
    async collect() {
      const s = source;
      if (!s) return;
      const rows = await bounded(s.db.db.execute<{ n: number; lag: number }>(dsql`select count(*)::int as n, coalesce(extract(epoch from now() - min(created_at)), 0)::float8 as lag from outbox where relayed_at is null`));
      const row = rows?.[0];
      if (!row) return;
      this.set(row.lag);
      outboxPending.set(row.n);
    },
  });
  new Gauge({
    name: 'mfc_db_connections',
    help: 'PostgreSQL connections of this application (all instances) by state (active, idle, idle in transaction)',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const s = source;
      if (!s) return;
      const rows = await bounded(s.db.db.execute<{ state: string; n: number }>(dsql`select coalesce(state, 'unknown') as state, count(*)::int as n from pg_stat_activity where application_name = 'mfc-account' and datname = current_database() group by 1`));
      for (const r of rows ?? []) this.set({ state: r.state }, r.n);
    },
  });
  new Gauge({
    name: 'mfc_db_pool_max',
    help: 'Connections this instance may open (DATABASE_POOL_SIZE)',
    registers: [registry],
    collect() {
      if (source) this.set(source.config.DATABASE_POOL_SIZE);
    },
  });
}
