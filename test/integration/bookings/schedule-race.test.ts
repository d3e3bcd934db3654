/**
 * A booking racing a schedule change: its slot was valid under the hours it read (or an instance's
 * cached hours), but its statement commits after the change's transaction looked for the bookings
 * to cancel. The change leaves a re-check behind (bookings.recheckSchedule, after
 * BOOKING_SCHEDULE_RECHECK_SECONDS) that cancels such a booking like the change itself would have.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AddExceptionCancellingDocument, AvailableSlotsDocument, BookAppointmentDocument, BookingWithHistoryDocument } from '../../../src/sdk/generated/graphql.js';
import type { MfcClient } from '../../../src/sdk/client.js';
import { createAccount, createStaff } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { EVERY_DAY, buildBranch, buildCategory, buildService } from '../../factories/catalog.js';

const t = useTestApp({ BOOKING_SCHEDULE_RECHECK_SECONDS: '1' });
let admin: MfcClient;
let categoryId: string;

beforeAll(async () => {
  admin = (await createStaff(t, 'ADMIN')).client;
  categoryId = (await buildCategory(admin)).id;
});

describe('a booking that commits after a schedule change looked for bookings to cancel', () => {
  it('is cancelled by the change’s re-check with the branch’s reason, and its place is free again', async () => {
    const service = await buildService(admin, categoryId);
    const branch = await buildBranch(admin, { workingHours: EVERY_DAY }, [service.id]);
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const slots = async () => (await t.client.request(AvailableSlotsDocument, { branchId: branch.id, serviceId: service.id, from: day, to: day })).availableSlots;
    const [slot] = await slots();
    if (!slot) throw new Error('no slot');
    const citizen = await createAccount(t, 'CITIZEN');
    const { sql } = t.running.app.db;

    // Given the booking's statement held up (its citizen's count row locked by another transaction)…
    await sql`insert into booking_holders (user_id, active) values (${citizen.id}, 0) on conflict do nothing`;
    const holder = await sql.reserve();
    let booking: Promise<{ id: string }>;
    try {
      await holder`begin`;
      await holder`select 1 from booking_holders where user_id = ${citizen.id} for update`;
      booking = citizen.client.request(BookAppointmentDocument, { input: { branchId: branch.id, serviceId: service.id, startsAt: slot.startsAt } }).then((r) => r.bookAppointment);
      await expect.poll(async () => (await sql<Array<{ n: number }>>`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query like '%booking_holders%'`)[0]?.n, { timeout: 5000 }).toBeGreaterThan(0);
      // …when the branch closes the day, finding no booking to cancel yet,
      const { addScheduleException } = await admin.request(AddExceptionCancellingDocument, { branchId: branch.id, input: { date: day, closed: true, note: 'санитарный день' } });
      expect(addScheduleException.cancelledBookings).toBe(0);
    } finally {
      await holder`rollback`;
      holder.release();
    }
    // and the held-up booking then commits on the closed day,
    const { id } = await booking;
    // then the re-check cancels it as the change would have, with the branch's reason.
    await expect.poll(async () => (await citizen.client.request(BookingWithHistoryDocument, { id })).booking?.status, { timeout: 10_000, interval: 200 }).toBe('CANCELLED');
    const { booking: after } = await citizen.client.request(BookingWithHistoryDocument, { id });
    expect(after?.history.at(-1)).toMatchObject({ status: 'CANCELLED', note: 'Отменена отделением: санитарный день' });
    const [place] = await sql<Array<{ taken: number }>>`select taken from slot_places where branch_id = ${branch.id} and service_id = ${service.id} and starts_at = ${slot.startsAt}::timestamptz`;
    expect(place?.taken).toBe(0);
  });
});
