/**
 * The electronic queue: citizens take tickets; operators of the branch open and close windows,
 * call the next ticket (booked visitors first, then walk-ins in order), complete tickets or mark
 * no-shows. Every committed change recomputes the branch's load once (LoadService.changed), and a
 * called ticket's holder hears it at once: ticketUpdated and an urgent notification.
 */
import type { Database, Executor } from '../../db/client.js';
import { badField, forbidden, notFound, preconditionFailed } from '../../shared/errors.js';
import { hasRole, type Viewer } from '../../shared/auth/viewer.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import type { AppPubSub } from '../../shared/pubsub.js';
import { ticketTopic, type BranchLoadEvent } from './queue.events.js';
import { bookingTopic } from '../bookings/index.js';
import { findUserById } from '../accounts/accounts.repository.js';
import { findBranchesByIds, type BranchRow } from '../branches/branches.repository.js';
import { branchOffersService } from '../catalog/catalog.repository.js';
import type { NotificationsService } from '../notifications/index.js';
import type { LoadService } from './load.service.js';
import { insertEvent as insertBookingEvent, transition as transitionBooking } from '../bookings/bookings.repository.js';
import * as repo from './queue.repository.js';
import type { TicketRow } from './queue.repository.js';
import { isUuid } from '../../shared/ids.js';
import { localDay } from '../../shared/days.js';

const TICKETS_SHOWN_HOURS = 24;

/** A001 … A999, then B001 …: short enough for the hall's board. */
export function ticketNumber(seq: number): string {
  const letter = String.fromCharCode(65 + Math.floor((seq - 1) / 999) % 26);
  return `${letter}${String(((seq - 1) % 999) + 1).padStart(3, '0')}`;
}

/** The branch's local calendar day of a moment. */

/** A booked visitor's visit ends with their ticket: the booking becomes COMPLETED or NO_SHOW too. */
async function endVisit(tx: Executor, ticket: TicketRow, status: 'COMPLETED' | 'NO_SHOW', now: Date): Promise<void> {
  if (!ticket.bookingId) return;
  const visit = await transitionBooking(tx, ticket.bookingId, ['CHECKED_IN'], { status, updatedAt: now });
  if (visit) await insertBookingEvent(tx, { bookingId: visit.id, status, at: now });
}

export class QueueService {
  constructor(
    private readonly deps: { db: Database; clock: Clock; log: Logger; pubsub: AppPubSub; notifications: NotificationsService },
    private readonly load: LoadService,
  ) {}

