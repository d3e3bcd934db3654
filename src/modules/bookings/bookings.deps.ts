/**
 * What the bookings services are built from (infrastructure and other modules' doors), and the
 * effects they share: the booking's realtime event (only bookings publish bookingTopic), its
 * reminder job, and the visit's local time in messages.
 */
import type { CoreDeps } from '../../shared/module.js';
import type { Executor } from '../../db/client.js';
import { cancelOutbox, writeOutbox } from '../../jobs/outbox.js';
import type { KeyStore } from '../../shared/auth/keys.js';
import type { AccountFeed } from '../../shared/account-feed.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import type { CitizenDependants } from '../../shared/dependants.js';
import type { SignedLinks } from '../../shared/signed-links.js';
import type { AccountsDirectory } from '../accounts/index.js';
import type { DocumentRow } from '../documents/index.js';
import type { BranchesDirectory } from '../branches/index.js';
import type { CatalogDirectory } from '../catalog/index.js';
import type { NotificationsService } from '../notifications/index.js';
import type { QueueService } from '../queue/index.js';
import { bookingTopic } from './bookings.events.js';
import { BookingMessages } from './bookings.messages.js';
import { remindBooking } from './bookings.jobs.js';
import { reminderDelayMs, reminderJobId } from './bookings.rules.js';

/**
 * The documents of whoever a visit is for (the documents module's door, reached late through
 * src/app.ts: documents are built after bookings). Owners are users today; a dependant's id can
 * take their place without changing the callers (readiness.service.ts decides the owner).
 */
export interface VisitDocuments {
  /** For the reminder: no access check. */
  documentsOfUsers(ownerIds: readonly string[], tx?: Executor): Promise<DocumentRow[]>;
  /** As the viewer may see them (a staff member's read is recorded). */
  documentsOf(viewer: Viewer, ownerId: string): Promise<DocumentRow[]>;
}

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
  /** Readiness: the documents on file for the visit. */
  documents: VisitDocuments;
  /** The account feed (accountUpdates): every change of a booking, in its transaction. */
  feed: AccountFeed;
  /** The caller's dependants (bookAppointment's input.forDependantId); the family module through src/app.ts. */
  dependants: Pick<CitizenDependants, 'ownActive'>;
}

export class BookingEffects {
  /** The booking's messages (in the change's transaction). */
  readonly messages: BookingMessages;

  constructor(private readonly deps: Pick<BookingsDeps, 'pubsub' | 'log' | 'dropJob' | 'config' | 'accounts' | 'branches' | 'notifications' | 'feed'>) {
    this.messages = new BookingMessages(deps);
  }

  /** In the change's transaction: the booking's holder's account feed records the change (accountUpdates). */
  async record(tx: Executor, b: { id: string; userId: string }): Promise<void> {
    await this.deps.feed.append(tx, b.userId, 'BOOKING', b.id);
  }

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
