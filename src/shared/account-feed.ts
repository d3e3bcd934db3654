/**
 * The one door every module uses to put an event into a user's account feed (accountUpdates,
 * src/modules/updates): call `append` inside the transaction of the change, so the event commits
 * with it or not at all. Live subscribers are woken after the commit (PostgreSQL NOTIFY) on every
 * API instance; a client that reconnects replays what it missed from its cursor. The payload is a
 * reference (kind and id): what is delivered is read, with the subscriber's rights, at delivery.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.js';

export type AccountEventKind = 'BOOKING' | 'TICKET' | 'APPLICATION_EVENT' | 'NOTIFICATION' | 'CHAT_MESSAGE' | 'PAYMENT';

export interface AccountFeed {
  append(tx: Executor, userId: string, kind: AccountEventKind, subjectId: string): Promise<void>;
  /**
   * The same append as CTEs of the caller's own statement, for a hot write that must stay one
   * round trip (the booking's statement): `feed_head`, `feed_event` and `feed_notify`, writing
   * only when `when` (a condition on the caller's CTEs) holds. The caller puts them in its WITH
   * list and selects from `feed_notify` (a CTE nobody reads does not run: no wake-up).
   */
  appendCtes(userId: string, kind: AccountEventKind, subjectId: string, when: SQL): SQL;
}

/** A feed that keeps nothing (a module built alone, in unit tests). */
export const noAccountFeed: AccountFeed = { append: () => Promise.resolve(), appendCtes: () => sql`feed_notify AS (SELECT 1 WHERE false)` };
