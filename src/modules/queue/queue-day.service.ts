/**
 * The branch's queue day (DOMAIN.md, "Electronic queue, continued"): at the branch's local closing
 * time every ticket of the day still waiting or called is CANCELLED with the note "отделение
 * закрылось" (the one being served is COMPLETED), the windows opened that day close, and the load
 * drops to zero. A delayed job per branch and day runs at the closing time; the sweeper (every
 * QUEUE_DAY_SWEEP_MINUTES) schedules each day's job once and closes what a missed job left open.
 * Closing is idempotent: set-based updates of what is still open.
 */
import type { QueueDeps } from './queue.deps.js';
import { writeOutbox } from '../../jobs/outbox.js';
import { addDays, isoWeekday, localDay, zonedInstant } from '../../shared/days.js';
import { openStretches, type ExceptionRow, type HoursRow } from '../branches/index.js';
import type { QueueEffects } from './queue.effects.js';
import { closeQueueDay } from './queue.jobs.js';
import * as repo from './queue-day.repository.js';
import { closingMinute, DAY_CLOSED_NOTE } from './queue.rules.js';

export interface DayClosed {
  closed: boolean;
  cancelled: number;
  completed: number;
  windows: number;
}

export class QueueDayService {
  constructor(
    private readonly deps: QueueDeps,
    private readonly effects: QueueEffects,
  ) {}

  /** The sweeper: today's closing job of every branch scheduled once; overdue and stale days closed. */
  async sweep(): Promise<{ scheduled: number; closed: number }> {
    const now = this.deps.clock.now();
    const scheduled = await this.scheduleToday(now);
    const open = [...(await repo.dueDays(this.deps.db, now)), ...(await repo.staleDays(this.deps.db, now))];
    const days = [...new Map(open.map((d) => [`${d.branchId}/${d.day}`, d])).values()];
    let closed = 0;
    for (const d of days) if ((await this.closeDay(d.branchId, d.day)).closed) closed += 1;
    return { scheduled, closed };
  }

  /** Closes a branch's day once its closing time has passed (a no-op before it, or when nothing is open). */
  async closeDay(branchId: string, day: string): Promise<DayClosed> {
    const branch = await this.effects.requireBranch(branchId);
    const now = this.deps.clock.now();
    const closesAt = (await repo.findDay(this.deps.db, branch.id, day))?.closesAt ?? zonedInstant(addDays(day, 1), 0, branch.timezone);
    if (closesAt.getTime() > now.getTime()) return { closed: false, cancelled: 0, completed: 0, windows: 0 };
    const result = await this.deps.db.transaction(async (tx) => {
      const tickets = await repo.closeDayTickets(tx, { branchId: branch.id, day, now, note: DAY_CLOSED_NOTE });
      for (const t of tickets.completed) if (t.bookingId) await this.deps.visits.endVisit(tx, t.bookingId, 'COMPLETED');
      const windows = await repo.closeWindowsOpenedBefore(tx, branch.id, closesAt);
      await repo.markDayClosed(tx, { branchId: branch.id, day, closesAt, now });
      return { ...tickets, windows };
    });
    for (const t of result.completed) if (t.bookingId && t.userId) this.deps.visits.visitEnded({ bookingId: t.bookingId, userId: t.userId });
    await this.effects.afterChange(branch.id, [...result.cancelled, ...result.completed]);
    this.deps.log.info({ branchId: branch.id, day, cancelled: result.cancelled.length, windows: result.windows }, 'queue day closed');
    return { closed: true, cancelled: result.cancelled.length, completed: result.completed.length, windows: result.windows };
  }

  /** Each branch's closing time of its local today, recorded; a closing job written to the outbox when new or moved. */
  private async scheduleToday(now: Date): Promise<number> {
    const branches = await repo.branchZones(this.deps.db);
    const ids = branches.map((b) => b.id);
    const utcDay = now.toISOString().slice(0, 10);
    const [hours, exceptions] = await Promise.all([this.deps.branches.hoursOf(ids), this.deps.branches.exceptionsOf(ids, addDays(utcDay, -1), addDays(utcDay, 1))]);
    let scheduled = 0;
    for (const b of branches) {
      const day = localDay(now, b.timezone);
      const closesAt = closingTime(day, b.timezone, hours.filter((h) => h.branchId === b.id), exceptions.filter((e) => e.branchId === b.id));
      if (!closesAt) continue;
      const isNew = await this.deps.db.transaction(async (tx) => {
        if (!(await repo.upsertDay(tx, b.id, day, closesAt))) return false;
        const delayMs = Math.max(0, closesAt.getTime() - now.getTime());
        await writeOutbox(tx, closeQueueDay, { branchId: b.id, day }, { jobId: `queue.closeDay-${b.id}-${day}-${closesAt.getTime()}`, delayMs });
        return true;
      });
      if (isNew) scheduled += 1;
    }
    return scheduled;
  }
}

/** The instant a branch's local day closes (end of its last stretch of opening); null: closed all day. */
export function closingTime(day: string, timezone: string, hours: readonly HoursRow[], exceptions: readonly ExceptionRow[]): Date | null {
  const minute = closingMinute(openStretches(day, isoWeekday(day), hours, exceptions));
  return minute === null ? null : zonedInstant(day, minute, timezone);
}
