/**
 * Migration 0031 (booking_events partitioned by month) on a database that already has histories:
 * every event moves over with its id into its month (months made from the oldest event's to three
 * past the latest), and the id sequence goes on where it was.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import { migrate } from '../../../src/db/migrate.js';
import { bookingFixtures, databaseBefore } from '../../helpers/migrations.js';

describe('migration 0031_booking_events_partitioned', () => {
  it('moves the histories a database holds into their months, ids kept, the sequence going on', async () => {
    const db = await databaseBefore('0031_');
    onTestFinished(() => db.close());
    const { sql } = db;

    // Given a database at 0030 with a booking made half a year ago and visited two months ahead
    const { branchId, serviceId } = await bookingFixtures(sql);
    const [user] = await sql<Array<{ id: string }>>`insert into users (last_name, first_name, phone) values ('Иванов', 'Иван', '+79990000001') returning id`;
    const [booking] = await sql<Array<{ id: string }>>`
      insert into bookings (number, user_id, branch_id, service_id, starts_at, ends_at, original_starts_at, status, created_at, updated_at)
      values ('МФЦ-Б-0000001', ${user?.id ?? ''}, ${branchId}, ${serviceId}, now() + interval '60 days', now() + interval '60 days 15 minutes', now() + interval '60 days', 'CONFIRMED', now() - interval '180 days', now())
      returning id`;
    await sql`insert into booking_events (booking_id, status, at) values
      (${booking?.id ?? ''}, 'PENDING_CONFIRMATION', now() - interval '180 days'), (${booking?.id ?? ''}, 'CONFIRMED', now() - interval '179 days'), (${booking?.id ?? ''}, 'COMPLETED', now() + interval '60 days')`;
    const ids = async () => (await sql<Array<{ id: string }>>`select id::text from booking_events order by id`).map((r) => r.id);
    const idsBefore = await ids();

    // When the rest of the migrations run
    await migrate(db.url);

    // Then every event is there with its id, in its own month's partition
    expect(await ids()).toEqual(idsBefore);
    const placed = await sql<Array<{ part: string; month: string }>>`select tableoid::regclass::text as part, to_char(at at time zone 'UTC', 'YYYYMM') as month from booking_events`;
    for (const p of placed) expect(p.part).toBe(`booking_events_p${p.month}`);
    // And the next event takes the next id
    const [next] = await sql<Array<{ id: string }>>`insert into booking_events (booking_id, status, at) values (${booking?.id ?? ''}, 'NO_SHOW', now()) returning id::text`;
    expect(BigInt(next?.id ?? 0)).toBe(BigInt(idsBefore.at(-1) ?? 0) + 1n);
  });
});
