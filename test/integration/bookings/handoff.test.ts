import { beforeAll, describe, expect, it } from 'vitest';
import {
  AvailableSlotsDocument,
  BookAppointmentDocument,
  CancelBookingDocument,
  ConfirmBookingDocument,
  NotificationsDocument,
  SetBranchServiceCapacityDocument,
  SlotWatchHoldsDocument,
  WatchSlotsDocument,
} from '../../../src/sdk/generated/graphql.js';
import type { MfcClient } from '../../../src/sdk/client.js';
import { createAccount, createStaff, loginAs } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { EVERY_DAY, buildBranch, buildCategory, buildService } from '../../factories/catalog.js';

// Workers off: expiries are run by hand, with the clock moved past confirmBy.
const t = useTestApp({ ROLE: 'api' });
let admin: MfcClient;
let categoryId: string;

beforeAll(async () => {
  admin = (await createStaff(t, 'ADMIN')).client;
  categoryId = (await buildCategory(admin)).id;
});

type Citizen = Awaited<ReturnType<typeof createAccount>>;

/** A full day: one place (of `capacity`) taken by `capacity` citizens, and watchers who watch the day in order. */
async function fullPlace(capacity: number, watcherCount: number) {
  const service = await buildService(admin, categoryId);
  const branch = await buildBranch(admin, { workingHours: EVERY_DAY }, [service.id]);
  await admin.request(SetBranchServiceCapacityDocument, { branchId: branch.id, serviceId: service.id, capacity });
  const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const slots = async () => (await t.client.request(AvailableSlotsDocument, { branchId: branch.id, serviceId: service.id, from: day, to: day })).availableSlots;
  const startsAt = (await slots())[4]?.startsAt ?? '';
  const holders = await Promise.all(Array.from({ length: capacity }, () => createAccount(t, 'CITIZEN')));
  const bookings = [];
  for (const h of holders) bookings.push((await h.client.request(BookAppointmentDocument, { input: { branchId: branch.id, serviceId: service.id, startsAt } })).bookAppointment);
  const watchers: Citizen[] = [];
  for (let i = 0; i < watcherCount; i++) {
    const w = await createAccount(t, 'CITIZEN');
    await w.client.request(WatchSlotsDocument, { input: { branchId: branch.id, serviceId: service.id, from: day, to: day } });
    watchers.push(w);
  }
  const placesLeft = async () => (await slots()).find((s) => s.startsAt === startsAt)?.available;
  return { branch, service, startsAt, holders, bookings, watchers, placesLeft };
}

const holdsOf = async (w: { client: MfcClient }) => (await w.client.request(SlotWatchHoldsDocument, {})).mySlotWatches;
const heldTitles = async (w: { client: MfcClient }) => (await w.client.request(NotificationsDocument, {})).notifications.nodes.filter((n) => n.subjectType === 'Booking').map((n) => n.title);

describe('a freed place is held for the first watcher', () => {
  it('goes to the first watcher as an unconfirmed booking; when it expires, the next watcher gets it; never two holds per watch', async () => {
    const p = await fullPlace(1, 2);
    const [first, second] = p.watchers as [Citizen, Citizen];
    await p.holders[0]?.client.request(CancelBookingDocument, { id: p.bookings[0]?.id ?? '' });

    const [watch] = await holdsOf(first);
    expect(watch).toMatchObject({ active: false, heldBooking: { status: 'PENDING_CONFIRMATION', startsAt: p.startsAt } });
    expect(new Date(watch?.heldBooking?.confirmBy ?? 0).getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(await heldTitles(first)).toEqual([expect.stringMatching(/^Для вас удерживается место на /)]);
    expect(await holdsOf(second)).toEqual([expect.objectContaining({ active: true, heldBooking: null })]);
    expect(await p.placesLeft()).toBe(0);

    try {
      t.clock.set(new Date(new Date(watch?.heldBooking?.confirmBy ?? 0).getTime() + 1000));
      expect(await t.running.app.services.bookings.expire(watch?.heldBooking?.id ?? '')).toMatchObject({ status: 'EXPIRED' });
    } finally {
      t.clock.reset();
    }
    const firstAgain = (await loginAs(t, first.phone)).client;
    const [expired] = await holdsOf({ client: firstAgain });
    expect(expired).toMatchObject({ active: false, heldBooking: { id: watch?.heldBooking?.id, status: 'EXPIRED' } });
    const [next] = await holdsOf(second);
    expect(next).toMatchObject({ active: false, heldBooking: { status: 'PENDING_CONFIRMATION', startsAt: p.startsAt } });
    expect(next?.heldBooking?.id).not.toBe(watch?.heldBooking?.id);

    // The second watcher confirms: the booking is theirs like any other.
    const { confirmBooking } = await second.client.request(ConfirmBookingDocument, { id: next?.heldBooking?.id ?? '' });
    expect(confirmBooking.status).toBe('CONFIRMED');
  });

  it('passes over a watcher who cannot take the place (at the limit of active bookings) and keeps their watch', async () => {
    const p = await fullPlace(1, 2);
    const [busy, free] = p.watchers as [Citizen, Citizen];
    const other = await fullPlace(3, 0);
    // The busy watcher holds three active bookings elsewhere (the limit).
    const elsewhere = (await t.client.request(AvailableSlotsDocument, { branchId: other.branch.id, serviceId: other.service.id, from: p.startsAt.slice(0, 10), to: p.startsAt.slice(0, 10) })).availableSlots;
    for (const s of elsewhere.slice(20, 23)) await busy.client.request(BookAppointmentDocument, { input: { branchId: other.branch.id, serviceId: other.service.id, startsAt: s.startsAt } });

    await p.holders[0]?.client.request(CancelBookingDocument, { id: p.bookings[0]?.id ?? '' });
    expect(await holdsOf(busy)).toEqual([expect.objectContaining({ active: true, heldBooking: null })]);
    expect((await holdsOf(free))[0]?.heldBooking?.status).toBe('PENDING_CONFIRMATION');
  });

  it('two places freed at the same moment for two watchers: one hold each', async () => {
    for (let round = 0; round < 3; round++) {
      const p = await fullPlace(2, 2);
      await Promise.all(p.holders.map((h, i) => h.client.request(CancelBookingDocument, { id: p.bookings[i]?.id ?? '' })));
      const holds = await Promise.all(p.watchers.map(holdsOf));
      for (const watches of holds) {
        expect(watches).toHaveLength(1);
        expect(watches[0]?.heldBooking?.status).toBe('PENDING_CONFIRMATION');
      }
      expect(new Set(holds.map((w) => w[0]?.heldBooking?.id)).size).toBe(2);
      expect(await p.placesLeft()).toBe(0);
    }
  });
});
