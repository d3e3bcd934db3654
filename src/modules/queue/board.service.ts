/**
 * The hall's board and the staff's live queue. The board is public: the day's last calls, number
 * and window only, and each new call pushed live (ticketCalled). The staff's view is the whole
 * queue of the day, sent first as it is and again after every change (queueChanged); the
 * subscriber's right (operator of the branch, or admin) is checked again on every change.
 */
import { Repeater } from '@repeaterjs/repeater';
import type { QueueDeps } from './queue.deps.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import { forbidden } from '../../shared/errors.js';
import { filteredEvents, sharedLive } from '../../shared/pubsub.js';
import { localDay } from '../../shared/days.js';
import type { QueueEffects } from './queue.effects.js';
import { queueChangedTopic, ticketCalledTopic, type TicketCalledEvent } from './queue.events.js';
import * as repo from './queue.repository.js';
import type { TicketRow } from './queue.repository.js';
import { boardSize } from './queue.rules.js';

export class BoardService {
  constructor(
    private readonly deps: QueueDeps,
    private readonly effects: QueueEffects,
  ) {}

  /** The day's last `last` calls at the branch, the latest first (public). */
  async calledTickets(branchId: string, last: number | null | undefined): Promise<TicketRow[]> {
    const branch = await this.effects.requireBranch(branchId);
    const day = localDay(this.deps.clock.now(), branch.timezone);
    return repo.calledTickets(this.deps.db, branch.id, day, boardSize(last, this.deps.config.QUEUE_BOARD_MAX_TICKETS));
  }

  /** Public: calls at one branch, as they happen. NOT_FOUND for an unknown branch. */
  async ticketCalled(branchId: string): Promise<AsyncIterable<TicketCalledEvent>> {
    const branch = await this.effects.requireBranch(branchId);
    return sharedLive({ current: () => Promise.resolve([]), live: () => filteredEvents(this.deps.pubsub, ticketCalledTopic, (e) => e.branchId === branch.id) });
  }

  /** Staff of the branch: the whole queue of the day now, then after every change. */
  async queueChanged(viewer: Viewer, branchId: string): Promise<AsyncIterable<TicketRow[]>> {
    const branch = await this.effects.requireStaffOf(viewer, branchId);
    const live = this.deps.pubsub.subscribe(queueChangedTopic);
    const read = () => repo.liveQueue(this.deps.db, branch.id, localDay(this.deps.clock.now(), branch.timezone));
    return new Repeater<TicketRow[]>(async (push, stop) => {
      void stop.then(() => live.return?.());
      // Subscribed before the first read: no change falls between the two.
      await push(await read());
      for await (const e of live) {
        if (e.branchId !== branch.id) continue;
        if (!(await this.effects.isStaffOf(viewer, branch.id))) {
          stop(forbidden('Это действие доступно только сотрудникам этого отделения'));
          break;
        }
        await push(await read());
      }
      stop();
    });
  }
}
