/**
 * The electronic queue: citizens take tickets; operators of the branch open and close windows,
 * call the next ticket (booked visitors first, then walk-ins in order), complete tickets or mark
 * no-shows. Every committed change recomputes the branch's load once (LoadService.changed), and a
 * called ticket's holder hears it at once: ticketUpdated and an urgent notification. The queue owns
 * tickets; a booked visit's end is told to the owner of bookings through the VisitOutcomes port.
 */
import { recordIntegrationEvent } from '../../jobs/integration-events.js';
import type { QueueDeps } from './queue.deps.js';
import type { Executor } from '../../db/client.js';
import { badField, forbidden, notFound, preconditionFailed } from '../../shared/errors.js';
import { hasRole, type Viewer } from '../../shared/auth/viewer.js';
import { ticketTopic, type BranchLoadEvent } from './queue.events.js';
import type { BranchRow } from '../branches/index.js';
import type { LoadService } from './load.service.js';
import type { VisitEnd } from './queue.ports.js';
import * as repo from './queue.repository.js';
import type { TicketRow } from './queue.repository.js';
import { isWindowOf, PRIORITY_BOOKED, PRIORITY_WALK_IN, TICKETS_SHOWN_HOURS, ticketNumber } from './queue.rules.js';
import { isUuid } from '../../shared/ids.js';
import { localDay } from '../../shared/days.js';

export type { QueueDeps } from './queue.deps.js';

/** A checked-in booking's ticket: what the queue needs of the booking and its branch. */
export interface BookedVisit {
  bookingId: string;
  userId: string;
  serviceId: string;
  branch: { id: string; timezone: string };
}

export class QueueService {
  constructor(
    private readonly deps: QueueDeps,
    private readonly load: LoadService,
  ) {}

  async takeTicket(viewer: Viewer, branchId: string, serviceId: string): Promise<TicketRow> {
    const branch = await this.requireBranch(branchId);
    if (!isUuid(serviceId) || !(await this.deps.catalog.branchOffersService(branch.id, serviceId))) {
      throw badField('serviceId', 'Эта услуга не оказывается в выбранном отделении');
    }
    const now = this.deps.clock.now();
    const day = localDay(now, branch.timezone);
    const ticket = await this.deps.db.transaction(async (tx) => {
      const seq = await repo.nextSeq(tx, branch.id, day);
      return repo.insertTicket(tx, { branchId: branch.id, serviceId, userId: viewer.userId, day, seq, number: ticketNumber(seq), priority: PRIORITY_WALK_IN, issuedAt: now });
    });
    await this.afterChange(branch.id, null);
    return ticket;
  }

  /**
   * Check-in (bookings): in the booking's transaction, its ticket joins the branch's queue, called
   * before walk-ins. The caller runs queueChanged(branchId) after commit.
   */
  async issueTicketForBooking(tx: Executor, visit: BookedVisit, now: Date): Promise<TicketRow> {
    const day = localDay(now, visit.branch.timezone);
    const seq = await repo.nextSeq(tx, visit.branch.id, day);
    return repo.insertTicket(tx, {
      branchId: visit.branch.id,
      serviceId: visit.serviceId,
      userId: visit.userId,
      bookingId: visit.bookingId,
      day,
      seq,
      number: ticketNumber(seq),
      priority: PRIORITY_BOOKED,
      issuedAt: now,
    });
  }

  /** After a committed change made outside this service (a check-in): the branch's load, once. */
  async queueChanged(branchId: string): Promise<void> {
    await this.load.changed(branchId);
  }

  async openWindow(viewer: Viewer, branchId: string, window: number): Promise<BranchLoadEvent> {
    const branch = await this.requireStaffOf(viewer, branchId);
    this.checkWindow(branch, window);
    await repo.openWindow(this.deps.db, { branchId: branch.id, number: window, operatorId: viewer.userId, now: this.deps.clock.now() });
    return this.load.changed(branch.id);
  }

  async closeWindow(viewer: Viewer, branchId: string, window: number): Promise<BranchLoadEvent> {
    const branch = await this.requireStaffOf(viewer, branchId);
    this.checkWindow(branch, window);
    const open = await repo.findWindow(this.deps.db, branch.id, window);
    if (open?.ticketId) throw preconditionFailed('У окна вызванный посетитель: завершите талон или отметьте неявку');
    await repo.closeWindow(this.deps.db, branch.id, window);
    return this.load.changed(branch.id);
  }

  /**
   * Calls the next ticket to the window: the ticket at the window is completed first, then the
   * next waiting one is claimed (row lock, SKIP LOCKED: two windows never get the same ticket).
   * Null when nobody is waiting.
   */
  async callNext(viewer: Viewer, branchId: string, window: number): Promise<TicketRow | null> {
    const branch = await this.requireStaffOf(viewer, branchId);
    this.checkWindow(branch, window);
    const now = this.deps.clock.now();
    const result = await this.deps.db.transaction(async (tx) => {
      const w = await repo.findWindow(tx, branch.id, window, true);
      if (!w) throw preconditionFailed(`Окно ${window} закрыто: сначала откройте его`);
      let finished: TicketRow | undefined;
      if (w.ticketId) finished = await repo.updateTicket(tx, w.ticketId, { status: 'COMPLETED', completedAt: now }, ['CALLED', 'SERVING']);
      if (finished) await this.endVisit(tx, finished, 'COMPLETED');
      const next = await repo.claimNextWaiting(tx, branch.id);
      if (!next) {
        await repo.setWindowTicket(tx, branch.id, window, null);
        return { called: null, finished };
      }
      const called = await repo.updateTicket(tx, next.id, { status: 'CALLED', window, calledAt: now }, ['WAITING']);
      if (!called) throw new Error('claimed ticket changed under its lock');
      await repo.setWindowTicket(tx, branch.id, window, called.id);
      await this.notifyCalled(tx, called, window, branch);
      // Webhooks (LOAD_READ): what the hall's board shows, no holder.
      await recordIntegrationEvent(tx, { type: 'TICKET_CALLED', occurredAt: now, branchId: branch.id, data: { ticketId: called.id, number: called.number, window, branchId: branch.id, serviceId: called.serviceId } });
      return { called, finished };
    });
    if (result.finished) {
      this.publishTicket(result.finished);
      this.visitEnded(result.finished);
    }
    await this.afterChange(branch.id, result.called);
    return result.called;
  }

