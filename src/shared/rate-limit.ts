/**
 * Fixed-window counters in Redis (INCR + EXPIRE in one MULTI). Guards code sending (SMS pumping)
 * and login attempts. When Redis cannot be reached the limiter lets the request through and logs
 * it: an outage of the cache must not lock every citizen out of the account.
 */
import type { Redis } from 'ioredis';
import type { Logger } from './logger.js';
import { rateLimited } from './errors.js';

export interface RateLimitRule {
  /** What is counted, e.g. `codes:phone:+79990000001`. */
  key: string;
  limit: number;
  windowSeconds: number;
}

export class RateLimiter {
  constructor(private readonly deps: { redis: Redis; prefix: string; log: Logger }) {}

  /** Counts one hit against every rule; throws RATE_LIMITED (with retryAfter) if any is exceeded. */
  async hit(rules: RateLimitRule[]): Promise<void> {
    let retryAfter = 0;
    for (const rule of rules) {
      const key = `${this.deps.prefix}rl:${rule.key}`;
      try {
        const res = await this.deps.redis.multi().incr(key).expire(key, rule.windowSeconds, 'NX').ttl(key).exec();
        const count = Number(res?.[0]?.[1] ?? 0);
        const ttl = Number(res?.[2]?.[1] ?? rule.windowSeconds);
        if (count > rule.limit) retryAfter = Math.max(retryAfter, ttl > 0 ? ttl : rule.windowSeconds);
      } catch (err) {
        this.deps.log.warn({ err, rule: rule.key.split(':')[0] }, 'rate limiter unavailable: request let through');
      }
    }
    if (retryAfter > 0) throw rateLimited(retryAfter);
  }
}
