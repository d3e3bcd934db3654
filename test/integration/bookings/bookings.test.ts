import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AvailableDatesDocument,
  AvailableSlotsDocument,
  BookAppointmentDocument,
  BookingByIdDocument,
  BookingUpdatedDocument,
  CancelBookingDocument,
  ConfirmBookingDocument,
  CancelSlotWatchDocument,
  MyBookingsDocument,
  MySlotWatchesDocument,
  RescheduleBookingDocument,
  WatchSlotsDocument,
  SetBranchServiceCapacityDocument,
} from '../../../src/sdk/generated/graphql.js';
import type { MfcClient } from '../../../src/sdk/client.js';
import { createAccount, createStaff, registerCitizen } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { errorOf } from '../../helpers/graphql.js';
import { subscribe } from '../../helpers/subscriptions.js';
import { EVERY_DAY, buildBranch, buildCategory, buildService } from '../../factories/catalog.js';

// A short confirmation window so expiry can be watched; delayed jobs fire in real time.
const t = useTestApp({ BOOKING_CONFIRM_TTL_SECONDS: '2' });
let admin: MfcClient;
let categoryId: string;


beforeAll(async () => {
  admin = (await createStaff(t, 'ADMIN')).client;
  categoryId = (await buildCategory(admin)).id;
});

/** A branch offering one fresh service, and that service's first open slot from the day after tomorrow. */
async function place(opts: { capacity?: number; minutes?: number; timezone?: string } = {}) {
  const service = await buildService(admin, categoryId, { appointmentMinutes: opts.minutes ?? 15 });
  const branch = await buildBranch(admin, { timezone: opts.timezone ?? 'Europe/Moscow', workingHours: EVERY_DAY }, [service.id]);
  if (opts.capacity) await admin.request(SetBranchServiceCapacityDocument, { branchId: branch.id, serviceId: service.id, capacity: opts.capacity });
  const from = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 4 * 86_400_000).toISOString().slice(0, 10);
  const { availableSlots } = await t.client.request(AvailableSlotsDocument, { branchId: branch.id, serviceId: service.id, from, to });
  const slot = availableSlots[0];
  if (!slot) throw new Error('no slot');
  return { branch, service, slot, from, to, input: { branchId: branch.id, serviceId: service.id, startsAt: slot.startsAt } };
}

const slotsLeft = async (p: Awaited<ReturnType<typeof place>>) =>
  (await t.client.request(AvailableSlotsDocument, { branchId: p.branch.id, serviceId: p.service.id, from: p.from, to: p.to })).availableSlots.find((s) => s.startsAt === p.slot.startsAt)?.available;

describe('available dates and slots', () => {
  it('lists 15-minute slots in the branch’s local time with capacity and places left', async () => {
    const p = await place({ capacity: 2, timezone: 'Asia/Novosibirsk' });
    const { availableSlots } = await t.client.request(AvailableSlotsDocument, { branchId: p.branch.id, serviceId: p.service.id, from: p.from, to: p.from });
    expect(availableSlots).toHaveLength(48); // 08:00–20:00
    expect(availableSlots[0]).toMatchObject({ capacity: 2, available: 2 });
    // 08:00 in Novosibirsk (UTC+7) is 01:00 UTC.
    expect(availableSlots[0]?.startsAt).toBe(`${p.from}T01:00:00.000Z`);
    const { availableDates } = await t.client.request(AvailableDatesDocument, { branchId: p.branch.id, serviceId: p.service.id, from: p.from, to: p.to });
    expect(availableDates[0]).toBe(p.from);
  });

  it('a 30-minute service needs two free consecutive places', async () => {
    const p = await place({ minutes: 30 });
    const { availableSlots } = await t.client.request(AvailableSlotsDocument, { branchId: p.branch.id, serviceId: p.service.id, from: p.from, to: p.from });
    // The last start leaves the whole half hour before 20:00 Moscow time (17:00 UTC).
    expect(availableSlots.at(-1)?.endsAt).toBe(`${p.from}T17:00:00.000Z`);
    expect(new Date(availableSlots[0]?.endsAt ?? 0).getTime() - new Date(availableSlots[0]?.startsAt ?? 0).getTime()).toBe(30 * 60_000);
    const c = await createAccount(t, 'CITIZEN');
    await c.client.request(BookAppointmentDocument, { input: p.input });
    // The next quarter overlaps the booked half hour: full too.
    const after = (await t.client.request(AvailableSlotsDocument, { branchId: p.branch.id, serviceId: p.service.id, from: p.from, to: p.from })).availableSlots;
    expect(after[0]?.available).toBe(0);
    expect(after[1]?.available).toBe(0);
    expect(after[2]?.available).toBe(1);
  });
});

