/**
 * Check-in at the branch (operator or the hall's kiosk account): the QR code of a confirmed booking
 * becomes a queue ticket called before walk-ins. The code is verified by signature first; the
 * booking moves to CHECKED_IN and the queue (through its door) issues the ticket, in one
 * transaction. The queue owns the ticket from then on.
 */
import { hasRole, type Viewer } from '../../shared/auth/viewer.js';
import { badField, forbidden, notFound, preconditionFailed } from '../../shared/errors.js';
import type { TicketRow } from '../queue/index.js';
import type { BookingEffects, BookingsDeps } from './bookings.deps.js';
import * as repo from './bookings.repository.js';
import { checkInRefusal } from './bookings.rules.js';
import { verifyTicketCode } from './ticket-code.js';

export class CheckInService {
  constructor(
    private readonly deps: Pick<BookingsDeps, 'db' | 'clock' | 'keys' | 'accounts' | 'branches' | 'queue'>,
    private readonly effects: BookingEffects,
  ) {}

  async checkIn(viewer: Viewer, ticketCode: string): Promise<TicketRow> {
    const { db, clock, keys, accounts, branches, queue } = this.deps;
    const now = clock.now();
    const claims = await verifyTicketCode(keys, ticketCode.trim(), now);
    if (!claims) throw badField('ticketCode', 'Код талона недействителен');
    const booking = await repo.findBooking(db, claims.bookingId);
    if (!booking || booking.branchId !== claims.branchId) throw badField('ticketCode', 'Код талона недействителен');
    if (!hasRole(viewer, 'ADMIN')) {
      const staff = await accounts.userById(viewer.userId);
      if (!hasRole(viewer, 'OPERATOR') || staff?.staffBranchId !== booking.branchId) throw forbidden('Талон другого отделения');
    }
    const refusal = checkInRefusal(booking, now);
    if (refusal) throw preconditionFailed(refusal.message, { rule: refusal.rule });
    const [branch] = await branches.branchesByIds([booking.branchId]);
    if (!branch) throw notFound('Отделение');
    const ticket = await db.transaction(async (tx) => {
      const moved = await repo.transition(tx, booking.id, ['CONFIRMED'], { status: 'CHECKED_IN', updatedAt: now });
      if (!moved) throw preconditionFailed('Запись изменилась, обновите её', { rule: 'CONCURRENT_CHANGE' });
      await repo.insertEvent(tx, { bookingId: booking.id, status: 'CHECKED_IN', at: now });
      await this.effects.record(tx, booking);
      return queue.issueTicketForBooking(tx, { bookingId: booking.id, userId: booking.userId, serviceId: booking.serviceId, branch }, now);
    });
    this.effects.publish(booking);
    await queue.queueChanged(branch.id);
    return ticket;
  }
}
