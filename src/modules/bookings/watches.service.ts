/**
 * Slot watches: "tell me when a place frees up at this branch and service between two days". A
 * freed place (cancellation, expiry, reschedule) on a watched day is handed to the first active
 * watcher in order of watching, in the same transaction: it becomes an unconfirmed booking of that
 * watcher with the usual confirmation time (SlotWatch.heldBooking), the watch fires, and the
 * watcher is told. When the hold expires its place is freed again and goes to the next watcher.
 * A watch gets at most one hold; a watcher who cannot take the place (at the limit of active
 * bookings, or busy at that time) is passed over and keeps watching.
 */
import type { Executor } from '../../db/client.js';
import { writeOutbox } from '../../jobs/outbox.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import { badField, notFound } from '../../shared/errors.js';
import { isUuid } from '../../shared/ids.js';
import { localDay } from '../../shared/days.js';
import type { BookingEffects, BookingsDeps } from './bookings.deps.js';
import { expireBooking } from './bookings.jobs.js';
import * as repo from './bookings.repository.js';
import type { BookingRow, SlotWatchRow } from './bookings.repository.js';
import { MAX_HANDOFF_CANDIDATES, placesOf } from './bookings.rules.js';
import * as handoff from './handoff.repository.js';
import type { SlotsService } from './slots.service.js';

type Freed = Pick<BookingRow, 'userId' | 'branchId' | 'serviceId' | 'startsAt' | 'endsAt'>;

export class SlotWatchesService {
  constructor(
    private readonly deps: Pick<BookingsDeps, 'config' | 'db' | 'clock' | 'branches'>,
    private readonly slots: SlotsService,
    private readonly effects: BookingEffects,
  ) {}

  async watch(viewer: Viewer, input: { branchId: string; serviceId: string; from: string; to: string }): Promise<SlotWatchRow> {
    const { branch, service } = await this.slots.offer(input.branchId, input.serviceId);
    if (input.to < input.from) throw badField('input.to', 'Конец периода раньше начала');
    const today = localDay(this.deps.clock.now(), branch.timezone);
    if (input.to < today) throw badField('input.to', 'Период уже прошёл');
    return repo.insertWatch(this.deps.db, { userId: viewer.userId, branchId: branch.id, serviceId: service.id, fromDate: input.from, toDate: input.to, createdAt: this.deps.clock.now() });
  }

  async cancelWatch(viewer: Viewer, id: string): Promise<boolean> {
    if (!isUuid(id) || !(await repo.deactivateWatch(this.deps.db, id, viewer.userId))) throw notFound('Оповещение');
    return true;
  }

  myWatches(viewer: Viewer): Promise<SlotWatchRow[]> {
    return repo.watchesOfUser(this.deps.db, viewer.userId);
  }

  /**
   * A place came free (in the freeing transaction): it is held for the first watcher who can take
   * it. Returns the hold made (to publish after commit), or nothing when no one watches the day,
   * the place is too soon to book or was taken meanwhile.
   */
  async placeFreed(tx: Executor, b: Freed, now: Date): Promise<BookingRow[]> {
    if (b.startsAt.getTime() < now.getTime() + this.deps.config.BOOKING_LEAD_MINUTES * 60_000) return [];
    const [branch] = await this.deps.branches.branchesByIds([b.branchId], tx);
    const capacity = await repo.capacityOf(tx, b.branchId, b.serviceId);
    if (!branch || capacity === null) return [];
    const day = localDay(b.startsAt, branch.timezone);
    const tried: string[] = [];
    for (let i = 0; i < MAX_HANDOFF_CANDIDATES; i++) {
      const watch = await handoff.nextWatcher(tx, { branchId: b.branchId, serviceId: b.serviceId, day, exceptUserId: b.userId, tried });
      if (!watch) return [];
      tried.push(watch.id);
      const held = await this.hold(tx, watch, b, capacity, now);
      if (held === 'SLOT_TAKEN') return [];
      if (held !== 'PASSED_OVER') return [held];
    }
    return [];
  }

  /** The freed place as an unconfirmed booking of the watcher, with its expiry job and message. */
  private async hold(tx: Executor, watch: SlotWatchRow, b: Freed, capacity: number, now: Date): Promise<BookingRow | 'SLOT_TAKEN' | 'PASSED_OVER'> {
    const { config } = this.deps;
    if (!(await repo.lockActiveUnder(tx, watch.userId, config.BOOKING_MAX_ACTIVE))) return 'PASSED_OVER';
    const place = { branchId: b.branchId, serviceId: b.serviceId, starts: placesOf(b.startsAt, b.endsAt) };
    if ((await repo.takePlaces(tx, { ...place, capacity })) === 'SLOT_TAKEN') return 'SLOT_TAKEN';
    const confirmBy = new Date(now.getTime() + config.BOOKING_CONFIRM_TTL_SECONDS * 1000);
    const row = await repo.insertBooking(tx, {
      number: `МФЦ-Б-${String(await repo.nextNumber(tx)).padStart(7, '0')}`,
      userId: watch.userId,
      branchId: b.branchId,
      serviceId: b.serviceId,
      startsAt: b.startsAt,
      endsAt: b.endsAt,
      originalStartsAt: b.startsAt,
      status: 'PENDING_CONFIRMATION',
      confirmBy,
      createdAt: now,
      updatedAt: now,
    });
    if (typeof row === 'string') {
      // The watcher has another visit at that time: the place goes back, the next watcher is asked.
      await repo.releasePlaces(tx, place);
      return 'PASSED_OVER';
    }
    // The watch is locked by nextWatcher: it cannot have changed since.
    if (!(await handoff.markHeld(tx, watch.id, row.id, now))) throw new Error(`slot watch ${watch.id} changed under its lock`);
    await repo.insertEvent(tx, { bookingId: row.id, status: 'PENDING_CONFIRMATION', at: now, note: 'Освободившееся место удерживается для вас из листа ожидания до подтверждения' });
    await this.effects.record(tx, row);
    await writeOutbox(tx, expireBooking, { bookingId: row.id }, { jobId: `expire-${row.id}`, delayMs: config.BOOKING_CONFIRM_TTL_SECONDS * 1000 });
    await this.effects.messages.send(tx, row, { template: 'booking.slot_held' });
    return row;
  }
}
