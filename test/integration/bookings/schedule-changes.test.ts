import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AddDocumentDocument,
  AddExceptionCancellingDocument,
  AvailableSlotsDocument,
  BookAppointmentDocument,
  BookingReadinessDocument,
  BookingUpdatedDocument,
  BookingWithHistoryDocument,
  CancelBookingDocument,
  ConfirmBookingDocument,
  NotificationsDocument,
  RescheduleBookingDocument,
  SetHoursCancellingDocument,
} from '../../../src/sdk/generated/graphql.js';
import type { MfcClient } from '../../../src/sdk/client.js';
import { createAccount, createStaff } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { subscribe } from '../../helpers/subscriptions.js';
import { EVERY_DAY, buildBranch, buildCategory, buildService } from '../../factories/catalog.js';

// Workers off: nothing is relayed, so a reminder still in the outbox shows whether it was removed.
const t = useTestApp({ ROLE: 'api', BOOKING_URL: 'https://mfc.example/booking' });
let admin: MfcClient;
let categoryId: string;
const dayAhead = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  admin = (await createStaff(t, 'ADMIN')).client;
  categoryId = (await buildCategory(admin)).id;
});

/** A Moscow branch open 08:00-20:00 every day with one fresh service, and its slots on a day three days ahead. */
async function branchDay(requiredDocuments?: Array<{ kind: 'PASSPORT_RF' | 'SNILS'; title: string; optional: boolean }>) {
  const service = await buildService(admin, categoryId, requiredDocuments ? { requiredDocuments } : {});
  const branch = await buildBranch(admin, { workingHours: EVERY_DAY }, [service.id]);
  const day = dayAhead(3);
  const slotsOn = async (d: string) =>
    (await t.client.request(AvailableSlotsDocument, { branchId: branch.id, serviceId: service.id, from: d, to: d })).availableSlots;
  const slots = (await slotsOn(day)).map((s) => s.startsAt);
  const book = async (c: { client: MfcClient }, startsAt: string) =>
    (await c.client.request(BookAppointmentDocument, { input: { branchId: branch.id, serviceId: service.id, startsAt } })).bookAppointment;
  return { branch, service, day, slots, slotsOn, book };
}

const at = (day: string, hhmmMoscow: string) => {
  const [h = 0, m = 0] = hhmmMoscow.split(':').map(Number);
  return new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), h - 3, m)).toISOString();
};
const feedOf = async (c: { client: MfcClient }) => (await c.client.request(NotificationsDocument, {})).notifications.nodes.filter((n) => n.subjectType === 'Booking');
const pendingReminders = async (bookingId: string) =>
  (await t.running.app.db.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM outbox WHERE job_id LIKE ${`remind-${bookingId}-%`} AND relayed_at IS NULL`))[0]?.n;

describe('a schedule change cancels the bookings it makes impossible', () => {
  it('a holiday cancels that day’s bookings with the branch’s reason, frees them, removes reminders and tells each citizen with a link', async () => {
    const p = await branchDay();
    const [a, b, c] = await Promise.all([createAccount(t, 'CITIZEN'), createAccount(t, 'CITIZEN'), createAccount(t, 'CITIZEN')]);
    const confirmed = await p.book(a, at(p.day, '10:00'));
    await a.client.request(ConfirmBookingDocument, { id: confirmed.id });
    expect(await pendingReminders(confirmed.id)).toBe(1);
    const pending = await p.book(b, at(p.day, '15:00'));
    const nextDay = await p.book(c, at(dayAhead(4), '10:00'));

    const { addScheduleException } = await admin.request(AddExceptionCancellingDocument, { branchId: p.branch.id, input: { date: p.day, closed: true, note: 'санитарный день' } });

    expect(addScheduleException.cancelledBookings).toBe(2);
    for (const [who, id] of [[a, confirmed.id], [b, pending.id]] as const) {
      const { booking } = await who.client.request(BookingWithHistoryDocument, { id });
      expect(booking?.status).toBe('CANCELLED');
      expect(booking?.history.at(-1)).toMatchObject({ status: 'CANCELLED', note: 'Отменена отделением: санитарный день' });
      const [message] = await feedOf(who);
      expect(message?.title).toBe(`Запись ${booking?.number} отменена отделением`);
      expect(message?.body).toContain('санитарный день');
      expect(message?.body).toContain(`https://mfc.example/booking?branchId=${p.branch.id}&serviceId=${p.service.id}`);
    }
    expect(await pendingReminders(confirmed.id)).toBe(0);
    expect((await c.client.request(BookingWithHistoryDocument, { id: nextDay.id })).booking?.status).toBe('PENDING_CONFIRMATION');
    expect(await feedOf(c)).toEqual([]);
    // The places are free again (a short day on the same date reopens them, all available).
    await admin.request(AddExceptionCancellingDocument, { branchId: p.branch.id, input: { date: p.day, closed: false, opens: '09:00', closes: '16:00', note: 'короткий день' } });
    const reopened = await p.slotsOn(p.day);
    expect(reopened.find((s) => s.startsAt === at(p.day, '15:00'))?.available).toBe(1);
  });

  it('shorter hours cancel only the bookings outside them; such cancellations do not count against the citizen’s limits', async () => {
    const p = await branchDay();
    const c = await createAccount(t, 'CITIZEN');
    const late = [await p.book(c, at(p.day, '14:00')), await p.book(c, at(p.day, '15:00')), await p.book(c, at(p.day, '18:45'))];
    const other = await createAccount(t, 'CITIZEN');
    const early = await p.book(other, at(p.day, '08:30'));

    const hours = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '08:00', closes: '13:00' }));
    const { setWorkingHours } = await admin.request(SetHoursCancellingDocument, { branchId: p.branch.id, hours });

    expect(setWorkingHours.cancelledBookings).toBe(3);
    for (const b of late) expect((await c.client.request(BookingWithHistoryDocument, { id: b.id })).booking?.status).toBe('CANCELLED');
    expect((await other.client.request(BookingWithHistoryDocument, { id: early.id })).booking?.status).toBe('PENDING_CONFIRMATION');
    // The citizen was at the limit of three active bookings; all three can be made again.
    for (const time of ['09:00', '10:00', '11:00']) expect((await p.book(c, at(p.day, time))).status).toBe('PENDING_CONFIRMATION');
    // A change that closes nothing cancels nothing.
    expect((await admin.request(SetHoursCancellingDocument, { branchId: p.branch.id, hours })).setWorkingHours.cancelledBookings).toBe(0);
  });
});