  async takeTicket(viewer: Viewer, branchId: string, serviceId: string): Promise<TicketRow> {
    const branch = await this.requireBranch(branchId);
    if (!isUuid(serviceId) || !(await branchOffersService(this.deps.db, branch.id, serviceId))) {
      throw badField('serviceId', 'Эта услуга не оказывается в выбранном отделении');
    }
    const now = this.deps.clock.now();
    const day = localDay(now, branch.timezone);
    const ticket = await this.deps.db.transaction(async (tx) => {
      const seq = await repo.nextSeq(tx, branch.id, day);
      return repo.insertTicket(tx, { branchId: branch.id, serviceId, userId: viewer.userId, day, seq, number: ticketNumber(seq), priority: 1, issuedAt: now });
    });
    await this.afterChange(branch.id, null);
    return ticket;
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
      if (finished) await endVisit(tx, finished, 'COMPLETED', now);
      const next = await repo.claimNextWaiting(tx, branch.id);
      if (!next) {
        await repo.setWindowTicket(tx, branch.id, window, null);
        return { called: null, finished };
      }
      const called = await repo.updateTicket(tx, next.id, { status: 'CALLED', window, calledAt: now }, ['WAITING']);
      if (!called) throw new Error('claimed ticket changed under its lock');
      await repo.setWindowTicket(tx, branch.id, window, called.id);
      if (called.userId) {
        const holder = await findUserById(tx, called.userId);
        if (holder) {
          await this.deps.notifications.notify(tx, {
            userId: holder.id,
            template: 'queue.ticket_called',
            vars: { number: called.number, window: String(window), branch: branch.name },
            subjectType: 'QueueTicket',
            subjectId: called.id,
          });
        }
      }
      return { called, finished };
    });
    if (result.finished) {
      this.publishTicket(result.finished);
      this.publishVisit(result.finished);
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

  private async finish(viewer: Viewer, ticketId: string, status: 'COMPLETED' | 'NO_SHOW'): Promise<TicketRow> {
    const existing = isUuid(ticketId) ? await repo.findTicket(this.deps.db, ticketId) : undefined;
    if (!existing) throw notFound('Талон');
    await this.requireStaffOf(viewer, existing.branchId);
    const now = this.deps.clock.now();
    const done = await this.deps.db.transaction(async (tx) => {
      const row = await repo.updateTicket(tx, existing.id, { status, completedAt: now }, ['CALLED', 'SERVING']);
      if (row) await repo.clearWindowOf(tx, row.id);
      if (row) await endVisit(tx, row, status, now);
      return row;
    });
    if (!done) throw preconditionFailed(`Талон ${existing.number} не у окна (статус ${existing.status})`);
    this.publishVisit(done);
    await this.afterChange(done.branchId, done);
    return done;
  }

  private async afterChange(branchId: string, ticket: TicketRow | null): Promise<void> {
    if (ticket) this.publishTicket(ticket);
    await this.load.changed(branchId);
  }

  /** A booked visit that ended with its ticket: the booking's holder hears it on bookingUpdated. */
  private publishVisit(ticket: TicketRow | undefined | null): void {
    if (!ticket?.bookingId || !ticket.userId) return;
    try {
      this.deps.pubsub.publish(bookingTopic, { userId: ticket.userId, bookingId: ticket.bookingId });
    } catch (err) {
      this.deps.log.warn({ err }, 'could not publish a booking change');
    }
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
    if (!Number.isInteger(window) || window < 1 || window > branch.windows) throw badField('window', `В отделении окна с 1 по ${branch.windows}`);
  }

  private async requireBranch(branchId: string): Promise<BranchRow> {
    const [branch] = isUuid(branchId) ? await findBranchesByIds(this.deps.db, [branchId]) : [];
    if (!branch) throw notFound('Отделение');
    return branch;
  }

  private async isStaffOf(viewer: Viewer, branchId: string): Promise<boolean> {
    if (hasRole(viewer, 'ADMIN')) return true;
    if (!hasRole(viewer, 'OPERATOR')) return false;
    const user = await findUserById(this.deps.db, viewer.userId);
    return user?.staffBranchId === branchId;
  }

  /** Operators act only on their own branch; admins on any. */
  private async requireStaffOf(viewer: Viewer, branchId: string): Promise<BranchRow> {
    const branch = await this.requireBranch(branchId);
    if (!(await this.isStaffOf(viewer, branch.id))) throw forbidden('Это действие доступно только сотрудникам этого отделения');
    return branch;
  }
}


/** "Tell me when the queue drops to N": alerts fire once (LoadService), then stay inactive. */
export class LoadAlertsService {
  constructor(
    private readonly deps: { db: Database; clock: Clock },
    private readonly load: LoadService,
  ) {}

  async watch(viewer: Viewer, branchId: string, maxWaiting: number): Promise<repo.AlertRow> {
    if (!Number.isInteger(maxWaiting) || maxWaiting < 0 || maxWaiting > 1000) throw badField('maxWaiting', 'От 0 до 1000 человек');
    const [branch] = isUuid(branchId) ? await findBranchesByIds(this.deps.db, [branchId]) : [];
    if (!branch) throw notFound('Отделение');
    const alert = await repo.insertAlert(this.deps.db, { userId: viewer.userId, branchId: branch.id, maxWaiting, createdAt: this.deps.clock.now() });
    // The queue may already be short enough: then the alert fires right away.
    await this.load.changed(branch.id);
    return (await repo.alertsOfUser(this.deps.db, viewer.userId)).find((a) => a.id === alert.id) ?? alert;
  }

  async cancel(viewer: Viewer, id: string): Promise<boolean> {
    if (!isUuid(id) || !(await repo.deactivateAlert(this.deps.db, id, viewer.userId))) throw notFound('Оповещение');
    return true;
  }

  mine(viewer: Viewer): Promise<repo.AlertRow[]> {
    return repo.alertsOfUser(this.deps.db, viewer.userId);
  }
}
