/** The calendar feed's generation per citizen, and the visits a feed shows. */
import { and, asc, eq, gte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { bookings, calendarFeeds } from '../../db/schema/index.js';
import type { BookingRow } from './bookings.repository.js';

/** The user's current generation (0 before the first reset). */
export async function feedGeneration(db: Executor, userId: string): Promise<number> {
  const [row] = await db.select({ generation: calendarFeeds.generation }).from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
  return row?.generation ?? 0;
}

/** Moves the user to the next generation (one statement: concurrent resets each count). */
export async function nextFeedGeneration(db: Executor, userId: string, now: Date): Promise<number> {
  const [row] = await db
    .insert(calendarFeeds)
    .values({ userId, generation: 1, resetAt: now })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { generation: sql`${calendarFeeds.generation} + 1`, resetAt: now } })
    .returning({ generation: calendarFeeds.generation });
  return row?.generation ?? 1;
}

/** The user's visits from `since` on, by time (at most `limit`). */
export function feedBookings(db: Executor, userId: string, since: Date, limit: number): Promise<BookingRow[]> {
  return db.select().from(bookings).where(and(eq(bookings.userId, userId), gte(bookings.startsAt, since))).orderBy(asc(bookings.startsAt)).limit(limit);
}
