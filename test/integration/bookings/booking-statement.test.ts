/**
 * The booking's one statement (bookings.hold.ts) and the places an instance remembers as full
 * (full-places.ts): a place given back or a capacity raised is booked again at once; the webhook
 * event carries the number the statement drew and the holder's account feed has the booking; a
 * booking costs one statement.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/env.js';
import { start, type Running } from '../../../src/main.js';
import { GraphQLRequestError, MfcClient } from '../../../src/sdk/client.js';
import { AvailableSlotsDocument, BookAppointmentDocument, CancelBookingDocument, SetBranchServiceCapacityDocument } from '../../../src/sdk/generated/graphql.js';
import { createAccount, createStaff } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { errorOf } from '../../helpers/graphql.js';
import { EVERY_DAY, buildBranch, buildCategory, buildService } from '../../factories/catalog.js';

const t = useTestApp({ BOOKING_FULL_PLACE_MEMORY_MS: '60000' });
let admin: MfcClient;
let categoryId: string;
/** A second API instance on the same database and Redis, remembering full places as long. */
let other: Running;

beforeAll(async () => {
  admin = (await createStaff(t, 'ADMIN')).client;
  categoryId = (await buildCategory(admin)).id;
  other = await start(
    loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATABASE_URL: t.databaseUrl, REDIS_URL: t.config.REDIS_URL, REDIS_PREFIX: t.config.REDIS_PREFIX, MIGRATE_ON_START: 'false', ROLE: 'api', BOOKING_FULL_PLACE_MEMORY_MS: '60000' }),
  );
});
afterAll(async () => {
  await other.stop();
});

/** 'booked', or the code the booking was refused with. */
const bookingOutcome = (client: MfcClient, input: { branchId: string; serviceId: string; startsAt: string }) =>
  client.request(BookAppointmentDocument, { input }).then(
    () => 'booked',
    (e: unknown) => (e instanceof GraphQLRequestError ? e.code : String(e)),
  );

/** The same citizen's client, talking to the other instance. */
const onOther = (accessToken: string) => new MfcClient({ url: other.api?.url ?? '', accessToken });

async function place() {
  const service = await buildService(admin, categoryId, { appointmentMinutes: 15 });
  const branch = await buildBranch(admin, { timezone: 'Europe/Moscow', workingHours: EVERY_DAY }, [service.id]);
  const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const { availableSlots } = await t.client.request(AvailableSlotsDocument, { branchId: branch.id, serviceId: service.id, from: day, to: day });
  const [first, second] = availableSlots;
  if (!first || !second) throw new Error('no slot');
  return { branch, service, input: { branchId: branch.id, serviceId: service.id, startsAt: first.startsAt }, next: second.startsAt };
}

