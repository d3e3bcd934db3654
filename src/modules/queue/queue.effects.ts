/**
 * What every change of a queue shares: who may act on a branch (its operators, admins), and what
 * follows a committed change: the holders of changed tickets hear of them (ticketUpdated), a call
 * reaches the hall's board (ticketCalled), the branch's load is recomputed and published once, its
 * staff re-read the queue (queueChanged), and "almost your turn" alerts that came due fire once.
 */
import type { QueueDeps } from './queue.deps.js';
import type { Executor } from '../../db/client.js';
import { badField, forbidden, notFound } from '../../shared/errors.js';
import { hasRole, type Viewer } from '../../shared/auth/viewer.js';
import { isUuid } from '../../shared/ids.js';
import { localDay } from '../../shared/days.js';
import type { BranchRow } from '../branches/index.js';
import type { LoadService } from './load.service.js';
import { queueChangedTopic, ticketCalledTopic, ticketTopic, type BranchLoadEvent } from './queue.events.js';
import * as repo from './queue.repository.js';
import type { TicketRow } from './queue.repository.js';
import { isWindowOf } from './queue.rules.js';

export class QueueEffects {
  constructor(
    private readonly deps: QueueDeps,
    private readonly load: LoadService,
  ) {}

  /** After commit: holders told, board updated for calls, load once, staff's queue, due alerts. */
  async afterChange(branchId: string, changed: ReadonlyArray<TicketRow | null | undefined>, opts: { called?: TicketRow | null } = {}): Promise<BranchLoadEvent> {
    for (const t of changed) if (t) this.publishTicket(t);
    if (opts.called) this.publishCalled(opts.called);
    const event = await this.load.changed(branchId);
    this.publish(() => this.deps.pubsub.publish(queueChangedTopic, { branchId }));
    await this.fireTicketAlerts(branchId);
    return event;
  }

  /** The called ticket's holder hears it at once (urgent notification, in the call's transaction). */
  async notifyCalled(tx: Executor, called: TicketRow, window: number, branch: BranchRow): Promise<void> {
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

  publishTicket(ticket: TicketRow): void {
    const userId = ticket.userId;
    if (!userId) return;
    this.publish(() => this.deps.pubsub.publish(ticketTopic, { userId, ticketId: ticket.id }));
    this.deps.feed?.append(this.deps.db, userId, 'TICKET', ticket.id).catch((err: unknown) => this.deps.log.warn({ err }, 'could not add a ticket change to the account feed'));
  }

  /** The hall's board: number and window only. */
  publishCalled(ticket: TicketRow): void {
    const { window, calledAt } = ticket;
    if (window === null || !calledAt) return;
    this.publish(() => this.deps.pubsub.publish(ticketCalledTopic, { branchId: ticket.branchId, number: ticket.number, window, calledAt: calledAt.toISOString() }));
  }

  /** "Almost your turn": each due alert fires once, through the notification outbox (urgent). */
  async fireTicketAlerts(branchId: string): Promise<void> {
    const branch = await this.requireBranch(branchId);
    const now = this.deps.clock.now();
    await this.deps.db.transaction(async (tx) => {
      const fired = await repo.fireTicketAlerts(tx, branch.id, localDay(now, branch.timezone), now);
      for (const f of fired) {
        await this.deps.notifications.notify(tx, {
          userId: f.userId,
          template: 'queue.almost_turn',
          vars: { number: f.number, ahead: String(f.ahead), branch: branch.name },
          subjectType: 'QueueTicket',
          subjectId: f.id,
        });
      }
    });
  }

  private publish(send: () => void): void {
    try {
      send();
    } catch (err) {
      this.deps.log.warn({ err }, 'could not publish a queue change');
    }
  }

  checkWindow(branch: BranchRow, window: number): void {
    if (!isWindowOf(branch.windows, window)) throw badField('window', `В отделении окна с 1 по ${branch.windows}`);
  }

  async requireBranch(branchId: string): Promise<BranchRow> {
    const [branch] = isUuid(branchId) ? await this.deps.branches.branchesByIds([branchId]) : [];
    if (!branch) throw notFound('Отделение');
    return branch;
  }

  async isStaffOf(viewer: Viewer, branchId: string): Promise<boolean> {
    if (hasRole(viewer, 'ADMIN')) return true;
    if (!hasRole(viewer, 'OPERATOR')) return false;
    const user = await this.deps.accounts.userById(viewer.userId);
    return user?.staffBranchId === branchId;
  }

  /** Operators act only on their own branch; admins on any. */
  async requireStaffOf(viewer: Viewer, branchId: string): Promise<BranchRow> {
    const branch = await this.requireBranch(branchId);
    if (!(await this.isStaffOf(viewer, branch.id))) throw forbidden('Это действие доступно только сотрудникам этого отделения');
    return branch;
  }

  /** A ticket by id, or NOT_FOUND. */
  async requireTicket(id: string, tx: Executor = this.deps.db): Promise<TicketRow> {
    const ticket = isUuid(id) ? await repo.findTicket(tx, id) : undefined;
    if (!ticket) throw notFound('Талон');
    return ticket;
  }
}
