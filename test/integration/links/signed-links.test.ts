/**
 * Links that work: ticketUrl, calendarUrl and Attachment.url open without an Authorization header
 * (a browser tab, an e-mail, a calendar app) while they are fresh, for their object only, and die
 * with the session that asked for them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AvailableSlotsDocument, BookAppointmentDocument, ConfirmBookingDocument, LogoutDocument } from '../../../src/sdk/generated/graphql.js';
import type { Doc, MfcClient } from '../../../src/sdk/client.js';
import { createAccount, createStaff } from '../../helpers/accounts.js';
import { useTestApp, type TestApp } from '../../helpers/app.js';
import { uploadScan } from '../../helpers/files.js';
import { EVERY_DAY, buildBranch, buildCategory, buildService } from '../../factories/catalog.js';

const t = useTestApp({ ROLE: 'api', FILE_LINK_TTL_SECONDS: '120' });
let admin: MfcClient;
let categoryId: string;

beforeAll(async () => {
  admin = (await createStaff(t, 'ADMIN')).client;
  categoryId = (await buildCategory(admin)).id;
});

/** GETs a signed link on the test server exactly as given (path and query), with no header. */
const open = (t: TestApp, url: string) => {
  const u = new URL(url);
  return fetch(`${t.url}${u.pathname}${u.search}`);
};

async function confirmedBooking() {
  const service = await buildService(admin, categoryId);
  const branch = await buildBranch(admin, { workingHours: EVERY_DAY, windows: 2 }, [service.id]);
  const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const { availableSlots } = await t.client.request(AvailableSlotsDocument, { branchId: branch.id, serviceId: service.id, from: day, to: day });
  const citizen = await createAccount(t, 'CITIZEN');
  const { bookAppointment } = await citizen.client.request(BookAppointmentDocument, { input: { branchId: branch.id, serviceId: service.id, startsAt: availableSlots[2]?.startsAt ?? '' } });
  const { confirmBooking } = await citizen.client.request(ConfirmBookingDocument, { id: bookAppointment.id });
  return { citizen, booking: confirmBooking };
}

const bookingTicketUrl = { toString: () => 'query B($id: ID!) { booking(id: $id) { ticketUrl } }' } as Doc<{ booking: { ticketUrl: string } }, { id: string }>;
const attachmentUrl = { toString: () => 'query A($id: ID!) { node(id: $id) { ... on Attachment { url } } }' } as Doc<{ node: { url: string } | null }, { id: string }>;

describe('signed file links', () => {
  it('the PDF ticket and the calendar event open without a header; a forged or moved signature does not', async () => {
    const { booking } = await confirmedBooking();
    expect(booking.ticketUrl).toMatch(/\/bookings\/[0-9a-f-]+\/ticket\.pdf\?sig=/);
    const pdf = await open(t, booking.ticketUrl);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const ics = await open(t, booking.calendarUrl);
    expect(ics.status).toBe(200);
    expect(await ics.text()).toContain('BEGIN:VCALENDAR');

    // The ticket's signature does not open the calendar file, nor another booking's ticket
    const sig = new URL(booking.ticketUrl).searchParams.get('sig') ?? '';
    const moved = await fetch(`${t.url}/bookings/${booking.id}/event.ics?sig=${sig}`);
    expect(moved.status).toBe(401);
    expect(((await moved.json()) as { errors: Array<{ extensions: { code: string; reason: string } }> }).errors[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'LINK_INVALID' });
    const other = await confirmedBooking();
    expect((await fetch(`${t.url}/bookings/${other.booking.id}/ticket.pdf?sig=${sig}`)).status).toBe(401);
    // A flipped character in the MAC or payload
    const forged = sig.slice(0, -2) + (sig.endsWith('A') ? 'B' : 'A') + sig.slice(-1);
    expect((await fetch(`${t.url}/bookings/${booking.id}/ticket.pdf?sig=${forged}`)).status).toBe(401);
  });

  it('expires after FILE_LINK_TTL_SECONDS; asking again gives a fresh link', async () => {
    const { citizen, booking } = await confirmedBooking();
    t.clock.advance(121_000);
    try {
      expect((await open(t, booking.ticketUrl)).status).toBe(401);
    } finally {
      t.clock.advance(-121_000);
    }
    const fresh = await citizen.client.request(bookingTicketUrl, { id: booking.id });
    expect((await open(t, fresh.booking.ticketUrl)).status).toBe(200);
  });

  it('dies with the session that asked for it (logout)', async () => {
    const { citizen, booking } = await confirmedBooking();
    expect((await open(t, booking.ticketUrl)).status).toBe(200);
    await citizen.client.request(LogoutDocument);
    expect((await open(t, booking.ticketUrl)).status).toBe(401);
    expect((await open(t, booking.calendarUrl)).status).toBe(401);
  });

  it('Attachment.url opens the scan without a header for its owner; bound to that file', async () => {
    const owner = await createAccount(t, 'CITIZEN');
    const id = await uploadScan(t, owner.accessToken);
    const { node } = await owner.client.request(attachmentUrl, { id });
    expect(node?.url).toMatch(new RegExp(`/attachments/${id}\\?sig=`));
    const res = await open(t, node?.url ?? '');
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const otherId = await uploadScan(t, owner.accessToken, 'другой.pdf');
    const sig = new URL(node?.url ?? '').searchParams.get('sig') ?? '';
    expect((await fetch(`${t.url}/attachments/${otherId}?sig=${sig}`)).status).toBe(401);
  });
});
