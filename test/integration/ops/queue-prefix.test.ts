/**
 * Redis Cluster readiness: with QUEUE_PREFIX set to a hash tag (`{…}`), every key BullMQ creates
 * starts with that tag, so Redis Cluster hashes all of a queue's keys (and all queues') to one slot
 * and BullMQ's multi-key scripts work there. Read from the real Redis after real jobs ran.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { registerCitizen } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';

const tag = `{mfc-${randomBytes(4).toString('hex')}}`;
const t = useTestApp({ QUEUE_PREFIX: tag });
// The Redis the test apps use (the suite's own when REDIS_URL is not set, as on a fresh machine).
const redis = new Redis(inject('redisUrl'), { lazyConnect: true });

afterAll(async () => {
  const keys = await redis.keys(`${tag}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

/** The part of a key Redis Cluster hashes: the first non-empty {…}, else the whole key. */
function hashedPart(key: string): string {
  const open = key.indexOf('{');
  const close = open < 0 ? -1 : key.indexOf('}', open + 1);
  return close > open + 1 ? key.slice(open + 1, close) : key;
}

describe('queue keys carry the hash tag', () => {
  it('every key of the queues that ran jobs hashes on the tag; none is left under the old prefix', async () => {
    await registerCitizen(t); // sends an SMS code: a notification job through the outbox and BullMQ
    await expect.poll(async () => (await redis.keys(`${tag}:*`)).length, { timeout: 10_000 }).toBeGreaterThan(0);
    const keys = await redis.keys(`${tag}*`);
    const queues = new Set(keys.map((k) => k.split(':')[1]));
    expect(queues.size).toBeGreaterThanOrEqual(1);
    expect(new Set(keys.map(hashedPart))).toEqual(new Set([tag.slice(1, -1)]));
    expect(await redis.keys(`${t.config.REDIS_PREFIX}bull*`)).toEqual([]);
  });
});
