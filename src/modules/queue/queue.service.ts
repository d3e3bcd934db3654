/**
 * The electronic queue: citizens take tickets (only while the branch is open, within the caps per
 * branch and in all), operators and later the hall's kiosk issue walk-in tickets (one path, given
 * who issues); operators of the branch open and close windows, call the next ticket of the day
 * (booked visitors first, then walk-ins in order), complete tickets or mark no-shows. Every
 * committed change goes through QueueEffects.afterChange (holders, board, load, staff, alerts).
 * The queue owns tickets; a booked visit's end is told to the owner of bookings (VisitOutcomes).
 */
import { recordIntegrationEvent } from '../../jobs/integration-events.js';
import type { QueueDeps } from './queue.deps.js';
import type { Executor } from '../../db/client.js';
import { badField, forbidden, preconditionFailed } from '../../shared/errors.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import type { ApiClientPrincipal } from '../../shared/auth/api-client.js';
import type { BranchLoadEvent } from './queue.events.js';
import type { BranchRow } from '../branches/index.js';
import type { QueueEffects } from './queue.effects.js';
import type { VisitEnd } from './queue.ports.js';
import * as repo from './queue.repository.js';
import type { TicketRow } from './queue.repository.js';
import { PRIORITY_BOOKED, PRIORITY_WALK_IN, TICKETS_SHOWN_HOURS, ticketCapBreach, ticketNumber } from './queue.rules.js';
import { isUuid } from '../../shared/ids.js';
import { localDay } from '../../shared/days.js';

export type { QueueDeps } from './queue.deps.js';

/**
 * Who issues a walk-in ticket for a visitor without an account: an operator of the branch, or the
 * hall's kiosk (an API client with QUEUE_KIOSK restricted to its branches).
 */
