/**
 * Slot watches: "tell me once when a place frees up at this branch and service between two days".
 * A freed place (cancellation, expiry, reschedule) fires the matching watches in the same
 * transaction, each once, first come first served; the place itself is not reserved.
 */
import type { Executor } from '../../db/client.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import { badField, notFound } from '../../shared/errors.js';
import { isUuid } from '../../shared/ids.js';
import { localDay } from '../../shared/days.js';
import type { BookingsDeps } from './bookings.deps.js';
import * as repo from './bookings.repository.js';
import type { BookingRow, SlotWatchRow } from './bookings.repository.js';
import type { SlotsService } from './slots.service.js';

export class SlotWatchesService {
  constructor(
    private readonly deps: Pick<BookingsDeps, 'db' | 'clock' | 'accounts' | 'branches' | 'notifications'>,
    private readonly slots: SlotsService,
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

  /** A place came free: the watchers of that branch, service and day hear it once (first come, first served). */
  async placeFreed(tx: Executor, b: BookingRow, now: Date): Promise<void> {
    if (b.startsAt <= now) return;
    const [branch] = await this.deps.branches.branchesByIds([b.branchId], tx);
    if (!branch) return;
    const day = localDay(b.startsAt, branch.timezone);
    const fired = await repo.fireWatches(tx, { branchId: b.branchId, serviceId: b.serviceId, day, now, exceptUserId: b.userId });
    for (const w of fired) {
      const user = await this.deps.accounts.userById(w.userId, tx);
      if (!user) continue;
      await this.deps.notifications.notify(tx, {
        userId: user.id,
        template: 'booking.slot_freed',
        vars: { branch: branch.name, date: day.split('-').reverse().join('.') },
        subjectType: 'SlotWatch',
        subjectId: w.id,
      });
    }
  }
}
