/** Queue rows and events to GraphQL objects. */
import type { BranchLoadEvent } from './queue.events.js';
import type { AlertRow, SampleRow } from './load.repository.js';
import type { TicketRow } from './queue.repository.js';
import type { TicketCalledEvent } from './queue.events.js';
import type { HourForecast, Recommendation } from './forecast.service.js';
import { LoadLevel, TicketStatus, type BranchLoad, type BranchLoadSample, type BranchRecommendation, type CalledTicket, type LoadAlert, type QueueTicket, type VisitForecast } from './queue.types.js';

export function toTicket(row: TicketRow): QueueTicket {
  return {
    id: row.id,
    number: row.number,
    branchId: row.branchId,
    serviceId: row.serviceId,
    bookingId: row.bookingId,
    status: TicketStatus[row.status],
    window: row.window,
    issuedAt: row.issuedAt,
    calledAt: row.calledAt,
    completedAt: row.completedAt,
    alertWhenAhead: row.alertWhenAhead,
  };
}

/** Events cross Redis as JSON: the date comes back as a string. */
export function toLoad(e: BranchLoadEvent): BranchLoad {
  return { ...e, level: LoadLevel[e.level], updatedAt: new Date(e.updatedAt) };
}

export function toSample(row: SampleRow): BranchLoadSample {
  return { at: row.at, waiting: row.waiting, averageWaitMinutes: row.averageWaitMinutes };
}

export function toAlert(row: AlertRow): LoadAlert {
  return { id: row.id, branchId: row.branchId, maxWaiting: row.maxWaiting, active: row.active, createdAt: row.createdAt };
}

/** The board's view of a called ticket: number and window only. */
export function toCalled(row: TicketRow): CalledTicket | null {
  if (row.window === null || !row.calledAt) return null;
  return { branchId: row.branchId, number: row.number, window: row.window, calledAt: row.calledAt };
}

export function toCalledEvent(e: TicketCalledEvent): CalledTicket {
  return { branchId: e.branchId, number: e.number, window: e.window, calledAt: new Date(e.calledAt) };
}

export function toForecast(f: HourForecast): VisitForecast {
  return { ...f, level: LoadLevel[f.level] };
}

export function toRecommendation(r: Recommendation): BranchRecommendation {
  return { branchId: r.branch.id, distanceKm: r.distanceKm, waitNowMinutes: r.waitNowMinutes, nextFreePlace: r.nextFreeSlot };
}
