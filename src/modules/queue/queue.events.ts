/** Realtime topics of the queue: a branch's load (every change) and a ticket's holder (called, done). */
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

export const branchLoadTopic = defineTopic<BranchLoadEvent>('branchLoad');
export const ticketTopic = defineTopic<TicketEvent>('ticket');
