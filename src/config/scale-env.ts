/**
 * Running past one PostgreSQL and one Redis (README, "Running at national scale"): read replicas,
 * PgBouncer in transaction mode, the BullMQ key prefix for Redis Cluster and the retention windows
 * of the time-partitioned tables. Parsed with the rest in src/config/env.ts; each has a README row.
 */
import { z } from 'zod';
import { bool, int } from './parsers.js';

export const scaleEnv = {
  /** Comma-separated PostgreSQL URLs of read replicas for reads that tolerate lag; empty: every read goes to DATABASE_URL. */
  DATABASE_REPLICA_URLS: z.string().default(''),
  /** Seconds a replica that failed a connection is left out (its reads go to the primary) before it is tried again. */
  DATABASE_REPLICA_RETRY_SECONDS: int(30, 1),
  /** DATABASE_URL points at PgBouncer in transaction mode: no prepared statements; LISTEN and migrations use DATABASE_DIRECT_URL. */
  DATABASE_PGBOUNCER: bool.default(false),
  /** A direct PostgreSQL URL (not through PgBouncer) for LISTEN and the migrations' advisory lock; DATABASE_URL when unset. */
  DATABASE_DIRECT_URL: z.string().trim().optional(),
  /** BullMQ key prefix; `{mfc}` style (a hash tag) puts every queue key in one Redis Cluster slot. Unset: REDIS_PREFIX + "bull". */
  QUEUE_PREFIX: z.string().trim().optional(),
  /**
   * Days a relayed outbox row is kept (and a delayed one after it is due: the recovery sweep
   * re-enqueues from it); whole days past it are dropped once no row in them is still needed.
   */
  OUTBOX_RETENTION_DAYS: int(7, 2),
  /** Days the account journal (activity_entries) is kept; whole months past it are dropped. */
  ACTIVITY_RETENTION_DAYS: int(1095, 1),
  /** Days notifications and their deliveries are kept; whole months past it are dropped. */
  NOTIFICATION_RETENTION_DAYS: int(1095, 1),
  /** Days bookings' histories (booking_events) are kept; whole months past it are dropped (the bookings stay). */
  BOOKING_EVENTS_RETENTION_DAYS: int(1095, 1),
};

/** What the scale variables cannot be together. */
export function scaleProblems(c: { DATABASE_PGBOUNCER: boolean; DATABASE_DIRECT_URL?: string }): string[] {
  return c.DATABASE_PGBOUNCER && !c.DATABASE_DIRECT_URL ? ['DATABASE_DIRECT_URL: required with DATABASE_PGBOUNCER=true (LISTEN and the migration lock need a session of their own)'] : [];
}

/** The replica URLs of DATABASE_REPLICA_URLS, trimmed, empty ones left out. */
export const replicaUrls = (text: string): string[] => text.split(',').map((u) => u.trim()).filter(Boolean);
