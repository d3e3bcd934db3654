/**
 * Realtime topics of the queue: a branch's load (every change), a ticket's holder (called, done),
 * the hall's board (a ticket called to a window: number and window only) and a branch's queue
 * changed (its staff re-read the whole queue).
 */
import { defineTopic } from '../../shared/pubsub.js';

export interface BranchLoadEvent {
  branchId: string;
  waiting: number;
  averageWaitMinutes: number;
  openWindows: number;
  freeWindows: number;
  level: 'LOW' | 'MEDIUM' | 'HIGH';
  updatedAt: string;
}

export interface TicketEvent {
  userId: string;
  ticketId: string;
}

/** What the hall's board shows of a call: never who holds the ticket. */
export interface TicketCalledEvent {
  branchId: string;
  number: string;
  window: number;
  calledAt: string;
}

export interface QueueChangedEvent {
  branchId: string;
}

export const branchLoadTopic = defineTopic<BranchLoadEvent>('branchLoad');
export const ticketTopic = defineTopic<TicketEvent>('ticket');
export const ticketCalledTopic = defineTopic<TicketCalledEvent>('ticketCalled');
export const queueChangedTopic = defineTopic<QueueChangedEvent>('queueChanged');