describe('every booking change is told', () => {
  it('a reschedule tells the old and new time and the reschedules left; a cancellation and an expiry are told', async () => {
    const p = await branchDay();
    const c = await createAccount(t, 'CITIZEN');
    const b = await p.book(c, at(p.day, '10:00'));
    await c.client.request(RescheduleBookingDocument, { id: b.id, startsAt: at(p.day, '11:30') });
    const [moved] = await feedOf(c);
    expect(moved?.title).toBe(`Запись ${b.number} перенесена на ${p.day.split('-').reverse().join('.')} 11:30`);
    expect(moved?.body).toBe(`Было ${p.day.split('-').reverse().join('.')} 10:00, стало ${p.day.split('-').reverse().join('.')} 11:30. Переносов осталось: 2.`);

    await c.client.request(CancelBookingDocument, { id: b.id, reason: 'заболел' });
    expect((await feedOf(c))[0]).toMatchObject({ title: `Запись ${b.number} отменена`, subjectId: b.id });
    expect((await feedOf(c))[0]?.body).toContain('заболел');

    const e = await p.book(c, at(p.day, '12:00'));
    expect(await t.running.app.services.bookings.expire(e.id)).toMatchObject({ status: 'EXPIRED' });
    expect((await feedOf(c))[0]).toMatchObject({ title: `Запись ${e.number} не подтверждена`, subjectId: e.id });
  });
});

describe('readiness', () => {
  it('shows missing documents and those expiring before the visit (rejected ones: readiness.rules.test.ts); the 24-hour reminder repeats them', async () => {
    const p = await branchDay([
      { kind: 'PASSPORT_RF', title: 'Паспорт гражданина РФ', optional: false },
      { kind: 'SNILS', title: 'СНИЛС', optional: false },
    ]);
    const c = await createAccount(t, 'CITIZEN');
    const b = await p.book(c, at(p.day, '10:00'));
    const before = (await c.client.request(BookingReadinessDocument, { id: b.id })).booking?.readiness;
    expect(before).toEqual({ ready: false, missingDocuments: [{ kind: 'PASSPORT_RF', title: 'Паспорт гражданина РФ' }, { kind: 'SNILS', title: 'СНИЛС' }], invalidDocuments: [] });

    // A passport that ends the day before the visit does not count for it.
    const { addDocument } = await c.client.request(AddDocumentDocument, { input: { kind: 'PASSPORT_RF', series: '4508', number: '123456', issuedAt: '2015-05-05', expiresAt: dayAhead(2) } });
    const after = (await c.client.request(BookingReadinessDocument, { id: b.id })).booking?.readiness;
    expect(after?.ready).toBe(false);
    expect(after?.missingDocuments).toEqual([{ kind: 'SNILS', title: 'СНИЛС' }]);
    expect(after?.invalidDocuments).toEqual([expect.objectContaining({ id: addDocument.id, kind: 'PASSPORT_RF', expiresAt: dayAhead(2) })]);

    await c.client.request(ConfirmBookingDocument, { id: b.id });
    expect(await t.running.app.services.bookings.remind(b.id, b.startsAt)).toBe(true);
    const [reminder] = await feedOf(c);
    expect(reminder?.title).toMatch(/^Завтра визит в МФЦ/);
    expect(reminder?.body).toContain('Не хватает документов: Паспорт гражданина РФ (истекает до визита), СНИЛС.');
  });

  it('another citizen cannot read it', async () => {
    const p = await branchDay();
    const [c, stranger] = await Promise.all([createAccount(t, 'CITIZEN'), createAccount(t, 'CITIZEN')]);
    const b = await p.book(c, at(p.day, '10:00'));
    expect((await stranger.client.request(BookingReadinessDocument, { id: b.id })).booking).toBeNull();
  });
});

describe('bookingUpdated', () => {
  it('sends the caller’s active bookings first (the current state), then changes', async () => {
    const p = await branchDay();
    const c = await createAccount(t, 'CITIZEN');
    const [first, second] = [await p.book(c, at(p.day, '10:00')), await p.book(c, at(p.day, '11:00'))];
    await c.client.request(CancelBookingDocument, { id: second.id });
    const updates = await subscribe(c.client, BookingUpdatedDocument);
    await updates.next((e) => e.bookingUpdated.id === first.id);
    expect(updates.events.map((e) => [e.bookingUpdated.id, e.bookingUpdated.status])).toEqual([[first.id, 'PENDING_CONFIRMATION']]);
    await c.client.request(ConfirmBookingDocument, { id: first.id });
    await updates.next((e) => e.bookingUpdated.status === 'CONFIRMED');
    await updates.dispose();
  });
});