describe('no place is given twice', () => {
  it('50 parallel bookings of a place with capacity 1: exactly one succeeds, 49 conflicts', async () => {
    const p = await place();
    const citizens = await Promise.all(Array.from({ length: 50 }, () => createAccount(t, 'CITIZEN')));
    const results = await Promise.all(citizens.map((c) => c.client.raw(BookAppointmentDocument, { input: p.input })));
    expect(results.filter((r) => r.data?.bookAppointment)).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(49);
    expect(await slotsLeft(p)).toBe(0);
  });

  it('capacity 3: exactly three succeed', async () => {
    const p = await place({ capacity: 3 });
    const citizens = await Promise.all(Array.from({ length: 20 }, () => createAccount(t, 'CITIZEN')));
    const results = await Promise.all(citizens.map((c) => c.client.raw(BookAppointmentDocument, { input: p.input })));
    expect(results.filter((r) => r.data?.bookAppointment)).toHaveLength(3);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(17);
  });

  it('a citizen cannot hold two bookings at overlapping times, nor more than three', async () => {
    const a = await place();
    const b = await place();
    const c = await createAccount(t, 'CITIZEN');
    await c.client.request(BookAppointmentDocument, { input: a.input });
    const overlap = await errorOf(c.client.request(BookAppointmentDocument, { input: { ...b.input, startsAt: a.slot.startsAt } }));
    expect(overlap.code).toBe('CONFLICT');
    expect(overlap.message).toMatch(/уже есть запись/);
    const later = (n: number) => new Date(new Date(a.slot.startsAt).getTime() + n * 3_600_000).toISOString();
    await c.client.request(BookAppointmentDocument, { input: { ...b.input, startsAt: later(1) } });
    await c.client.request(BookAppointmentDocument, { input: { ...b.input, startsAt: later(2) } });
    const fourth = await errorOf(c.client.request(BookAppointmentDocument, { input: { ...b.input, startsAt: later(3) } }));
    expect(fourth).toMatchObject({ code: 'PRECONDITION_FAILED' });
    expect(fourth.extensions.rule).toBe('MAX_ACTIVE_BOOKINGS');
  });

  it('never more than three active bookings, even when one citizen books eight times at once', async () => {
    const p = await place();
    const c = await createAccount(t, 'CITIZEN');
    const at = (n: number) => new Date(new Date(p.slot.startsAt).getTime() + n * 3_600_000).toISOString();
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => c.client.raw(BookAppointmentDocument, { input: { ...p.input, startsAt: at(i) } })));
    expect(results.filter((r) => r.data?.bookAppointment)).toHaveLength(3);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.rule === 'MAX_ACTIVE_BOOKINGS')).toHaveLength(5);
    // Cancelling one gives a place back in the limit, and the count follows every change.
    const [first] = results.flatMap((r) => (r.data?.bookAppointment ? [r.data.bookAppointment.id] : []));
    await c.client.request(CancelBookingDocument, { id: first ?? '' });
    await c.client.request(BookAppointmentDocument, { input: { ...p.input, startsAt: at(9) } });
    expect((await errorOf(c.client.request(BookAppointmentDocument, { input: { ...p.input, startsAt: at(10) } }))).extensions.rule).toBe('MAX_ACTIVE_BOOKINGS');
    // The count the statement checks (kept by a trigger) is the count of the citizen's active bookings.
    const [counts] = await t.running.app.db.sql<{ kept: number; real: number }[]>`
      select (select active from booking_holders where user_id = ${c.id}) as kept,
        (select count(*)::int from bookings where user_id = ${c.id} and status in ('PENDING_CONFIRMATION', 'CONFIRMED', 'CHECKED_IN')) as real`;
    expect(counts).toEqual({ kept: 3, real: 3 });
  });

  it('refuses a time that is not a slot', async () => {
    const p = await place();
    const c = await createAccount(t, 'CITIZEN');
    const odd = new Date(new Date(p.slot.startsAt).getTime() + 7 * 60_000).toISOString();
    const err = await errorOf(c.client.request(BookAppointmentDocument, { input: { ...p.input, startsAt: odd } }));
    expect(err.extensions.fields).toEqual([expect.objectContaining({ field: 'input.startsAt' })]);
  });
});

