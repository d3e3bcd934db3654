/** Queue rows and events to GraphQL objects. */
import type { BranchLoadEvent } from './queue.events.js';
import type { AlertRow, SampleRow, TicketRow } from './queue.repository.js';
import { LoadLevel, TicketStatus, type BranchLoad, type BranchLoadSample, type LoadAlert, type QueueTicket } from './queue.types.js';

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
