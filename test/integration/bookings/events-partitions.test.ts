/**
 * Bookings' histories (booking_events) partitioned by UTC month of `at` (migration 0031): a
 * booking's history reads as before and only from the month of its creation on (pruned when the
 * statement runs); bookings.pruneEvents creates the months ahead, drops whole months past
 * BOOKING_EVENTS_RETENTION_DAYS and deletes older rows from the default partition; the bookings stay.
 */
import { describe, expect, it } from 'vitest';
import type { Job } from 'bullmq';
import { processors } from '../../../workers/main.js';
import { AvailableSlotsDocument, BookAppointmentDocument, BookingWithHistoryDocument, CancelBookingDocument } from '../../../src/sdk/generated/graphql.js';
import { ensurePartitions, partitionName, periodStart } from '../../../src/db/partitions.js';
import { createAccount, createStaff } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { partitionNames } from '../../helpers/partitions.js';
import { planOf, statementsOf } from '../../helpers/statements.js';
import { EVERY_DAY, buildBranch, buildCategory, buildService } from '../../factories/catalog.js';

const t = useTestApp({ BOOKING_EVENTS_RETENTION_DAYS: '60' });
const DAY = 86_400_000;
const month = (at: Date, n = 0) => partitionName('booking_events', 'month', periodStart('month', at, n));

async function booked() {
  const admin = (await createStaff(t, 'ADMIN')).client;
  const service = await buildService(admin, (await buildCategory(admin)).id, { appointmentMinutes: 15 });
  const branch = await buildBranch(admin, { timezone: 'Europe/Moscow', workingHours: EVERY_DAY }, [service.id]);
  const day = new Date(Date.now() + 2 * DAY).toISOString().slice(0, 10);
  const [slot] = (await t.client.request(AvailableSlotsDocument, { branchId: branch.id, serviceId: service.id, from: day, to: day })).availableSlots;
  const citizen = await createAccount(t, 'CITIZEN');
  const { bookAppointment } = await citizen.client.request(BookAppointmentDocument, { input: { branchId: branch.id, serviceId: service.id, startsAt: slot?.startsAt ?? '' } });
  return { citizen, id: bookAppointment.id };
}

describe('bookings histories partitioned by month', () => {
  it('a history reads as before, from the month of its booking on only', async () => {
    const sql = t.running.app.db.sql;
    expect((await sql`select 1 from pg_partitioned_table p join pg_class c on c.oid = p.partrelid where c.relname = 'booking_events'`).length).toBe(1);
    const now = t.clock.now();
    await ensurePartitions(t.running.app.db.db, 'booking_events', 'month', periodStart('month', now, -2), 2);
    const { citizen, id } = await booked();
    await citizen.client.request(CancelBookingDocument, { id, reason: 'Планы изменились' });
    const { booking } = await citizen.client.request(BookingWithHistoryDocument, { id });
    expect(booking?.history.map((e) => e.status)).toEqual(['PENDING_CONFIRMATION', 'CANCELLED']);

    // The statement the app sent, run again with its parameters: the months before the booking's are never read.
    const sent = await statementsOf(sql, () => citizen.client.request(BookingWithHistoryDocument, { id }));
    const history = sent.find((s) => /from "booking_events"/.test(s.text));
    if (!history) throw new Error(`no history statement among ${sent.length}`);
    const plan = await planOf(sql, history, 'analyze, costs off, timing off, summary off');
    // A month is read when a scan of it ran (one pruned at run time shows "(never executed)" or is gone).
    const read = (name: string) => plan.split('\n').some((line) => line.includes(` on ${name} `) && !line.includes('never executed'));
    expect(read(month(now)), plan).toBe(true);
    expect(read(month(now, -1)), plan).toBe(false);
    expect(read(month(now, -2)), plan).toBe(false);
  });

  it('the job keeps months ahead, drops whole months past BOOKING_EVENTS_RETENTION_DAYS and trims the default; the booking stays', async () => {
    const sql = t.running.app.db.sql;
    const now = t.clock.now();
    const { id } = await booked();
    await ensurePartitions(t.running.app.db.db, 'booking_events', 'month', periodStart('month', now, -5), 4); // months -5 .. -1
    const event = (at: Date, note: string) => sql`insert into booking_events (booking_id, status, at, note) values (${id}, 'CONFIRMED', ${at.toISOString()}::timestamptz, ${note})`;
    await event(new Date(periodStart('month', now, -5).getTime() + DAY), 'OLD_5');
    await event(new Date(periodStart('month', now, -4).getTime() + DAY), 'OLD_4');
    await event(new Date(now.getTime() - 20 * DAY), 'RECENT'); // within the 60 days: its month stays
    await event(periodStart('month', now, -30), 'ANCIENT'); // no month of its own: the default partition
    await sql.unsafe(`drop table "${month(now, 3)}"`); // the last month ahead: made again

    const processor = processors['bookings.pruneEvents'];
    if (!processor) throw new Error('no processor for bookings.pruneEvents');
    await processor({ name: 'bookings.pruneEvents', data: {} } as Job, t.running.app);
    const left = await partitionNames(t.running.app.db.sql, 'booking_events');
    expect(left).not.toContain(month(now, -5));
    expect(left).not.toContain(month(now, -4));
    expect(left).toEqual(expect.arrayContaining([month(now), month(now, 3), month(new Date(now.getTime() - 20 * DAY)), 'booking_events_default']));
    const notes = (await sql<Array<{ note: string | null }>>`select note from booking_events where booking_id = ${id} order by at`).map((r) => r.note);
    expect(notes).toEqual(['RECENT', 'Место удерживается до подтверждения']);
    expect((await sql`select 1 from bookings where id = ${id}`).length).toBe(1);
  });
});