describe('a booking’s life', () => {
  it('holds the place, is confirmed with a message, and frees the place when cancelled', async () => {
    const p = await place();
    const c = await registerCitizen(t);
    const { bookAppointment: b } = await c.client.request(BookAppointmentDocument, { input: { ...p.input, purpose: 'Замена паспорта' } });
    expect(b).toMatchObject({ status: 'PENDING_CONFIRMATION', canCancel: true, canReschedule: true, reschedulesLeft: 3, purpose: 'Замена паспорта' });
    expect(b.number).toMatch(/^МФЦ-Б-\d{7}$/);
    expect(b.ticketCode.split('.')).toHaveLength(3);
    expect(new Date(b.confirmBy ?? 0).getTime() - Date.now()).toBeLessThanOrEqual(2000);
    expect(await slotsLeft(p)).toBe(0);

    const since = t.sms.messages.length;
    const { confirmBooking } = await c.client.request(ConfirmBookingDocument, { id: b.id });
    expect(confirmBooking).toMatchObject({ status: 'CONFIRMED', confirmBy: null });
    await t.sms.waitFor((m) => m.to === c.phone && m.text.includes(b.number) && t.sms.messages.indexOf(m) >= since);

    const { cancelBooking } = await c.client.request(CancelBookingDocument, { id: b.id, reason: 'Планы изменились' });
    expect(cancelBooking.status).toBe('CANCELLED');
    expect(cancelBooking.history.map((h) => h.status)).toEqual(['PENDING_CONFIRMATION', 'CONFIRMED', 'CANCELLED']);
    expect(await slotsLeft(p)).toBe(1);
  });

  it('an unconfirmed booking expires after the TTL, frees its place and tells the subscriber', async () => {
    const p = await place();
    const c = await createAccount(t, 'CITIZEN');
    const updates = await subscribe(c.client, BookingUpdatedDocument);
    const { bookAppointment: b } = await c.client.request(BookAppointmentDocument, { input: p.input });
    const expired = await updates.next((e) => e.bookingUpdated.id === b.id && e.bookingUpdated.status === 'EXPIRED', 10_000);
    expect(expired.bookingUpdated.number).toBe(b.number);
    expect(await slotsLeft(p)).toBe(1);
    expect((await errorOf(c.client.request(ConfirmBookingDocument, { id: b.id }))).code).toBe('PRECONDITION_FAILED');
    await updates.dispose();
  });

  it('a retry with the same Idempotency-Key returns the same booking', async () => {
    const p = await place({ capacity: 5 });
    const c = await createAccount(t, 'CITIZEN');
    const headers = { 'idempotency-key': 'retry-42' };
    const first = await c.client.request(BookAppointmentDocument, { input: p.input }, headers);
    const again = await c.client.request(BookAppointmentDocument, { input: p.input }, headers);
    expect(again.bookAppointment.id).toBe(first.bookAppointment.id);
    expect((await c.client.request(MyBookingsDocument, {})).myBookings.totalCount).toBe(1);
    expect(await slotsLeft(p)).toBe(4);
  });

  it('belongs to its owner only', async () => {
    const p = await place();
    const owner = await createAccount(t, 'CITIZEN');
    const other = await createAccount(t, 'CITIZEN');
    const { bookAppointment: b } = await owner.client.request(BookAppointmentDocument, { input: p.input });
    expect((await other.client.request(BookingByIdDocument, { id: b.id })).booking).toBeNull();
    // Another citizen's booking answers exactly like an id that does not exist (no existence oracle).
    const unknown = randomUUID();
    const alike = async (call: (client: MfcClient, id: string) => Promise<unknown>) => {
      const theirs = await errorOf(call(other.client, b.id));
      const none = await errorOf(call(other.client, unknown));
      expect(theirs.code).toBe('NOT_FOUND');
      expect({ message: theirs.message, extensions: theirs.extensions }).toEqual({ message: none.message, extensions: none.extensions });
    };
    await alike((c, id) => c.request(ConfirmBookingDocument, { id }));
    await alike((c, id) => c.request(CancelBookingDocument, { id }));
    await alike((c, id) => c.request(RescheduleBookingDocument, { id, startsAt: p.slot.startsAt }));
    expect((await other.client.request(BookingByIdDocument, { id: unknown })).booking).toBeNull();
    // The booking's files: 404 with the same body as an unknown id.
    await owner.client.request(ConfirmBookingDocument, { id: b.id });
    for (const file of ['ticket.pdf', 'event.ics']) {
      const get = async (id: string) => {
        const res = await fetch(`${t.url}/bookings/${id}/${file}`, { headers: { authorization: `Bearer ${other.accessToken}` } });
        return { status: res.status, body: await res.text() };
      };
      expect(await get(b.id)).toEqual({ status: 404, body: (await get(unknown)).body });
    }
    // The owner still does all of it.
    expect((await owner.client.request(BookingByIdDocument, { id: b.id })).booking?.id).toBe(b.id);
    expect((await fetch(`${t.url}/bookings/${b.id}/ticket.pdf`, { headers: { authorization: `Bearer ${owner.accessToken}` } })).status).toBe(200);
    expect((await owner.client.request(CancelBookingDocument, { id: b.id })).cancelBooking.status).toBe('CANCELLED');
  });

  it('staff of the booking\'s branch, who may read it, are refused changes with FORBIDDEN', async () => {
    const p = await place();
    const owner = await createAccount(t, 'CITIZEN');
    const operator = await createStaff(t, 'OPERATOR', { staffBranchId: p.branch.id });
    const { bookAppointment: b } = await owner.client.request(BookAppointmentDocument, { input: p.input });
    expect((await operator.client.request(BookingByIdDocument, { id: b.id })).booking?.id).toBe(b.id);
    expect((await errorOf(operator.client.request(CancelBookingDocument, { id: b.id }))).code).toBe('FORBIDDEN');
  });
});