describe('a place remembered as full', () => {
  it('is booked again at once when its booking is cancelled through this instance', async () => {
    const p = await place();
    const [a, b] = await Promise.all([createAccount(t, 'CITIZEN'), createAccount(t, 'CITIZEN')]);
    // Given a place taken (capacity 1) and a second citizen refused it
    const { bookAppointment: held } = await a.client.request(BookAppointmentDocument, { input: p.input });
    expect((await errorOf(b.client.request(BookAppointmentDocument, { input: p.input }))).code).toBe('CONFLICT');
    // When the holder cancels
    await a.client.request(CancelBookingDocument, { id: held.id });
    // Then the second citizen gets it right away, although the instance remembers places for a minute
    const { bookAppointment } = await b.client.request(BookAppointmentDocument, { input: p.input });
    expect(bookAppointment.status).toBe('PENDING_CONFIRMATION');
  });

  it('is booked again at once on another instance when its booking is cancelled through this one', async () => {
    const p = await place();
    const [a, b] = await Promise.all([createAccount(t, 'CITIZEN'), createAccount(t, 'CITIZEN')]);
    const bThere = onOther(b.accessToken);
    // Given the place taken through this instance and refused to a second citizen through the other
    const { bookAppointment: held } = await a.client.request(BookAppointmentDocument, { input: p.input });
    expect((await errorOf(bThere.request(BookAppointmentDocument, { input: p.input }))).code).toBe('CONFLICT');
    // When the holder cancels through this instance
    await a.client.request(CancelBookingDocument, { id: held.id });
    // Then the other instance lets the second citizen have it as soon as it hears (not a minute later)
    await expect.poll(() => bookingOutcome(bThere, p.input), { timeout: 2000, interval: 50 }).toBe('booked');
  });

  it('is booked again at once on another instance when the capacity is raised through this one', async () => {
    const p = await place();
    const [a, b] = await Promise.all([createAccount(t, 'CITIZEN'), createAccount(t, 'CITIZEN')]);
    const bThere = onOther(b.accessToken);
    await a.client.request(BookAppointmentDocument, { input: p.input });
    expect((await errorOf(bThere.request(BookAppointmentDocument, { input: p.input }))).code).toBe('CONFLICT');
    await admin.request(SetBranchServiceCapacityDocument, { branchId: p.branch.id, serviceId: p.service.id, capacity: 2 });
    await expect.poll(() => bookingOutcome(bThere, p.input), { timeout: 2000, interval: 50 }).toBe('booked');
  });

  it('is booked again at once when the capacity is raised', async () => {
    const p = await place();
    const [a, b] = await Promise.all([createAccount(t, 'CITIZEN'), createAccount(t, 'CITIZEN')]);
    await a.client.request(BookAppointmentDocument, { input: p.input });
    expect((await errorOf(b.client.request(BookAppointmentDocument, { input: p.input }))).code).toBe('CONFLICT');
    await admin.request(SetBranchServiceCapacityDocument, { branchId: p.branch.id, serviceId: p.service.id, capacity: 2 });
    const { bookAppointment } = await b.client.request(BookAppointmentDocument, { input: p.input });
    expect(bookAppointment.status).toBe('PENDING_CONFIRMATION');
  });
});

describe('the booking statement', () => {
  it('writes the number it draws into the booking and its webhook event, and the feed entry, in one statement', async () => {
    const p = await place();
    const [a, b] = await Promise.all([createAccount(t, 'CITIZEN'), createAccount(t, 'CITIZEN')]);
    // The day's schedule is read (and cached) by the first booking.
    await a.client.request(BookAppointmentDocument, { input: p.input });
    const { sql } = t.running.app.db;
    const options = (sql as unknown as { options: { debug?: (...args: unknown[]) => void } }).options;
    const previous = options.debug;
    const seen: string[] = [];
    options.debug = (...args: unknown[]) => {
      seen.push(String(args[1]));
      previous?.(...args);
    };
    let booking: { id: string; number: string };
    try {
      booking = (await b.client.request(BookAppointmentDocument, { input: { ...p.input, startsAt: p.next } })).bookAppointment;
    } finally {
      options.debug = previous;
    }
    expect(booking.number).toMatch(/^МФЦ-Б-\d{7}$/);
    // The hold: limit, capacity, places, number, row, event, jobs and the account feed's entry (the
    // answer's history is a read after it: its months are bounded by the bookings' creation).
    const writes = seen.filter((s) => !/from "booking_events"/.test(s));
    expect(writes.filter((s) => /bookings|slot_places|branch_services|account_feed_heads|account_events/.test(s))).toHaveLength(1);
    const feed = await sql<Array<{ kind: string }>>`select kind from account_events where subject_id = ${booking.id}`;
    expect(feed).toEqual([{ kind: 'BOOKING' }]);
    const [event] = await sql<Array<{ number: string; type: string }>>`
      select payload->'data'->>'number' as number, payload->>'type' as type from outbox
      where job = 'integrations.fanOut' and payload->'data'->>'bookingId' = ${booking.id}`;
    expect(event).toEqual({ number: booking.number, type: 'BOOKING_CREATED' });
  });
});