  async complete(viewer: Viewer, ticketId: string): Promise<TicketRow> {
    return this.finish(viewer, ticketId, 'COMPLETED');
  }

  async markNoShow(viewer: Viewer, ticketId: string): Promise<TicketRow> {
    return this.finish(viewer, ticketId, 'NO_SHOW');
  }

  async myTickets(viewer: Viewer): Promise<TicketRow[]> {
    return repo.ticketsOfUser(this.deps.db, viewer.userId, new Date(this.deps.clock.now().getTime() - TICKETS_SHOWN_HOURS * 3_600_000));
  }

  /** Staff of the branch: its live queue, in calling order. */
  async queue(viewer: Viewer, branchId: string): Promise<TicketRow[]> {
    const branch = await this.requireStaffOf(viewer, branchId);
    return repo.liveQueue(this.deps.db, branch.id);
  }

  /** A ticket as its holder or the branch's staff may see it. */
  async ticket(viewer: Viewer, id: string): Promise<TicketRow | null> {
    const t = isUuid(id) ? await repo.findTicket(this.deps.db, id) : undefined;
    if (!t) return null;
    if (t.userId === viewer.userId) return t;
    return (await this.isStaffOf(viewer, t.branchId)) ? t : null;
  }

  private async finish(viewer: Viewer, ticketId: string, status: VisitEnd): Promise<TicketRow> {
    const existing = isUuid(ticketId) ? await repo.findTicket(this.deps.db, ticketId) : undefined;
    if (!existing) throw notFound('Талон');
    await this.requireStaffOf(viewer, existing.branchId);
    const now = this.deps.clock.now();
    const done = await this.deps.db.transaction(async (tx) => {
      const row = await repo.updateTicket(tx, existing.id, { status, completedAt: now }, ['CALLED', 'SERVING']);
      if (row) await repo.clearWindowOf(tx, row.id);
      if (row) await this.endVisit(tx, row, status);
      return row;
    });
    if (!done) throw preconditionFailed(`Талон ${existing.number} не у окна (статус ${existing.status})`);
    this.visitEnded(done);
    await this.afterChange(done.branchId, done);
    return done;
  }

  /** The called ticket's holder hears it at once (urgent notification, in the call's transaction). */
  private async notifyCalled(tx: Executor, called: TicketRow, window: number, branch: BranchRow): Promise<void> {
    if (!called.userId) return;
    const holder = await this.deps.accounts.userById(called.userId, tx);
    if (!holder) return;
    await this.deps.notifications.notify(tx, {
      userId: holder.id,
      template: 'queue.ticket_called',
      vars: { number: called.number, window: String(window), branch: branch.name },
      subjectType: 'QueueTicket',
      subjectId: called.id,
    });
  }

  /** A booked visitor's visit ends with their ticket: the owner of bookings records it. */
  private async endVisit(tx: Executor, ticket: TicketRow, status: VisitEnd): Promise<void> {
    if (ticket.bookingId) await this.deps.visits.endVisit(tx, ticket.bookingId, status);
  }

  /** After commit: a booked visit that ended with its ticket is announced by the owner of bookings. */
  private visitEnded(ticket: TicketRow): void {
    if (ticket.bookingId && ticket.userId) this.deps.visits.visitEnded({ bookingId: ticket.bookingId, userId: ticket.userId });
  }

  private async afterChange(branchId: string, ticket: TicketRow | null): Promise<void> {
    if (ticket) this.publishTicket(ticket);
    await this.load.changed(branchId);
  }

  private publishTicket(ticket: TicketRow): void {
    if (!ticket.userId) return;
    try {
      this.deps.pubsub.publish(ticketTopic, { userId: ticket.userId, ticketId: ticket.id });
    } catch (err) {
      this.deps.log.warn({ err }, 'could not publish a ticket change');
    }
  }

  private checkWindow(branch: BranchRow, window: number): void {
    if (!isWindowOf(branch.windows, window)) throw badField('window', `В отделении окна с 1 по ${branch.windows}`);
  }

  private async requireBranch(branchId: string): Promise<BranchRow> {
    const [branch] = isUuid(branchId) ? await this.deps.branches.branchesByIds([branchId]) : [];
    if (!branch) throw notFound('Отделение');
    return branch;
  }

  private async isStaffOf(viewer: Viewer, branchId: string): Promise<boolean> {
    if (hasRole(viewer, 'ADMIN')) return true;
    if (!hasRole(viewer, 'OPERATOR')) return false;
    const user = await this.deps.accounts.userById(viewer.userId);
    return user?.staffBranchId === branchId;
  }

  /** Operators act only on their own branch; admins on any. */
  private async requireStaffOf(viewer: Viewer, branchId: string): Promise<BranchRow> {
    const branch = await this.requireBranch(branchId);
    if (!(await this.isStaffOf(viewer, branch.id))) throw forbidden('Это действие доступно только сотрудникам этого отделения');
    return branch;
  }
}
