import { beforeAll, describe, expect, it } from 'vitest';
import type { Job } from 'bullmq';
import {
  AvailableSlotsDocument,
  BookAppointmentDocument,
  BookingByIdDocument,
  BookingUpdatedDocument,
  CallNextTicketDocument,
  CheckInDocument,
  CompleteTicketDocument,
  ConfirmBookingDocument,
  OpenWindowDocument,
  TakeTicketDocument,
} from '../../../src/sdk/generated/graphql.js';
import type { MfcClient } from '../../../src/sdk/client.js';
import { sweepBookings } from '../../../src/modules/bookings/index.js';
import { hashPassword } from '../../../src/shared/passwords.js';
import { processors } from '../../../workers/main.js';
import { PASSWORD, createAccount, createStaff, loginAs, uniquePhone } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { errorOf } from '../../helpers/graphql.js';
import { subscribe } from '../../helpers/subscriptions.js';
import { EVERY_DAY, buildBranch, buildCategory, buildService } from '../../factories/catalog.js';

const t = useTestApp({ ROLE: 'api' });
let admin: MfcClient;
let categoryId: string;

beforeAll(async () => {
  admin = (await createStaff(t, 'ADMIN')).client;
  categoryId = (await buildCategory(admin)).id;
});

async function operatorOf(branchId: string): Promise<string> {
  const phone = uniquePhone();
  await t.running.app.services.accounts.seeding.insertAccount({ phone, passwordHash: await hashPassword(PASSWORD), lastName: 'Операторова', firstName: 'Ольга', roles: ['OPERATOR'], staffBranchId: branchId, trustLevel: 'CONFIRMED' });
  return phone;
}

/** A confirmed booking two days ahead, and the people around it. */
async function confirmed() {
  const service = await buildService(admin, categoryId);
  const branch = await buildBranch(admin, { workingHours: EVERY_DAY, windows: 3 }, [service.id]);
  const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const { availableSlots } = await t.client.request(AvailableSlotsDocument, { branchId: branch.id, serviceId: service.id, from: day, to: day });
  const citizen = await createAccount(t, 'CITIZEN');
  const { bookAppointment } = await citizen.client.request(BookAppointmentDocument, { input: { branchId: branch.id, serviceId: service.id, startsAt: availableSlots[4]?.startsAt ?? '' } });
  const { confirmBooking } = await citizen.client.request(ConfirmBookingDocument, { id: bookAppointment.id });
  return { branch, service, citizen, booking: confirmBooking, operatorPhone: await operatorOf(branch.id) };
}

/** Moves the clock to `minutes` from the visit; sessions from before went idle, so sign in again. */
async function at(booking: { startsAt: string }, minutes: number, phones: string[]): Promise<MfcClient[]> {
  t.clock.set(new Date(new Date(booking.startsAt).getTime() + minutes * 60_000));
  return Promise.all(phones.map(async (p) => (await loginAs(t, p)).client));
}

