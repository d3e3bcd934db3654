/**
 * Every message about a booking goes through here, inside the change's transaction (the
 * notification pipeline writes the notification and its deliveries with the change): confirmed,
 * reminded, rescheduled, cancelled (by the citizen, by expiry, by the branch) and a freed place
 * held for a watcher. The visit's number, branch and local time are filled in once.
 */
import type { Config } from '../../config/env.js';
import type { Executor } from '../../db/client.js';
import type { AccountsDirectory } from '../accounts/index.js';
import type { BranchesDirectory, BranchRow } from '../branches/index.js';
import type { NotificationsService } from '../notifications/index.js';
import type { BookingRow } from './bookings.repository.js';
import { reschedulesLeft } from './bookings.rules.js';

export type BookingMessage =
  | { template: 'booking.confirmed' }
  | { template: 'booking.reminder'; missing: string }
  | { template: 'booking.rescheduled'; oldStartsAt: Date }
  | { template: 'booking.cancelled'; reason: string }
  | { template: 'booking.expired' }
  | { template: 'booking.cancelled_by_branch'; reason: string }
  | { template: 'booking.slot_held' };

/** The visit's local date and time for messages. */
export function visitTime(branch: BranchRow, at: Date): string {
  return new Intl.DateTimeFormat('ru-RU', { timeZone: branch.timezone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(at).replace(',', '');
}

export interface BookingMessagesDeps {
  config: Pick<Config, 'BOOKING_URL'>;
  accounts: AccountsDirectory;
  branches: BranchesDirectory;
  notifications: NotificationsService;
}

export class BookingMessages {
  constructor(private readonly deps: BookingMessagesDeps) {}

  /** Where a citizen books again at the same branch and service (the link of a branch's cancellation). */
  rebookUrl(row: { branchId: string; serviceId: string }): string {
    const url = new URL(this.deps.config.BOOKING_URL);
    url.searchParams.set('branchId', row.branchId);
    url.searchParams.set('serviceId', row.serviceId);
    return url.toString();
  }

  /** The booking's holder is told; false when the holder or the branch is gone. */
  async send(tx: Executor, row: BookingRow, message: BookingMessage): Promise<boolean> {
    const [user, [branch]] = await Promise.all([this.deps.accounts.userById(row.userId, tx), this.deps.branches.branchesByIds([row.branchId], tx)]);
    if (!user || !branch) return false;
    const visit = { number: row.number, branch: branch.name, time: visitTime(branch, row.startsAt) };
    const subject = { userId: user.id, subjectType: 'Booking', subjectId: row.id };
    const { notifications } = this.deps;
    switch (message.template) {
      case 'booking.confirmed':
      case 'booking.expired':
        await notifications.notify(tx, { ...subject, template: message.template, vars: visit });
        break;
      case 'booking.reminder':
        await notifications.notify(tx, { ...subject, template: message.template, vars: { ...visit, missing: message.missing } });
        break;
      case 'booking.rescheduled':
        await notifications.notify(tx, { ...subject, template: message.template, vars: { ...visit, oldTime: visitTime(branch, message.oldStartsAt), left: String(reschedulesLeft(row.rescheduleCount)) } });
        break;
      case 'booking.cancelled':
        await notifications.notify(tx, { ...subject, template: message.template, vars: { ...visit, reason: message.reason } });
        break;
      case 'booking.cancelled_by_branch':
        await notifications.notify(tx, { ...subject, template: message.template, vars: { ...visit, reason: message.reason, link: this.rebookUrl(row) } });
        break;
      case 'booking.slot_held':
        await notifications.notify(tx, { ...subject, template: message.template, vars: { ...visit, confirmBy: row.confirmBy ? visitTime(branch, row.confirmBy) : visit.time } });
        break;
    }
    return true;
  }
}
