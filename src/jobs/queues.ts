/**
 * BullMQ queues (producers). Their Redis connection has no offline queue, so adding a job while
 * Redis is away fails at once instead of hanging: the outbox relay then keeps the row and retries.
 */
import { Queue } from 'bullmq';
import { QUEUE_NAMES, type QueueName } from './define.js';
import { redisConnectionOptions } from '../shared/redis-url.js';

export { redisConnectionOptions };

export interface Queues {
  get(name: QueueName): Queue;
  close(): Promise<void>;
}

/** BullMQ's key prefix: QUEUE_PREFIX (a `{hash tag}` for Redis Cluster), else REDIS_PREFIX + "bull". */
export function queuePrefix(config: { QUEUE_PREFIX?: string; REDIS_PREFIX: string }): string {
  return config.QUEUE_PREFIX || `${config.REDIS_PREFIX}bull`;
}

export function createQueues(opts: { url: string; prefix: string }): Queues {
  const queues = new Map<QueueName, Queue>();
  for (const name of QUEUE_NAMES) {
    const q = new Queue(name, {
      connection: { ...redisConnectionOptions(opts.url), enableOfflineQueue: false, maxRetriesPerRequest: 1 },
      prefix: opts.prefix,
      defaultJobOptions: { removeOnComplete: { age: 86_400, count: 10_000 }, removeOnFail: { age: 7 * 86_400 } },
    });
    q.on('error', () => undefined); // connection errors surface on add(); the relay logs them
    queues.set(name, q);
  }
  return {
    get(name) {
      const q = queues.get(name);
      if (!q) throw new Error(`unknown queue ${name}`);
      return q;
    },
    async close() {
      await Promise.allSettled([...queues.values()].map((q) => q.close()));
    },
  };
}
