/**
 * The application's connections, built once from the Config and closed in reverse order: the
 * PostgreSQL pool, the Redis connections (commands, revocation broadcast, realtime events), the
 * BullMQ queues, the pubsub and the rate limiter. Modules receive what they need of these through
 * their factories (src/app.ts); nothing here knows a module.
 */
import { Redis } from 'ioredis';
import type { Config } from './config/env.js';
import { createDb, type DbHandle } from './db/client.js';
import { replicaUrls } from './config/scale-env.js';
import { migrationState } from './db/migrate.js';
import { createQueues, queuePrefix, redisConnectionOptions, type Queues } from './jobs/queues.js';
import { systemClock, type Clock } from './shared/clock.js';
import { createLogger, type Logger } from './shared/logger.js';
import { createAppPubSub, type AppPubSub } from './shared/pubsub.js';
import { RedisPublicCache, registerPublicCache } from './shared/public-cache.js';
import { RateLimiter } from './shared/rate-limit.js';
import { withTimeout } from './shared/timeout.js';

export interface RedisConnections {
  /** Commands (rate limits, presence): fail fast while Redis is away, no offline queue. */
  main: Redis;
  /** The session-revocation broadcast. */
  publisher: Redis;
  subscriber: Redis;
  /** Realtime events: publishes queue up during an outage instead of failing. */
  events: { publisher: Redis; subscriber: Redis };
}

export interface Infrastructure {
  config: Config;
  log: Logger;
  clock: Clock;
  db: DbHandle;
  redis: RedisConnections;
  queues: Queues;
  pubsub: AppPubSub;
  /** Public reads shared by the instances (catalog, branches, hours), invalidated on admin changes. */
  publicCache: RedisPublicCache;
  rateLimiter: RateLimiter;
  /** Checks PostgreSQL and Redis answer and the migrations are applied (for /readyz). */
  ready(): Promise<ReadyChecks>;
  close(): Promise<void>;
}

/** What /readyz reports: each dependency, and the migration state (`unknown` while PostgreSQL is down). */
export interface ReadyChecks {
  postgres: boolean;
  redis: boolean;
  migrations: 'applied' | 'pending' | 'ahead' | 'unknown';
}

export interface InfrastructureOptions {
  clock?: Clock;
  log?: Logger;
}

async function connectRedis(config: Config, log: Logger): Promise<RedisConnections> {
  const failFast = { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true } as const;
  const target = redisConnectionOptions(config.REDIS_URL); // one server or Sentinel (src/shared/redis-url.ts)
  const main = new Redis({ ...target, ...failFast });
  const publisher = new Redis({ ...target, ...failFast });
  const subscriber = new Redis({ ...target, lazyConnect: true });
  const events = { publisher: new Redis({ ...target, lazyConnect: true }), subscriber: new Redis({ ...target, lazyConnect: true }) };
  const named = [['main', main], ['publisher', publisher], ['subscriber', subscriber], ['events.publisher', events.publisher], ['events.subscriber', events.subscriber]] as const;
  let lastError: Error | undefined; // ioredis rejects connect() with "Connection is closed"; the reason came as an event
  for (const [name, r] of named) {
    r.on('error', (err: Error) => {
      lastError = err;
      log.debug({ err: err.message, connection: name }, 'redis connection error');
    });
  }
  await Promise.all(named.map(([, r]) => r.connect())).catch((err: unknown) => {
    for (const [, r] of named) r.disconnect();
    throw lastError ?? err;
  });
  return { main, publisher, subscriber, events };
}

export async function createInfrastructure(config: Config, opts: InfrastructureOptions = {}): Promise<Infrastructure> {
  const log = opts.log ?? createLogger(config.LOG_LEVEL, { service: 'mfc-account', role: config.ROLE }, undefined, { pretty: config.LOG_PRETTY, sync: config.LOG_SYNC });
  const clock = opts.clock ?? systemClock;
  const db = createDb(config.DATABASE_URL, {
    max: config.DATABASE_POOL_SIZE,
    connectTimeoutSeconds: config.DATABASE_CONNECT_TIMEOUT_SECONDS,
    statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    pgbouncer: config.DATABASE_PGBOUNCER,
    directUrl: config.DATABASE_DIRECT_URL,
    replicaUrls: replicaUrls(config.DATABASE_REPLICA_URLS),
    replicaRetrySeconds: config.DATABASE_REPLICA_RETRY_SECONDS,
    log,
  });
  const redis = await connectRedis(config, log);
  const queues = createQueues({ url: config.REDIS_URL, prefix: queuePrefix(config) });
  const pubsub = createAppPubSub({ publisher: redis.events.publisher, subscriber: redis.events.subscriber, prefix: config.REDIS_PREFIX });
  const rateLimiter = new RateLimiter({ redis: redis.main, prefix: config.REDIS_PREFIX, log });
  const publicCache = new RedisPublicCache({ redis: redis.main, pubsub, prefix: config.REDIS_PREFIX, ttlSeconds: config.PUBLIC_CACHE_TTL_SECONDS, localSeconds: config.PUBLIC_CACHE_LOCAL_SECONDS, log, now: () => clock.now().getTime() });
  registerPublicCache(db.db, publicCache);
  return {
    config,
    log,
    clock,
    db,
    redis,
    queues,
    pubsub,
    rateLimiter,
    publicCache,
    async ready() {
      // Bounded: a check that hangs (PostgreSQL unreachable, connect pending) counts as down.
      const within = (p: Promise<unknown>) => withTimeout(p, config.READINESS_TIMEOUT_MS).then(() => true, () => false);
      const [migrations, up] = await Promise.all([withTimeout(migrationState(db.sql), config.READINESS_TIMEOUT_MS).then((m) => m.state, () => 'unknown' as const), within(redis.main.ping())]);
      return { postgres: migrations !== 'unknown', redis: up, migrations };
    },
    async close() {
      await publicCache.close();
      await queues.close();
      const { main, publisher, subscriber, events } = redis;
      await Promise.allSettled([main.quit(), publisher.quit(), subscriber.quit(), events.publisher.quit(), events.subscriber.quit()]);
      await db.close();
    },
  };
}
