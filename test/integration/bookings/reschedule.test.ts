import { beforeAll, describe, expect, it } from 'vitest';
import type { Job } from 'bullmq';
import {
  AvailableSlotsDocument,
  BookAppointmentDocument,
  BookingByIdDocument,
  RescheduleBookingDocument,
} from '../../../src/sdk/generated/graphql.js';
import type { MfcClient } from '../../../src/sdk/client.js';
import { sweepBookings } from '../../../src/modules/bookings/index.js';
import { processors } from '../../../workers/main.js';
import { createAccount, createStaff, loginAs } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { errorOf } from '../../helpers/graphql.js';
import { EVERY_DAY, buildBranch, buildCategory, buildService } from '../../factories/catalog.js';

// Workers are off: the sweeper is run by hand, and delayed expiry jobs must not interfere.
const t = useTestApp({ ROLE: 'api' });
let admin: MfcClient;
let categoryId: string;

beforeAll(async () => {
  admin = (await createStaff(t, 'ADMIN')).client;
  categoryId = (await buildCategory(admin)).id;
});

async function booked() {
  const service = await buildService(admin, categoryId);
  const branch = await buildBranch(admin, { workingHours: EVERY_DAY }, [service.id]);
  const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const { availableSlots } = await t.client.request(AvailableSlotsDocument, { branchId: branch.id, serviceId: service.id, from: day, to: day });
  const citizen = await createAccount(t, 'CITIZEN');
  const first = availableSlots[0]?.startsAt ?? '';
  const { bookAppointment } = await citizen.client.request(BookAppointmentDocument, { input: { branchId: branch.id, serviceId: service.id, startsAt: first } });
  return { citizen, booking: bookAppointment, slots: availableSlots.map((s) => s.startsAt), branch, service, day };
}

describe('reschedule', () => {
  it('moves the booking, freeing the old place, at most three times', async () => {
    const { citizen, booking, slots, branch, service, day } = await booked();
    for (let i = 1; i <= 3; i++) {
      const { rescheduleBooking } = await citizen.client.request(RescheduleBookingDocument, { id: booking.id, startsAt: slots[i] ?? '' });
      expect(rescheduleBooking).toMatchObject({ startsAt: slots[i], rescheduleCount: i, reschedulesLeft: 3 - i, originalStartsAt: slots[0] });
    }
    const { availableSlots } = await t.client.request(AvailableSlotsDocument, { branchId: branch.id, serviceId: service.id, from: day, to: day });
    expect(availableSlots.slice(0, 4).map((s) => s.available)).toEqual([1, 1, 1, 0]);
    const fourth = await errorOf(citizen.client.request(RescheduleBookingDocument, { id: booking.id, startsAt: slots[5] ?? '' }));
    expect(fourth.code).toBe('PRECONDITION_FAILED');
    expect(fourth.extensions.rule).toBe('RESCHEDULE_LIMIT');
    expect((await citizen.client.request(BookingByIdDocument, { id: booking.id })).booking?.canReschedule).toBe(false);
  });

  it('refuses inside 24 hours of the visit', async () => {
    const { citizen, booking, slots } = await booked();
    try {
      t.clock.set(new Date(new Date(booking.startsAt).getTime() - 23 * 3_600_000));
      // Days later the old session has gone idle: the citizen signs in again.
      const later = (await loginAs(t, citizen.phone)).client;
      const err = await errorOf(later.request(RescheduleBookingDocument, { id: booking.id, startsAt: slots[8] ?? '' }));
      expect(err.extensions.rule).toBe('RESCHEDULE_DEADLINE');
      expect((await later.request(BookingByIdDocument, { id: booking.id })).booking?.canReschedule).toBe(false);
    } finally {
      t.clock.reset();
    }
  });

  it('refuses a time more than 30 days from the original one, and a full place', async () => {
    const { citizen, booking, slots, branch, service } = await booked();
    const far = new Date(new Date(booking.startsAt).getTime() + 31 * 86_400_000).toISOString();
    expect((await errorOf(citizen.client.request(RescheduleBookingDocument, { id: booking.id, startsAt: far }))).extensions.rule).toBe('RESCHEDULE_WINDOW');
    const other = await createAccount(t, 'CITIZEN');
    await other.client.request(BookAppointmentDocument, { input: { branchId: branch.id, serviceId: service.id, startsAt: slots[2] ?? '' } });
    expect((await errorOf(citizen.client.request(RescheduleBookingDocument, { id: booking.id, startsAt: slots[2] ?? '' }))).code).toBe('CONFLICT');
  });
});

describe('expiry sweeper', () => {
  it('expires bookings past their confirmBy even without the delayed job', async () => {
    const { citizen, booking } = await booked();
    try {
      t.clock.set(new Date(new Date(booking.confirmBy ?? 0).getTime() + 1000));
      const sweep = processors[sweepBookings.name];
      if (!sweep) throw new Error('no processor');
      expect(await sweep({ name: sweepBookings.name, data: {} } as Job, t.running.app)).toBeGreaterThanOrEqual(1);
      const later = (await loginAs(t, citizen.phone)).client;
      expect((await later.request(BookingByIdDocument, { id: booking.id })).booking?.status).toBe('EXPIRED');
    } finally {
      t.clock.reset();
    }
  });
});
