/**
 * Migration 0029 (booking_holders) on a database that already has bookings: every citizen's count
 * of active bookings is filled in from the bookings there are, and kept by the trigger from then on.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import { migrate } from '../../../src/db/migrate.js';
import { bookingFixtures, databaseBefore } from '../../helpers/migrations.js';

describe('migration 0029_booking_holders', () => {
  it('counts the active bookings a database already holds, then keeps counting', async () => {
    const db = await databaseBefore('0029_');
    onTestFinished(() => db.close());
    const { sql } = db;

    // Given a database at 0028 with bookings of every status
    const { branchId, serviceId } = await bookingFixtures(sql);
    const citizens = await sql<Array<{ id: string }>>`insert into users (last_name, first_name, phone) select 'Иванов', 'Гражданин ' || g, '+7999000000' || g from generate_series(1, 3) g returning id`;
    const [two, none, one] = citizens.map((c) => c.id);
    let n = 0;
    const book = async (userId: string | undefined, status: string) => {
      n += 1;
      const starts = new Date(Date.UTC(2030, 0, 1, 6) + n * 3_600_000);
      await sql`
        insert into bookings (number, user_id, branch_id, service_id, starts_at, ends_at, original_starts_at, status, created_at, updated_at)
        values (${`МФЦ-Б-${String(n).padStart(7, '0')}`}, ${userId ?? ''}, ${branchId}, ${serviceId}, ${starts.toISOString()}::timestamptz, ${new Date(starts.getTime() + 900_000).toISOString()}::timestamptz, ${starts.toISOString()}::timestamptz, ${status}, now(), now())`;
    };
    await book(two, 'PENDING_CONFIRMATION');
    await book(two, 'CONFIRMED');
    await book(two, 'CANCELLED');
    await book(two, 'COMPLETED');
    await book(none, 'EXPIRED');
    await book(none, 'NO_SHOW');
    await book(one, 'CHECKED_IN');

    // When the rest of the migrations run
    await migrate(db.url);

    // Then each citizen's count is that of their active bookings
    const counts = async () => Object.fromEntries((await sql<Array<{ user_id: string; active: number }>>`select user_id, active from booking_holders`).map((r) => [r.user_id, r.active]));
    expect(await counts()).toEqual({ [two ?? '']: 2, [one ?? '']: 1 });
    // And the trigger keeps it: a new booking, one cancelled, one deleted
    await book(none, 'PENDING_CONFIRMATION');
    await sql`update bookings set status = 'CANCELLED' where user_id = ${two ?? ''} and status = 'CONFIRMED'`;
    await sql`delete from bookings where user_id = ${one ?? ''}`;
    expect(await counts()).toEqual({ [two ?? '']: 1, [none ?? '']: 1, [one ?? '']: 0 });
  });
});
