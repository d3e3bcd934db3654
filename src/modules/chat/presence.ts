/**
 * Who is watching a chat thread live, across every API instance: a Redis sorted set per thread
 * whose members are `<userId>:<connection>` scored with a heartbeat deadline. A live
 * chatMessageAdded subscription refreshes its member every HEARTBEAT_MS; one whose instance died
 * simply expires. When Redis cannot answer, nobody counts as watching (the citizen then also
 * gets a notification: better twice than never).
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';

const HEARTBEAT_MS = 20_000;
const TTL_MS = 60_000;

export class ChatPresence {
  constructor(private readonly deps: { redis: Redis; prefix: string; clock: Clock; log: Logger }) {}

  private key(threadId: string): string {
    return `${this.deps.prefix}chat:online:${threadId}`;
  }

  /** Marks the user as watching until the returned function is called. */
  enter(threadId: string, userId: string): () => void {
    const member = `${userId}:${randomUUID()}`;
    const key = this.key(threadId);
    const beat = () => {
      const now = this.deps.clock.now().getTime();
      this.deps.redis
        .multi()
        .zadd(key, now + TTL_MS, member)
        .zremrangebyscore(key, '-inf', now)
        .pexpire(key, TTL_MS)
        .exec()
        .catch((err: unknown) => this.deps.log.debug({ err }, 'chat presence heartbeat failed'));
    };
    beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    timer.unref();
    return () => {
      clearInterval(timer);
      this.deps.redis.zrem(key, member).catch(() => undefined);
    };
  }

  async isWatching(threadId: string, userId: string): Promise<boolean> {
    try {
      const members = await this.deps.redis.zrangebyscore(this.key(threadId), this.deps.clock.now().getTime(), '+inf');
      return members.some((m) => m.startsWith(`${userId}:`));
    } catch {
      return false;
    }
  }
}
