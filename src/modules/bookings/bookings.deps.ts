/**
 * What the bookings services are built from (infrastructure and other modules' doors), and the
 * effects they share: the booking's realtime event (only bookings publish bookingTopic), its
 * reminder job, and the visit's local time in messages.
 */
import type { CoreDeps } from '../../shared/module.js';
import type { Executor } from '../../db/client.js';
import { cancelOutbox, writeOutbox } from '../../jobs/outbox.js';
import type { KeyStore } from '../../shared/auth/keys.js';
import type { SignedLinks } from '../../shared/signed-links.js';
import type { AccountsDirectory } from '../accounts/index.js';
import type { BranchesDirectory, BranchRow } from '../branches/index.js';
import type { CatalogDirectory } from '../catalog/index.js';
import type { NotificationsService } from '../notifications/index.js';
import type { QueueService } from '../queue/index.js';
import { bookingTopic } from './bookings.events.js';
import { remindBooking } from './bookings.jobs.js';
import { reminderDelayMs, reminderJobId } from './bookings.rules.js';

export interface BookingsDeps extends CoreDeps {
    notifications: NotificationsService;
  keys: KeyStore;
  /** Signs ticketUrl and calendarUrl for the viewer (links that open without a header). */
  links: SignedLinks;
  accounts: AccountsDirectory;
  branches: BranchesDirectory;
  catalog: CatalogDirectory;
  /** The queue's door: check-in turns a booking into a ticket, then the branch's load is recomputed. */
  queue: Pick<QueueService, 'issueTicketForBooking' | 'queueChanged'>;
  /** Removes a relayed delayed job from the maintenance queue (best effort). */
  dropJob: (jobId: string) => Promise<unknown>;
}

/** The visit's local date and time for messages. */
export function visitTime(branch: BranchRow, at: Date): string {
  return new Intl.DateTimeFormat('ru-RU', { timeZone: branch.timezone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(at).replace(',', '');
}

export class BookingEffects {
  constructor(private readonly deps: Pick<BookingsDeps, 'pubsub' | 'log' | 'dropJob'>) {}

  /** After commit: the booking's holder hears of the change (bookingUpdated). */
  publish(b: { id: string; userId: string }): void {
    try {
      this.deps.pubsub.publish(bookingTopic, { userId: b.userId, bookingId: b.id });
    } catch (err) {
      this.deps.log.warn({ err }, 'could not publish a booking change');
    }
  }

  /** A reminder REMINDER_HOURS_BEFORE the visit; none when the visit is sooner than that. */
  async scheduleReminder(tx: Executor, b: { id: string; startsAt: Date }, now: Date): Promise<void> {
    const delayMs = reminderDelayMs(b.startsAt, now);
    if (delayMs === null) return;
    await writeOutbox(tx, remindBooking, { bookingId: b.id, startsAt: b.startsAt.toISOString() }, { jobId: reminderJobId(b), delayMs });
  }

  /** In the change's transaction: a reminder not yet relayed is never sent. */
  async cancelReminder(tx: Executor, b: { id: string; startsAt: Date }): Promise<void> {
    await cancelOutbox(tx, reminderJobId(b));
  }

  /** After commit: a reminder already relayed is removed from the queue. */
  async dropReminder(b: { id: string; startsAt: Date }): Promise<void> {
    try {
      await this.deps.dropJob(reminderJobId(b));
    } catch (err) {
      // A reminder left behind is harmless: it checks the booking before sending.
      this.deps.log.warn({ err }, 'could not remove a reminder job');
    }
  }
}