describe('reminders', () => {
  const jobOf = async (id: string) => t.running.app.queues.get('maintenance').getJob(id);
  const waitFor = async (check: () => Promise<boolean>) => {
    const deadline = Date.now() + 5000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('condition not met in time');
      await new Promise((r) => setTimeout(r, 25));
    }
  };

  it('a confirmed booking gets a delayed reminder 24 hours before; moving it moves the reminder; cancelling removes it', async () => {
    const p = await place({ capacity: 2 });
    const c = await registerCitizen(t);
    const { bookAppointment: b } = await c.client.request(BookAppointmentDocument, { input: p.input });
    await c.client.request(ConfirmBookingDocument, { id: b.id });
    const first = `remind-${b.id}-${new Date(b.startsAt).getTime()}`;
    await waitFor(async () => (await jobOf(first)) !== undefined);
    const job = await jobOf(first);
    expect(job?.name).toBe('bookings.remind');
    expect((job?.timestamp ?? 0) + (job?.opts.delay ?? 0)).toBeCloseTo(new Date(b.startsAt).getTime() - 24 * 3_600_000, -4);

    const { availableSlots } = await t.client.request(AvailableSlotsDocument, { branchId: p.branch.id, serviceId: p.service.id, from: p.from, to: p.to });
    const later = availableSlots[6]?.startsAt ?? '';
    await c.client.request(RescheduleBookingDocument, { id: b.id, startsAt: later });
    const second = `remind-${b.id}-${new Date(later).getTime()}`;
    await waitFor(async () => (await jobOf(second)) !== undefined);
    expect(await jobOf(first)).toBeUndefined();

    await c.client.request(CancelBookingDocument, { id: b.id });
    expect(await jobOf(second)).toBeUndefined();
  });

  it('the reminder tells the citizen, and a stale one says nothing', async () => {
    const p = await place();
    const c = await registerCitizen(t);
    const { bookAppointment: b } = await c.client.request(BookAppointmentDocument, { input: p.input });
    await c.client.request(ConfirmBookingDocument, { id: b.id });
    const bookings = t.running.app.services.bookings;
    expect(await bookings.remind(b.id, new Date(new Date(b.startsAt).getTime() + 15 * 60_000).toISOString())).toBe(false);
    expect(await bookings.remind(b.id, b.startsAt)).toBe(true);
    await t.sms.waitFor((m) => m.to === c.phone && /напоминаем о визите/.test(m.text));
  });
});

