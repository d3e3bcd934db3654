/**
 * The account feed: AccountFeed.append for every module (in the change's transaction), and the
 * resumable stream behind accountUpdates. A stream starts after the client's cursor (or at the
 * newest event when it has none), reads the user's events from PostgreSQL in order, and waits for
 * the next commit: every API instance LISTENs on the feed's channel and wakes the streams of that
 * user (a reconnect of the listener, or the poll safety net, wakes them all). Each event is resolved
 * with the subscriber's rights at delivery; one the subscriber may no longer see is passed over.
 */
import { Repeater } from '@repeaterjs/repeater';
import type { Config } from '../../config/env.js';
import type { Database, Executor } from '../../db/client.js';
import type { AccountEventKind, AccountFeed } from '../../shared/account-feed.js';
import type { Clock } from '../../shared/clock.js';
import { preconditionFailed } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import * as repo from './updates.repository.js';
import type { AccountEventRow } from './updates.repository.js';
import { decodeCursor, resumeRefusal } from './updates.rules.js';

/** LISTEN on a channel (postgres.js `sql.listen`): `onListen` runs on every (re)connect. */
export type Listen = (channel: string, onNotify: (payload: string) => void, onListen: () => void) => Promise<{ unlisten(): Promise<void> }>;

export interface UpdatesDeps {
  config: Pick<Config, 'ACCOUNT_UPDATES_RETENTION_HOURS' | 'ACCOUNT_UPDATES_POLL_MS'>;
  db: Database;
  clock: Clock;
  log: Logger;
  listen: Listen;
}

/** Events read per query while catching up. */
const REPLAY_BATCH = 500;
/** Events of a catch-up resolved at once (each is one read with the subscriber's rights). */
const RESOLVE_AHEAD = 25;

export class AccountFeedService implements AccountFeed {
  private readonly waiters = new Map<string, Set<() => void>>();
  private listening: Promise<{ unlisten(): Promise<void> }> | null = null;

  constructor(private readonly deps: UpdatesDeps) {}

  async append(tx: Executor, userId: string, kind: AccountEventKind, subjectId: string): Promise<void> {
    await repo.append(tx, { userId, kind, subjectId, at: this.deps.clock.now() });
  }

  appendCtes(userId: string, kind: AccountEventKind, subjectId: string, when: Parameters<typeof repo.appendCtes>[0]['when']): ReturnType<typeof repo.appendCtes> {
    return repo.appendCtes({ userId, kind, subjectId, at: this.deps.clock.now(), when });
  }

  /** Where a stream of the user starts: after a valid cursor, or after the newest event. PRECONDITION_FAILED (rule CURSOR_UNKNOWN / CURSOR_EXPIRED) otherwise. */
  async startAfter(userId: string, after: string | null): Promise<number> {
    await this.listen();
    const { head, oldest } = await repo.bounds(this.deps.db, userId);
    if (after === null) return head;
    const seq = decodeCursor(after);
    const refusal = resumeRefusal(seq, head, oldest);
    if (refusal) throw preconditionFailed(refusal.message, { rule: refusal.rule, field: 'after' });
    return seq ?? head;
  }

  /** The user's events after `from`, in order, each turned into what is delivered (null: passed over), then live ones. */
  stream<T>(userId: string, from: number, resolve: (e: AccountEventRow) => Promise<T | null>): AsyncIterable<T> {
    return new Repeater<T>(async (push, stop) => {
      let last = from;
      let woken = true;
      let wake: () => void = () => undefined;
      const signal = () => {
        woken = true;
        wake();
      };
      this.register(userId, signal);
      let done = false;
      void stop.then(() => {
        done = true;
        this.unregister(userId, signal);
        wake();
      });
      while (!done) {
        if (!woken) await new Promise<void>((r) => {
          wake = r;
          setTimeout(r, this.deps.config.ACCOUNT_UPDATES_POLL_MS);
        });
        woken = false;
        for (let rows = await repo.eventsAfter(this.deps.db, userId, last, REPLAY_BATCH); rows.length > 0 && !done; rows = await repo.eventsAfter(this.deps.db, userId, last, REPLAY_BATCH)) {
          // Resolved RESOLVE_AHEAD at a time (one read each, concurrently), delivered in order.
          for (let i = 0; i < rows.length && !done; i += RESOLVE_AHEAD) {
            const chunk = rows.slice(i, i + RESOLVE_AHEAD);
            const values = await Promise.all(chunk.map(resolve));
            for (const value of values) if (value !== null) await push(value);
            last = chunk.at(-1)?.seq ?? last;
          }
        }
      }
    });
  }

  /** The retention job: events older than ACCOUNT_UPDATES_RETENTION_HOURS go. */
  async prune(): Promise<number> {
    const before = new Date(this.deps.clock.now().getTime() - this.deps.config.ACCOUNT_UPDATES_RETENTION_HOURS * 3_600_000);
    let total = 0;
    for (let n = await repo.prune(this.deps.db, before, 10_000); n > 0; n = await repo.prune(this.deps.db, before, 10_000)) total += n;
    return total;
  }

  async close(): Promise<void> {
    const listening = this.listening;
    this.listening = null;
    if (listening) await (await listening).unlisten().catch(() => undefined);
  }

  private listen(): Promise<unknown> {
    this.listening ??= this.deps.listen(repo.FEED_CHANNEL, (userId) => this.wake(userId), () => this.wakeAll());
    return this.listening;
  }

  private register(userId: string, fn: () => void): void {
    const set = this.waiters.get(userId) ?? new Set();
    set.add(fn);
    this.waiters.set(userId, set);
  }

  private unregister(userId: string, fn: () => void): void {
    const set = this.waiters.get(userId);
    set?.delete(fn);
    if (set?.size === 0) this.waiters.delete(userId);
  }

  private wake(userId: string): void {
    for (const fn of this.waiters.get(userId) ?? []) fn();
  }

  private wakeAll(): void {
    for (const set of this.waiters.values()) for (const fn of set) fn();
  }
}
