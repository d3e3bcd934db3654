/**
 * The webcal feed of a citizen's visits: a secret address that opens with no header, shows every
 * visit with updates (SEQUENCE) and cancellations (STATUS:CANCELLED), belongs to its citizen only,
 * and dies when the citizen resets it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AvailableSlotsDocument, BookAppointmentDocument, CancelBookingDocument, ConfirmBookingDocument, MyCalendarFeedDocument, ResetCalendarFeedDocument } from '../../../src/sdk/generated/graphql.js';
import type { MfcClient } from '../../../src/sdk/client.js';
import { createAccount, createStaff } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { EVERY_DAY, buildBranch, buildCategory, buildService } from '../../factories/catalog.js';

const t = useTestApp({ ROLE: 'api' });
let admin: MfcClient;
let categoryId: string;

beforeAll(async () => {
  admin = (await createStaff(t, 'ADMIN')).client;
  categoryId = (await buildCategory(admin)).id;
});

/** GETs a feed address on the test server (the URL names PUBLIC_URL), with no header. */
async function read(url: string): Promise<{ status: number; text: string; type: string | null }> {
  const res = await fetch(`${t.url}${new URL(url).pathname}`);
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') };
}

/** The event of one booking in a feed, unfolded, as name -> value. */
function eventOf(ics: string, bookingId: string): Map<string, string> | undefined {
  const events = ics.replace(/\r\n /g, '').split('BEGIN:VEVENT').slice(1);
  const found = events.find((e) => e.includes(`UID:${bookingId}@mfc`));
  if (!found) return undefined;
  return new Map(found.split('\r\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1)]));
}

async function twoBookings(client: MfcClient) {
  const service = await buildService(admin, categoryId);
  const branch = await buildBranch(admin, { workingHours: EVERY_DAY, windows: 2 }, [service.id]);
  const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const { availableSlots } = await t.client.request(AvailableSlotsDocument, { branchId: branch.id, serviceId: service.id, from: day, to: day });
  const book = async (i: number) => (await client.request(BookAppointmentDocument, { input: { branchId: branch.id, serviceId: service.id, startsAt: availableSlots[i]?.startsAt ?? '' } })).bookAppointment;
  const kept = await book(1);
  await client.request(ConfirmBookingDocument, { id: kept.id });
  const dropped = await book(8);
  return { kept, dropped, branch };
}

describe('calendar feed (webcal)', () => {
  it('serves the citizen\'s visits without a header; a cancellation stays as STATUS:CANCELLED with a higher SEQUENCE', async () => {
    const citizen = await createAccount(t, 'CITIZEN');
    const { kept, dropped, branch } = await twoBookings(citizen.client);
    const { myCalendarFeed } = await citizen.client.request(MyCalendarFeedDocument);
    expect(myCalendarFeed.webcalUrl).toMatch(/^webcal:\/\/.+\/calendar\/[A-Za-z0-9_-]{48}\.ics$/);
    expect(myCalendarFeed.url.replace(/^https?:/, 'webcal:')).toBe(myCalendarFeed.webcalUrl);

    const before = await read(myCalendarFeed.url);
    expect(before.status).toBe(200);
    expect(before.type).toMatch(/^text\/calendar/);
    expect(before.text).toContain('METHOD:PUBLISH');
    expect(eventOf(before.text, kept.id)?.get('STATUS')).toBe('CONFIRMED');
    expect(eventOf(before.text, kept.id)?.get('LOCATION')).toContain(branch.name);
    expect(eventOf(before.text, dropped.id)?.get('SEQUENCE')).toBe('0');

    await citizen.client.request(CancelBookingDocument, { id: dropped.id });
    const after = await read(myCalendarFeed.url);
    expect(eventOf(after.text, dropped.id)?.get('STATUS')).toBe('CANCELLED');
    expect(eventOf(after.text, dropped.id)?.get('SEQUENCE')).toBe('1');
    expect(eventOf(after.text, kept.id)?.get('STATUS')).toBe('CONFIRMED');
  });

  it('shows only its owner\'s visits; a reset kills the old address; a forged one is 404', async () => {
    const a = await createAccount(t, 'CITIZEN');
    const b = await createAccount(t, 'CITIZEN');
    const mine = await twoBookings(a.client);
    const theirs = await twoBookings(b.client);
    const feedA = (await a.client.request(MyCalendarFeedDocument)).myCalendarFeed.url;
    const text = (await read(feedA)).text;
    expect(eventOf(text, mine.kept.id)).toBeDefined();
    expect(eventOf(text, theirs.kept.id)).toBeUndefined();

    const { resetCalendarFeed } = await a.client.request(ResetCalendarFeedDocument);
    expect(resetCalendarFeed.url).not.toBe(feedA);
    expect((await read(feedA)).status).toBe(404);
    expect((await read(resetCalendarFeed.url)).status).toBe(200);
    expect((await a.client.request(MyCalendarFeedDocument)).myCalendarFeed.url).toBe(resetCalendarFeed.url);

    const token = new URL(resetCalendarFeed.url).pathname.slice('/calendar/'.length, -'.ics'.length);
    const forged = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect((await fetch(`${t.url}/calendar/${forged}.ics`)).status).toBe(404);
    expect((await fetch(`${t.url}/calendar/nonsense`)).status).toBe(404);
  });

  it('concurrent resets each count: the address that was answered last is the live one', async () => {
    const c = await createAccount(t, 'CITIZEN');
    const answers = await Promise.all([1, 2, 3, 4].map(() => c.client.request(ResetCalendarFeedDocument)));
    const urls = new Set(answers.map((r) => r.resetCalendarFeed.url));
    expect(urls.size).toBe(4);
    const live = (await c.client.request(MyCalendarFeedDocument)).myCalendarFeed.url;
    const statuses = await Promise.all([...urls].map(async (u) => (await read(u)).status));
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect((await read(live)).status).toBe(200);
  });
});
