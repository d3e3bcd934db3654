/**
 * What the branches module asks of others when a branch's schedule changes (a port owned here, so
 * branches never import bookings): the listener runs inside the schedule change's transaction,
 * after the new hours or exception are written, reads them with the same `tx`, and undoes what the
 * schedule no longer allows (bookings at a time now closed). Its after-commit effects (realtime
 * events, removing delayed jobs) run once the change has committed.
 */
import type { Executor } from '../../db/client.js';

export interface ScheduleChange {
  branchId: string;
  /** Only this local day changed (a dated exception); every day from now when absent (weekly hours). */
  date?: string;
  /** The branch's reason, told to whoever is affected. */
  reason: string;
}

export interface ScheduleChangeOutcome {
  /** How many bookings the change cancelled. */
  cancelled: number;
  afterCommit(): Promise<void>;
}

export interface ScheduleChangeListener {
  scheduleChanged(tx: Executor, change: ScheduleChange): Promise<ScheduleChangeOutcome>;
}

/** No listener (a module built alone, in unit tests): nothing to undo. */
export const noScheduleListener: ScheduleChangeListener = {
  scheduleChanged: () => Promise.resolve({ cancelled: 0, afterCommit: () => Promise.resolve() }),
};
