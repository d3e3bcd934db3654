/**
 * What happens to a ticket after it is issued, besides calling and finishing it (QueueService):
 * the holder or staff cancel it; operators of the branch start serving a called ticket, transfer a
 * ticket to another service's line (it keeps its time of issue, so its place by time) and recall
 * it to its window; the holder asks to be told when few people are ahead. Each change is one
 * conditional update (the status it may come from), then QueueEffects.afterChange.
 */
import type { QueueDeps } from './queue.deps.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import { badField, notFound, preconditionFailed } from '../../shared/errors.js';
import { isUuid } from '../../shared/ids.js';
import type { QueueEffects } from './queue.effects.js';
import * as repo from './queue.repository.js';
import type { TicketRow } from './queue.repository.js';
import { isValidTicketAlert, MAX_TICKET_ALERT_AHEAD } from './queue.rules.js';

type Status = TicketRow['status'];

export class TicketActionsService {
  constructor(
    private readonly deps: QueueDeps,
    private readonly effects: QueueEffects,
  ) {}

  /** The holder or the branch's staff: a waiting or called ticket leaves the queue (its window is freed). */
  async cancel(viewer: Viewer, id: string): Promise<TicketRow> {
    const ticket = await this.effects.requireTicket(id);
    const byHolder = ticket.userId === viewer.userId;
    if (!byHolder && !(await this.effects.isStaffOf(viewer, ticket.branchId))) throw notFound('Талон');
    const note = byHolder ? 'отменён владельцем' : 'отменён сотрудником';
    return this.change(ticket, ['WAITING', 'CALLED'], { status: 'CANCELLED', completedAt: this.deps.clock.now(), note }, { freeWindow: true });
  }

  /** Operators: the visitor called to the window is being served. */
  async startServing(viewer: Viewer, id: string): Promise<TicketRow> {
    const ticket = await this.staffTicket(viewer, id);
    return this.change(ticket, ['CALLED'], { status: 'SERVING' });
  }

  /**
   * Operators: the ticket joins another service's line of the branch, waiting again with its own
   * time of issue and priority (so ahead of those issued after it); its window is freed.
   */
  async transfer(viewer: Viewer, id: string, serviceId: string): Promise<TicketRow> {
    const ticket = await this.staffTicket(viewer, id);
    if (serviceId === ticket.serviceId) throw badField('serviceId', 'Талон уже в очереди на эту услугу');
    if (!isUuid(serviceId) || !(await this.deps.catalog.branchOffersService(ticket.branchId, serviceId))) {
      throw badField('serviceId', 'Эта услуга не оказывается в выбранном отделении');
    }
    return this.change(ticket, ['WAITING', 'CALLED', 'SERVING'], { status: 'WAITING', serviceId, window: null, calledAt: null }, { freeWindow: true });
  }

  /** Operators: call the same ticket to its window again (the holder and the board hear it again). */
  async recall(viewer: Viewer, id: string): Promise<TicketRow> {
    const ticket = await this.staffTicket(viewer, id);
    const branch = await this.effects.requireBranch(ticket.branchId);
    const row = await this.deps.db.transaction(async (tx) => {
      const called = await repo.updateTicket(tx, ticket.id, { calledAt: this.deps.clock.now() }, ['CALLED']);
      if (called?.window != null) await this.effects.notifyCalled(tx, called, called.window, branch);
      return called;
    });
    if (!row) throw this.wrongStatus(ticket);
    await this.effects.afterChange(row.branchId, [row], { called: row });
    return row;
  }

  /** The holder: tell me once when `peopleAhead` or fewer are ahead of this waiting ticket. */
  async setAlert(viewer: Viewer, id: string, peopleAhead: number): Promise<TicketRow> {
    const ticket = await this.effects.requireTicket(id);
    if (ticket.userId !== viewer.userId) throw notFound('Талон');
    if (!isValidTicketAlert(peopleAhead)) throw badField('peopleAhead', `От 0 до ${MAX_TICKET_ALERT_AHEAD} человек`);
    const row = await repo.updateTicket(this.deps.db, ticket.id, { alertWhenAhead: peopleAhead, alertedAt: null }, ['WAITING']);
    if (!row) throw this.wrongStatus(ticket);
    // Few enough may be ahead already: then it fires right away.
    await this.effects.fireTicketAlerts(row.branchId);
    return (await repo.findTicket(this.deps.db, row.id)) ?? row;
  }

  private async staffTicket(viewer: Viewer, id: string): Promise<TicketRow> {
    const ticket = await this.effects.requireTicket(id);
    await this.effects.requireStaffOf(viewer, ticket.branchId);
    return ticket;
  }

  private async change(ticket: TicketRow, from: Status[], values: Partial<TicketRow>, opts: { freeWindow?: boolean } = {}): Promise<TicketRow> {
    const row = await this.deps.db.transaction(async (tx) => {
      const updated = await repo.updateTicket(tx, ticket.id, values, from);
      if (updated && opts.freeWindow) await repo.clearWindowOf(tx, updated.id);
      return updated;
    });
    if (!row) throw this.wrongStatus(ticket);
    await this.effects.afterChange(row.branchId, [row]);
    return row;
  }

  private wrongStatus(ticket: TicketRow) {
    return preconditionFailed(`Талон ${ticket.number} сейчас в статусе ${ticket.status}`, { rule: 'TICKET_STATUS', status: ticket.status });
  }
}
