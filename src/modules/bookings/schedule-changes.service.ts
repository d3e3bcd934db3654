/**
 * The bookings' side of a branch's schedule change (the branches module's ScheduleChangeListener,
 * wired in src/app.ts): inside the change's transaction, every booking still to come (pending or
 * confirmed) that no longer fits the new hours or exception is cancelled with the branch's reason,
 * its places freed (not handed to watchers: the time is closed), its reminder removed, and its
 * citizen told with a link to book again. Such a cancellation is the branch's doing: it is recorded
 * as such and never counts against the citizen (active bookings drop by one, reschedules untouched).
 * A booking can race the change (its statement commits after the change's transaction looked, or an
 * instance booked from hours cached until the change's broadcast reached it): the change leaves a
 * re-check behind (bookings.recheckSchedule, BOOKING_SCHEDULE_RECHECK_SECONDS later) that does the
 * same again in a transaction of its own.
 */
import { randomUUID } from 'node:crypto';
import type { Executor } from '../../db/client.js';
import { writeOutbox } from '../../jobs/outbox.js';
import { localDay } from '../../shared/days.js';
import type { ScheduleChange, ScheduleChangeListener, ScheduleChangeOutcome } from '../branches/index.js';
import type { BookingEffects, BookingsDeps } from './bookings.deps.js';
import * as repo from './bookings.repository.js';
import type { BookingRow } from './bookings.repository.js';
import { recheckSchedule } from './bookings.jobs.js';
import { BRANCH_CANCELLATION_NOTE, CHANGEABLE_STATUSES, placesOf } from './bookings.rules.js';
import { fitsSchedule } from './slots.js';
import type { SlotsService } from './slots.service.js';

const DAY_MS = 86_400_000;
const nothing: ScheduleChangeOutcome = { cancelled: 0, afterCommit: () => Promise.resolve() };

export class ScheduleCancellations implements ScheduleChangeListener {
  constructor(
    private readonly deps: Pick<BookingsDeps, 'clock' | 'branches' | 'db' | 'config'>,
    private readonly effects: BookingEffects,
    private readonly slots: Pick<SlotsService, 'placesFreed'>,
  ) {}

  async scheduleChanged(tx: Executor, change: ScheduleChange): Promise<ScheduleChangeOutcome> {
    const { branchId, date, reason } = change;
    await writeOutbox(tx, recheckSchedule, { branchId, reason, ...(date && { date }) }, { jobId: `recheck-schedule-${randomUUID()}`, delayMs: this.deps.config.BOOKING_SCHEDULE_RECHECK_SECONDS * 1000 });
    return this.cancelMisfits(tx, change);
  }

  /** The re-check (bookings.recheckSchedule): bookings that raced the change in are cancelled as it would have; how many. */
  async recheck(change: ScheduleChange): Promise<number> {
    const outcome = await this.deps.db.transaction((tx) => this.cancelMisfits(tx, change));
    await outcome.afterCommit();
    return outcome.cancelled;
  }

  private async cancelMisfits(tx: Executor, change: ScheduleChange): Promise<ScheduleChangeOutcome> {
    const now = this.deps.clock.now();
    const [branch] = await this.deps.branches.branchesByIds([change.branchId], tx);
    if (!branch) return nothing;
    const upcoming = await this.upcoming(tx, change, branch.timezone, now);
    if (upcoming.length === 0) return nothing;
    const days = upcoming.map((b) => localDay(b.startsAt, branch.timezone)).sort();
    const [hours, exceptions] = await Promise.all([this.deps.branches.hoursOf([branch.id], tx), this.deps.branches.exceptionsOf([branch.id], days[0] ?? '', days.at(-1) ?? '', tx)]);
    const closed = upcoming.filter((b) => !fitsSchedule(b, branch.timezone, hours, exceptions));
    const cancelled: BookingRow[] = [];
    for (const b of closed) {
      const row = await this.cancel(tx, b, change.reason, now);
      if (row) cancelled.push(row);
    }
    return {
      cancelled: cancelled.length,
      afterCommit: async () => {
        for (const row of cancelled) {
          this.slots.placesFreed(row);
          await this.effects.dropReminder(row);
          this.effects.publish(row);
        }
      },
    };
  }

  /** The branch's bookings still to come (the changed day only, for an exception), locked against a concurrent change. */
  private async upcoming(tx: Executor, change: ScheduleChange, timezone: string, now: Date): Promise<BookingRow[]> {
    if (!change.date) return repo.lockUpcomingAt(tx, { branchId: change.branchId, statuses: CHANGEABLE_STATUSES, from: now });
    // The local day lies within a day either side of its UTC date, whatever the zone.
    const utcDay = new Date(`${change.date}T00:00:00Z`).getTime();
    const from = new Date(Math.max(now.getTime(), utcDay - DAY_MS));
    const rows = await repo.lockUpcomingAt(tx, { branchId: change.branchId, statuses: CHANGEABLE_STATUSES, from, to: new Date(utcDay + 2 * DAY_MS) });
    return rows.filter((b) => localDay(b.startsAt, timezone) === change.date);
  }

  private async cancel(tx: Executor, b: BookingRow, reason: string, now: Date): Promise<BookingRow | undefined> {
    const row = await repo.transition(tx, b.id, CHANGEABLE_STATUSES, { status: 'CANCELLED', confirmBy: null, updatedAt: now });
    if (!row) return undefined;
    await repo.releasePlaces(tx, { branchId: row.branchId, serviceId: row.serviceId, starts: placesOf(row.startsAt, row.endsAt) });
    await repo.insertEvent(tx, { bookingId: row.id, status: 'CANCELLED', at: now, note: `${BRANCH_CANCELLATION_NOTE}: ${reason}` });
    await this.effects.record(tx, row);
    await this.effects.cancelReminder(tx, row);
    await this.effects.messages.send(tx, row, { template: 'booking.cancelled_by_branch', reason });
    return row;
  }
}