describe('slot watches', () => {
  it('holds a freed place on a watched day for the watcher and tells them, once (the fair hand-off: handoff.test.ts)', async () => {
    const p = await place();
    const holder = await createAccount(t, 'CITIZEN');
    const { bookAppointment: b } = await holder.client.request(BookAppointmentDocument, { input: p.input });
    const watcher = await registerCitizen(t);
    const day = p.from;
    const { watchSlots } = await watcher.client.request(WatchSlotsDocument, { input: { branchId: p.branch.id, serviceId: p.service.id, from: day, to: day } });
    expect(watchSlots).toMatchObject({ active: true, from: day, to: day, branch: { id: p.branch.id } });

    await holder.client.request(CancelBookingDocument, { id: b.id });
    await t.sms.waitFor((m) => m.to === watcher.phone && /ждёт вас/.test(m.text));
    const { mySlotWatches } = await watcher.client.request(MySlotWatchesDocument);
    expect(mySlotWatches).toEqual([expect.objectContaining({ id: watchSlots.id, active: false })]);
    expect(await slotsLeft(p)).toBe(0);

    // Fired once: another place freed that day says nothing.
    const again = await createAccount(t, 'CITIZEN');
    const later = new Date(new Date(p.slot.startsAt).getTime() + 3_600_000).toISOString();
    const { bookAppointment: b2 } = await again.client.request(BookAppointmentDocument, { input: { ...p.input, startsAt: later } });
    await again.client.request(CancelBookingDocument, { id: b2.id });
    await new Promise((r) => setTimeout(r, 500));
    expect(t.sms.messages.filter((m) => m.to === watcher.phone && /ждёт вас/.test(m.text))).toHaveLength(1);
  });

  it('can be cancelled, and checks its dates', async () => {
    const p = await place();
    const c = await createAccount(t, 'CITIZEN');
    const bad = await errorOf(c.client.request(WatchSlotsDocument, { input: { branchId: p.branch.id, serviceId: p.service.id, from: p.to, to: p.from } }));
    expect(bad.extensions.fields).toEqual([expect.objectContaining({ field: 'input.to' })]);
    const { watchSlots } = await c.client.request(WatchSlotsDocument, { input: { branchId: p.branch.id, serviceId: p.service.id, from: p.from, to: p.to } });
    expect((await c.client.request(CancelSlotWatchDocument, { id: watchSlots.id })).cancelSlotWatch).toBe(true);
    expect((await errorOf(c.client.request(CancelSlotWatchDocument, { id: watchSlots.id }))).code).toBe('NOT_FOUND');
  });
});
