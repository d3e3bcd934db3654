/**
 * accountUpdates through a real graphql-ws client on instance B, changes made on instance A: a
 * client that disconnects and comes back with its cursor gets what it missed, in order, then live.
 */
import WebSocket from 'ws';
import type { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/env.js';
import { start, type Running } from '../../../src/main.js';
import { MfcClient } from '../../../src/sdk/client.js';
import {
  AccountUpdatesDocument,
  AvailableSlotsDocument,
  BookAppointmentDocument,
  CancelBookingDocument,
  ConfirmBookingDocument,
  DeleteNotificationDocument,
  RescheduleBookingDocument,
  TakeTicketDocument,
  CancelTicketDocument,
  type AccountUpdatesSubscription,
} from '../../../src/sdk/generated/graphql.js';
import { pruneAccountUpdates } from '../../../src/modules/updates/index.js';
import { processors } from '../../../workers/main.js';
import { createAccount, createStaff, loginAs } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { subscribe } from '../../helpers/subscriptions.js';
import { buildBranch, buildCategory, buildService } from '../../factories/catalog.js';
import { openNow } from '../../helpers/queue.js';

const a = useTestApp({ ROLE: 'api' });
let b: Running;
let urlB: string;
type Update = AccountUpdatesSubscription['accountUpdates'];

beforeAll(async () => {
  b = await start(
    loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATABASE_URL: a.databaseUrl, REDIS_URL: a.config.REDIS_URL, REDIS_PREFIX: a.config.REDIS_PREFIX, MIGRATE_ON_START: 'false', ROLE: 'api' }),
  );
  urlB = b.api?.url ?? '';
});
afterAll(async () => {
  await b.stop();
});

async function bookable() {
  const admin = (await createStaff(a, 'ADMIN')).client;
  const service = await buildService(admin, (await buildCategory(admin)).id);
  const branch = await buildBranch(admin, { workingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '08:00', closes: '20:00' })) }, [service.id]);
  const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const slots = (await a.client.request(AvailableSlotsDocument, { branchId: branch.id, serviceId: service.id, from: day, to: day })).availableSlots.map((s) => s.startsAt);
  return { input: (startsAt: string) => ({ branchId: branch.id, serviceId: service.id, startsAt }), slots };
}

const onB = (c: { accessToken: string }) => new MfcClient({ url: urlB, webSocketImpl: WebSocket }).withToken(c.accessToken);
const what = (u: Update) => (u.booking ? `booking ${u.booking.status}` : `notification ${u.notification?.title ?? ''}`);
const seqOf = (cursor: string) => parseInt(cursor.slice(3), 36);

