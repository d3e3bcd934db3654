/**
 * What Redis keeps about password logins: the wrong-password count of a login string that names
 * no account (so it answers exactly like a known one: UNAUTHENTICATED, then ACCOUNT_LOCKED with a
 * lockedUntil after LOCKOUT_THRESHOLD, unlocking after LOCKOUT_MINUTES), and the "owner already
 * told of this lock" mark that keeps lock messages to one per lock period. Times come from the
 * application clock; Redis only forgets the keys. When Redis cannot be reached, an unknown login
 * answers UNAUTHENTICATED and the owner is told (fail open, logged).
 */
import type { Redis } from 'ioredis';
import type { Logger } from '../../shared/logger.js';
import { piiHash } from '../../shared/pii.js';

/** Counts one wrong password of a login string; answers its count and lock end (ms, 0 = none). */
const FAIL_SCRIPT = `
local v = redis.call('HMGET', KEYS[1], 'count', 'until')
local count = tonumber(v[1]) or 0
local untilMs = tonumber(v[2]) or 0
local now = tonumber(ARGV[1])
if untilMs > now then return {count, tostring(untilMs)} end
if untilMs > 0 then count = 0; untilMs = 0 end
count = count + 1
if count >= tonumber(ARGV[2]) then untilMs = now + tonumber(ARGV[3]) end
redis.call('HSET', KEYS[1], 'count', count, 'until', untilMs)
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[4]))
return {count, tostring(untilMs)}
`;

export interface LoginAttemptsDeps {
  redis: Redis;
  prefix: string;
  hashKey: string;
  log: Logger;
  threshold: number;
  lockMinutes: number;
}

export class LoginAttempts {
  constructor(private readonly deps: LoginAttemptsDeps) {}

  /** One wrong password for a login string no account answers to; the lock end when it is locked. */
  async failUnknown(login: string, now: Date): Promise<Date | null> {
    const { redis, threshold, lockMinutes } = this.deps;
    const lockMs = lockMinutes * 60_000;
    // Kept a day past a lock, so a slow guesser meets the same count a known account would keep.
    const ttlSeconds = Math.max(86_400, lockMinutes * 120);
    try {
      const res = (await redis.eval(FAIL_SCRIPT, 1, this.key('unknown', login), now.getTime(), threshold, lockMs, ttlSeconds)) as [number, string];
      const until = Number(res[1]);
      return until > now.getTime() ? new Date(until) : null;
    } catch (err) {
      this.deps.log.warn({ err }, 'login attempts unavailable: unknown login answered without a count');
      return null;
    }
  }

  /** True the first time it is asked for this account within a lock period: the owner is told then only. */
  async claimLockNotice(userId: string): Promise<boolean> {
    try {
      const set = await this.deps.redis.set(this.key('lock-notice', userId), '1', 'EX', this.deps.lockMinutes * 60, 'NX');
      return set === 'OK';
    } catch (err) {
      this.deps.log.warn({ err }, 'login attempts unavailable: lock notice sent without the once-per-lock check');
      return true;
    }
  }

  private key(kind: string, value: string): string {
    return `${this.deps.prefix}login:${kind}:${piiHash(this.deps.hashKey, 'ratelimit', `login-attempts:${value}`)}`;
  }
}

/** The login string as counted: its normalized form when it parses, else trimmed and lower-cased. */
export function loginKey(parsed: { kind: string; value: string } | null, raw: string): string {
  return parsed ? `${parsed.kind}:${parsed.value}` : `raw:${raw.trim().toLowerCase()}`;
}