export interface TicketIssuer {
  /** Recorded on the ticket as its issuer. */
  id: string;
  mayIssueAt(branchId: string): Promise<boolean>;
}

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
    private readonly effects: QueueEffects,
  ) {}

  /** A citizen's own ticket: only while the branch is open, within the caps on active tickets. */
  async takeTicket(viewer: Viewer, branchId: string, serviceId: string): Promise<TicketRow> {
    const branch = await this.effects.requireBranch(branchId);
    return this.issue(branch, serviceId, { userId: viewer.userId, issuedBy: null });
  }

  /** A walk-in ticket for a visitor without an account, issued by an operator or the hall's kiosk. */
  async issueWalkIn(issuer: TicketIssuer, branchId: string, serviceId: string): Promise<TicketRow> {
    const branch = await this.effects.requireBranch(branchId);
    if (!(await issuer.mayIssueAt(branch.id))) throw forbidden('Выдавать талоны могут только сотрудники и киоск этого отделения');
    return this.issue(branch, serviceId, { userId: null, issuedBy: issuer.id });
  }

  /** The issuer an operator or admin acts as. */
  staffIssuer(viewer: Viewer): TicketIssuer {
    return { id: viewer.userId, mayIssueAt: (branchId) => this.effects.isStaffOf(viewer, branchId) };
  }

  /** The hall's kiosk: an API client with QUEUE_KIOSK, only at the branches its key is restricted to (none when unrestricted). */
  kioskIssuer(client: ApiClientPrincipal): TicketIssuer {
    return { id: client.clientId, mayIssueAt: (branchId) => Promise.resolve(client.scopes.includes('QUEUE_KIOSK') && client.branchIds.includes(branchId)) };
  }

  private async issue(branch: BranchRow, serviceId: string, who: { userId: string | null; issuedBy: string | null }): Promise<TicketRow> {
    if (!isUuid(serviceId) || !(await this.deps.catalog.branchOffersService(branch.id, serviceId))) {
      throw badField('serviceId', 'Эта услуга не оказывается в выбранном отделении');
    }
    const now = this.deps.clock.now();
    if (!(await this.deps.branches.openAt([branch.id], now)).get(branch.id)) {
      throw preconditionFailed('Отделение сейчас закрыто: талоны выдаются только в часы работы', { rule: 'BRANCH_CLOSED' });
    }
    const day = localDay(now, branch.timezone);
    const ticket = await this.deps.db.transaction(async (tx) => {
      if (who.userId) await this.checkCaps(tx, who.userId, branch.id, now);
      const seq = await repo.nextSeq(tx, branch.id, day);
      return repo.insertTicket(tx, { branchId: branch.id, serviceId, userId: who.userId, issuedBy: who.issuedBy, day, seq, number: ticketNumber(seq), priority: PRIORITY_WALK_IN, issuedAt: now });
    });
    // The holder's other devices and account feed hear of the new ticket too.
    await this.effects.afterChange(branch.id, [ticket]);
    return ticket;
  }

  /** Under the holder's lock: one active ticket per branch and a few in all (QUEUE_MAX_ACTIVE_*). */
  private async checkCaps(tx: Executor, userId: string, branchId: string, now: Date): Promise<void> {
    await repo.lockHolder(tx, userId);
    const { QUEUE_MAX_ACTIVE_PER_BRANCH: perBranch, QUEUE_MAX_ACTIVE_TOTAL: total } = this.deps.config;
    const breach = ticketCapBreach(await repo.activeTicketCounts(tx, userId, branchId, now), { perBranch, total });
    if (breach === 'ACTIVE_TICKET_AT_BRANCH') throw preconditionFailed('У вас уже есть талон в этом отделении', { rule: breach, limit: perBranch });
    if (breach === 'ACTIVE_TICKETS_TOTAL') throw preconditionFailed(`Одновременно можно держать не больше ${total} талонов`, { rule: breach, limit: total });
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

  /** After a committed change made outside this service (a check-in): what follows every change. */
  async queueChanged(branchId: string): Promise<void> {
    await this.effects.afterChange(branchId, []);
  }

  async openWindow(viewer: Viewer, branchId: string, window: number): Promise<BranchLoadEvent> {
    const branch = await this.effects.requireStaffOf(viewer, branchId);
    this.effects.checkWindow(branch, window);
    await repo.openWindow(this.deps.db, { branchId: branch.id, number: window, operatorId: viewer.userId, now: this.deps.clock.now() });
    return this.effects.afterChange(branch.id, []);
  }

  async closeWindow(viewer: Viewer, branchId: string, window: number): Promise<BranchLoadEvent> {
    const branch = await this.effects.requireStaffOf(viewer, branchId);
    this.effects.checkWindow(branch, window);
    const open = await repo.findWindow(this.deps.db, branch.id, window);
    if (open?.ticketId) throw preconditionFailed('У окна вызванный посетитель: завершите талон или отметьте неявку');
    await repo.closeWindow(this.deps.db, branch.id, window);
    return this.effects.afterChange(branch.id, []);
  }

  /**
   * Calls the next ticket of the branch's day to the window: the ticket at the window is completed
   * first, then the next waiting one is claimed (row lock, SKIP LOCKED: two windows never get the
   * same ticket). Null when nobody is waiting.
   */
  async callNext(viewer: Viewer, branchId: string, window: number): Promise<TicketRow | null> {
    const branch = await this.effects.requireStaffOf(viewer, branchId);
    this.effects.checkWindow(branch, window);
    const now = this.deps.clock.now();
    const result = await this.deps.db.transaction(async (tx) => {
      const w = await repo.findWindow(tx, branch.id, window, true);
      if (!w) throw preconditionFailed(`Окно ${window} закрыто: сначала откройте его`);
      let finished: TicketRow | undefined;
      if (w.ticketId) finished = await repo.updateTicket(tx, w.ticketId, { status: 'COMPLETED', completedAt: now }, ['CALLED', 'SERVING']);
      if (finished) await this.endVisit(tx, finished, 'COMPLETED');
      const next = await repo.claimNextWaiting(tx, branch.id, localDay(now, branch.timezone));
      if (!next) {
        await repo.setWindowTicket(tx, branch.id, window, null);
        return { called: null, finished };
      }
      const called = await repo.updateTicket(tx, next.id, { status: 'CALLED', window, calledAt: now }, ['WAITING']);
      if (!called) throw new Error('claimed ticket changed under its lock');
      await repo.setWindowTicket(tx, branch.id, window, called.id);
      await this.effects.notifyCalled(tx, called, window, branch);
      // Webhooks (LOAD_READ): what the hall's board shows, no holder.
      await recordIntegrationEvent(tx, { type: 'TICKET_CALLED', occurredAt: now, branchId: branch.id, data: { ticketId: called.id, number: called.number, window, branchId: branch.id, serviceId: called.serviceId } });
      return { called, finished };
    });
    if (result.finished) this.visitEnded(result.finished);
    await this.effects.afterChange(branch.id, [result.finished, result.called], { called: result.called });
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

  /** The caller's tickets still in the queue (waiting, called, being served): ticketUpdated's current state. */
  async activeTickets(viewer: Viewer): Promise<TicketRow[]> {
    return (await this.myTickets(viewer)).filter((t) => t.status === 'WAITING' || t.status === 'CALLED' || t.status === 'SERVING');
  }

  /** Staff of the branch: its live queue of the day, in calling order. */
  async queue(viewer: Viewer, branchId: string): Promise<TicketRow[]> {
    const branch = await this.effects.requireStaffOf(viewer, branchId);
    return repo.liveQueue(this.deps.db, branch.id, localDay(this.deps.clock.now(), branch.timezone));
  }

  /** A ticket as its holder or the branch's staff may see it. */
  async ticket(viewer: Viewer, id: string): Promise<TicketRow | null> {
    const t = isUuid(id) ? await repo.findTicket(this.deps.db, id) : undefined;
    if (!t) return null;
    if (t.userId === viewer.userId) return t;
    return (await this.effects.isStaffOf(viewer, t.branchId)) ? t : null;
  }

  private async finish(viewer: Viewer, ticketId: string, status: VisitEnd): Promise<TicketRow> {
    const existing = await this.effects.requireTicket(ticketId);
    await this.effects.requireStaffOf(viewer, existing.branchId);
    const now = this.deps.clock.now();
    const done = await this.deps.db.transaction(async (tx) => {
      const row = await repo.updateTicket(tx, existing.id, { status, completedAt: now }, ['CALLED', 'SERVING']);
      if (row) await repo.clearWindowOf(tx, row.id);
      if (row) await this.endVisit(tx, row, status);
      return row;
    });
    if (!done) throw preconditionFailed(`Талон ${existing.number} не у окна (статус ${existing.status})`);
    this.visitEnded(done);
    await this.effects.afterChange(done.branchId, [done]);
    return done;
  }

  /** A booked visitor's visit ends with their ticket: the owner of bookings records it. */
  private async endVisit(tx: Executor, ticket: TicketRow, status: VisitEnd): Promise<void> {
    if (ticket.bookingId) await this.deps.visits.endVisit(tx, ticket.bookingId, status);
  }

  /** After commit: a booked visit that ended with its ticket is announced by the owner of bookings. */
  private visitEnded(ticket: TicketRow): void {
    if (ticket.bookingId && ticket.userId) this.deps.visits.visitEnded({ bookingId: ticket.bookingId, userId: ticket.userId });
  }
}