describe('accountUpdates', () => {
  it('replays what a client missed while disconnected (made on the other instance), in order, then goes live', async () => {
    const p = await bookable();
    const citizen = await createAccount(a, 'CITIZEN');
    const live = await subscribe(onB(citizen), AccountUpdatesDocument, {});
    await new Promise((r) => setTimeout(r, 200));
    const { bookAppointment: booking } = await citizen.client.request(BookAppointmentDocument, { input: p.input(p.slots[0] ?? '') });
    await citizen.client.request(ConfirmBookingDocument, { id: booking.id });
    await live.next((e) => e.accountUpdates.booking?.status === 'CONFIRMED');
    await live.next((e) => e.accountUpdates.notification?.title === `Запись ${booking.number} подтверждена`);
    const seen = live.events.map((e) => e.accountUpdates);
    expect(seen.map(what)).toEqual(['booking PENDING_CONFIRMATION', 'booking CONFIRMED', `notification Запись ${booking.number} подтверждена`]);
    const cursor = seen.at(-1)?.cursor ?? '';
    await live.dispose();

    // While the client is away, on instance A: a reschedule, a cancellation, and a notification the citizen deletes.
    await citizen.client.request(RescheduleBookingDocument, { id: booking.id, startsAt: p.slots[3] ?? '' });
    await citizen.client.request(CancelBookingDocument, { id: booking.id });

    const back = await subscribe(onB(citizen), AccountUpdatesDocument, { after: cursor });
    await back.next((e) => e.accountUpdates.notification?.title === `Запись ${booking.number} отменена`);
    const replayed = back.events.map((e) => e.accountUpdates);
    // The booking is delivered as it is now (cancelled); the messages are those of the changes.
    expect(replayed.map(what)).toEqual(['booking CANCELLED', expect.stringMatching(`^notification Запись ${booking.number} перенесена`), 'booking CANCELLED', `notification Запись ${booking.number} отменена`]);
    const seqs = replayed.map((u) => seqOf(u.cursor));
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(seqs[0]).toBe(seqOf(cursor) + 1);

    // Live again: a change made now on A arrives after the replay.
    const { bookAppointment: next } = await citizen.client.request(BookAppointmentDocument, { input: p.input(p.slots[6] ?? '') });
    const fresh = await back.next((e) => e.accountUpdates.booking?.id === next.id, 3000);
    expect(seqOf(fresh.accountUpdates.cursor)).toBe((seqs.at(-1) ?? 0) + 1);
    await back.dispose();
  });

  it('checks the caller’s rights at delivery: a notification deleted meanwhile is passed over; another citizen’s events never come', async () => {
    const p = await bookable();
    const [citizen, other] = await Promise.all([createAccount(a, 'CITIZEN'), createAccount(a, 'CITIZEN')]);
    const first = await subscribe(onB(citizen), AccountUpdatesDocument, {});
    await new Promise((r) => setTimeout(r, 200));
    const { bookAppointment: booking } = await citizen.client.request(BookAppointmentDocument, { input: p.input(p.slots[0] ?? '') });
    const cursor = (await first.next((e) => e.accountUpdates.booking?.id === booking.id)).accountUpdates.cursor;
    await first.dispose();

    await other.client.request(BookAppointmentDocument, { input: p.input(p.slots[2] ?? '') });
    await citizen.client.request(CancelBookingDocument, { id: booking.id });
    const back = await subscribe(onB(citizen), AccountUpdatesDocument, { after: cursor });
    const note = await back.next((e) => e.accountUpdates.notification !== null);
    await back.dispose();
    await citizen.client.request(DeleteNotificationDocument, { id: note.accountUpdates.notification?.id ?? '' });

    const again = await subscribe(onB(citizen), AccountUpdatesDocument, { after: cursor });
    await again.next((e) => e.accountUpdates.booking?.status === 'CANCELLED');
    await new Promise((r) => setTimeout(r, 300));
    expect(again.events.map((e) => what(e.accountUpdates))).toEqual(['booking CANCELLED']);
    await again.dispose();
  });

  it('an unknown cursor and an expired one answer PRECONDITION_FAILED with a rule the client acts on', async () => {
    const p = await bookable();
    const citizen = await createAccount(a, 'CITIZEN');
    const unknown = await subscribe(onB(citizen), AccountUpdatesDocument, { after: 'u1.zzzz' });
    await expect(unknown.next()).rejects.toThrow(/PRECONDITION_FAILED.*CURSOR_UNKNOWN|CURSOR_UNKNOWN.*PRECONDITION_FAILED/);
    await unknown.dispose();

    const live = await subscribe(onB(citizen), AccountUpdatesDocument, {});
    await new Promise((r) => setTimeout(r, 200));
    const { bookAppointment: booking } = await citizen.client.request(BookAppointmentDocument, { input: p.input(p.slots[0] ?? '') });
    const cursor = (await live.next((e) => e.accountUpdates.booking?.id === booking.id)).accountUpdates.cursor;
    await live.dispose();
    await citizen.client.request(CancelBookingDocument, { id: booking.id });
    try {
      // Past the retention, the prune job drops what came after the cursor.
      a.clock.set(new Date(Date.now() + (a.config.ACCOUNT_UPDATES_RETENTION_HOURS + 1) * 3_600_000));
      const prune = processors[pruneAccountUpdates.name];
      if (!prune) throw new Error('no processor');
      expect(await prune({ name: pruneAccountUpdates.name, data: {} } as Job, a.running.app)).toBeGreaterThanOrEqual(2);
    } finally {
      a.clock.reset();
    }
    const fresh = (await loginAs(a, citizen.phone)).accessToken;
    const expired = await subscribe(onB({ accessToken: fresh }), AccountUpdatesDocument, { after: cursor });
    await expect(expired.next()).rejects.toThrow(/CURSOR_EXPIRED/);
    await expired.dispose();
  });

  it('a queue ticket of the caller, taken and cancelled on the other instance, comes as a ticket update', async () => {
    const admin = (await createStaff(a, 'ADMIN')).client;
    const service = await buildService(admin, (await buildCategory(admin)).id);
    const branch = await buildBranch(admin, openNow(), [service.id]);
    const citizen = await createAccount(a, 'CITIZEN');
    const live = await subscribe(onB(citizen), AccountUpdatesDocument, {});
    const { takeTicket } = await citizen.client.request(TakeTicketDocument, { branchId: branch.id, serviceId: service.id });
    const taken = await live.next((e) => e.accountUpdates.ticket?.id === takeTicket.id, 5000);
    expect(taken.accountUpdates.ticket?.status).toBe('WAITING');
    await citizen.client.request(CancelTicketDocument, { id: takeTicket.id });
    const cancelled = await live.next((e) => e.accountUpdates.ticket?.status === 'CANCELLED', 5000);
    expect(cancelled.accountUpdates.ticket?.number).toBe(takeTicket.number);
    expect(cancelled.accountUpdates.booking).toBeNull();
    await live.dispose();
  });
});