describe('check-in', () => {
  it('turns the QR code into a ticket called before walk-ins; the visit ends with the ticket', async () => {
    const { branch, service, citizen, booking, operatorPhone } = await confirmed();
    try {
      const [operator, holder] = await at(booking, -30, [operatorPhone, citizen.phone]);
      if (!operator || !holder) throw new Error('no clients');
      const walkIn = await createAccount(t, 'CITIZEN');
      await walkIn.client.request(TakeTicketDocument, { branchId: branch.id, serviceId: service.id });

      const tampered = `${booking.ticketCode.slice(0, -4)}AAAA`;
      const bad = await errorOf(operator.request(CheckInDocument, { ticketCode: tampered }));
      expect(bad.extensions.fields).toEqual([expect.objectContaining({ field: 'ticketCode' })]);

      const { checkIn } = await operator.request(CheckInDocument, { ticketCode: booking.ticketCode });
      expect(checkIn).toMatchObject({ status: 'WAITING', position: 1, booking: { id: booking.id, status: 'CHECKED_IN' } });
      expect((await errorOf(operator.request(CheckInDocument, { ticketCode: booking.ticketCode }))).extensions.rule).toBe('ALREADY_CHECKED_IN');

      await operator.request(OpenWindowDocument, { branchId: branch.id, window: 1 });
      const { callNextTicket } = await operator.request(CallNextTicketDocument, { branchId: branch.id, window: 1 });
      expect(callNextTicket?.id).toBe(checkIn.id);
      const updates = await subscribe(holder, BookingUpdatedDocument);
      await operator.request(CompleteTicketDocument, { id: checkIn.id });
      await updates.next((e) => e.bookingUpdated.id === booking.id && e.bookingUpdated.status === 'COMPLETED');
      await updates.dispose();
      const { booking: done } = await holder.request(BookingByIdDocument, { id: booking.id });
      expect(done?.status).toBe('COMPLETED');
      expect(done?.history.map((h) => h.status)).toEqual(['PENDING_CONFIRMATION', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED']);
    } finally {
      t.clock.reset();
    }
  });

  it('is refused too early, by an operator of another branch, and to citizens', async () => {
    const { citizen, booking } = await confirmed();
    const { operatorPhone: stranger } = await confirmed();
    try {
      const [other, holder] = await at(booking, -120, [stranger, citizen.phone]);
      if (!other || !holder) throw new Error('no clients');
      expect((await errorOf(other.request(CheckInDocument, { ticketCode: booking.ticketCode }))).code).toBe('FORBIDDEN');
      expect((await errorOf(holder.request(CheckInDocument, { ticketCode: booking.ticketCode }))).code).toBe('FORBIDDEN');
      const sameBranchOp = await operatorOf(booking.branch.id);
      const [op] = await at(booking, -120, [sameBranchOp]);
      expect((await errorOf((op as MfcClient).request(CheckInDocument, { ticketCode: booking.ticketCode }))).extensions.rule).toBe('CHECK_IN_TOO_EARLY');
    } finally {
      t.clock.reset();
    }
  });

  it('a confirmed booking not checked in 15 minutes after its time becomes NO_SHOW', async () => {
    const { citizen, booking } = await confirmed();
    try {
      const [holder] = await at(booking, 16, [citizen.phone]);
      const sweep = processors[sweepBookings.name];
      if (!sweep || !holder) throw new Error('missing');
      await sweep({ name: sweepBookings.name, data: {} } as Job, t.running.app);
      expect((await holder.request(BookingByIdDocument, { id: booking.id })).booking?.status).toBe('NO_SHOW');
    } finally {
      t.clock.reset();
    }
  });
});

describe('calendar event', () => {
  it('the owner downloads the visit as iCalendar; others and anonymous callers cannot', async () => {
    const { citizen, booking } = await confirmed();
    const { booking: b } = await citizen.client.request(BookingByIdDocument, { id: booking.id });
    const path = new URL(b?.calendarUrl ?? '').pathname;
    const get = (token?: string) => fetch(`${t.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const res = await get(citizen.accessToken);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const ics = (await res.text()).replace(/\r\n /g, '');
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain(`DTSTART:${booking.startsAt.replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`);
    expect(ics).toContain(`UID:${booking.id}@mfc`);
    const other = await createAccount(t, 'CITIZEN');
    expect((await get(other.accessToken)).status).toBe(404);
    expect((await get()).status).toBe(401);
  });
});

/** A structural check of a PDF as a reader does it: header, trailer, and every xref offset landing on its object. */
function checkPdf(pdf: Buffer): { objects: number; pages: number; images: number } {
  const text = pdf.toString('latin1');
  expect(text.startsWith('%PDF-1.')).toBe(true);
  expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  expect(text.slice(startxref, startxref + 4)).toBe('xref');
  const [, first = '0', count = '0'] = /^xref\s+(\d+)\s+(\d+)/.exec(text.slice(startxref)) ?? [];
  const entries = text.slice(startxref).split(/\r?\n/).slice(2, 2 + Number(count));
  let objects = 0;
  entries.forEach((line, i) => {
    const [offset = '0', , kind] = line.trim().split(/\s+/);
    if (kind !== 'n') return;
    objects += 1;
    expect(text.slice(Number(offset)).startsWith(`${Number(first) + i} 0 obj`)).toBe(true);
  });
  return { objects, pages: (text.match(/\/Type \/Page\b/g) ?? []).length, images: (text.match(/\/Subtype \/Image/g) ?? []).length };
}

describe('PDF ticket', () => {
  it('the owner downloads a well-formed PDF with the QR image once confirmed; others cannot', async () => {
    const { citizen, booking } = await confirmed();
    const path = new URL(booking.ticketUrl).pathname;
    const get = (token?: string) => fetch(`${t.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const res = await get(citizen.accessToken);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const parsed = checkPdf(Buffer.from(await res.arrayBuffer()));
    expect(parsed.pages).toBe(1);
    expect(parsed.images).toBeGreaterThanOrEqual(1);
    expect(parsed.objects).toBeGreaterThan(5);
    const other = await createAccount(t, 'CITIZEN');
    expect((await get(other.accessToken)).status).toBe(404);
    expect((await get()).status).toBe(401);
  });

  it('is not given for an unconfirmed booking', async () => {
    const service = await buildService(admin, categoryId);
    const branch = await buildBranch(admin, { workingHours: EVERY_DAY }, [service.id]);
    const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const { availableSlots } = await t.client.request(AvailableSlotsDocument, { branchId: branch.id, serviceId: service.id, from: day, to: day });
    const c = await createAccount(t, 'CITIZEN');
    const { bookAppointment } = await c.client.request(BookAppointmentDocument, { input: { branchId: branch.id, serviceId: service.id, startsAt: availableSlots[0]?.startsAt ?? '' } });
    const res = await fetch(`${t.url}${new URL(bookAppointment.ticketUrl).pathname}`, { headers: { authorization: `Bearer ${c.accessToken}` } });
    expect(res.status).toBe(409);
  });
});
