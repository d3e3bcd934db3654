/**
 * Moving a booking to another time (bookings.rules.ts: MAX_RESCHEDULES, RESCHEDULE_DEADLINE_HOURS,
 * within BOOKING_HORIZON_DAYS of the original time). The old places are freed and the new ones
 * taken in one transaction; the reminder follows the visit; watchers of the freed day are told.
 */
import { recordBookingEvent } from './bookings.webhooks.js';
import { badField, conflict, preconditionFailed } from '../../shared/errors.js';
import { countBookingConflict } from '../../shared/metrics.js';
import type { BookingEffects, BookingsDeps } from './bookings.deps.js';
import * as repo from './bookings.repository.js';
import type { BookingRow } from './bookings.repository.js';
import { CHANGEABLE_STATUSES, MAX_RESCHEDULES, placesOf, rescheduleRefusal } from './bookings.rules.js';
import type { SlotsService } from './slots.service.js';
import type { SlotWatchesService } from './watches.service.js';

export class RescheduleService {
  constructor(
    private readonly deps: Pick<BookingsDeps, 'config' | 'db' | 'clock'>,
    private readonly slots: SlotsService,
    private readonly watches: SlotWatchesService,
    private readonly effects: BookingEffects,
  ) {}

  async reschedule(booking: BookingRow, startsAt: Date): Promise<BookingRow> {
    const { config, clock, db } = this.deps;
    const now = clock.now();
    const refusal = rescheduleRefusal(booking, startsAt, now, config.BOOKING_HORIZON_DAYS);
    if (refusal) throw preconditionFailed(refusal.message, { rule: refusal.rule });
    const { branch, service, capacity } = await this.slots.offer(booking.branchId, booking.serviceId);
    const slot = await this.slots.slotAt(branch, service, startsAt);
    if (!slot) throw badField('startsAt', 'На это время записи нет: выберите время из списка доступных');
    const row = await db.transaction(async (tx) => {
      const moved = await repo.moveBooking(tx, booking.id, CHANGEABLE_STATUSES, {
        status: booking.status,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        rescheduleCount: booking.rescheduleCount + 1,
        updatedAt: now,
      });
      if (moved === 'OVERLAP') throw countedConflict('OVERLAP', 'У вас уже есть запись на это время', 'startsAt');
      if (!moved || moved.rescheduleCount > MAX_RESCHEDULES) throw preconditionFailed('Запись изменилась, обновите её', { rule: 'CONCURRENT_CHANGE' });
      await repo.releasePlaces(tx, { branchId: booking.branchId, serviceId: booking.serviceId, starts: placesOf(booking.startsAt, booking.endsAt) });
      const taken = await repo.takePlaces(tx, { branchId: booking.branchId, serviceId: booking.serviceId, starts: placesOf(slot.startsAt, slot.endsAt), capacity });
      if (taken === 'SLOT_TAKEN') throw countedConflict('SLOT_TAKEN', 'Это время уже занято: выберите другое', 'startsAt');
      await repo.insertEvent(tx, { bookingId: booking.id, status: moved.status, at: now, note: `Перенесена с ${booking.startsAt.toISOString()}` });
      await this.effects.record(tx, moved);
      await this.effects.cancelReminder(tx, booking);
      if (moved.status === 'CONFIRMED') await this.effects.scheduleReminder(tx, moved, now);
      await this.effects.messages.send(tx, moved, { template: 'booking.rescheduled', oldStartsAt: booking.startsAt });
      const held = await this.watches.placeFreed(tx, booking, now);
      await recordBookingEvent(tx, 'BOOKING_RESCHEDULED', moved, now, { previousStartsAt: booking.startsAt.toISOString() });
      return { moved, held };
    });
    this.slots.placesFreed(booking);
    await this.effects.dropReminder(booking);
    for (const b of [row.moved, ...row.held]) this.effects.publish(b);
    return row.moved;
  }
}

/** A CONFLICT for a place taken or an overlapping visit, counted in mfc_booking_conflicts_total. */
function countedConflict(reason: 'SLOT_TAKEN' | 'OVERLAP', message: string, field: string) {
  countBookingConflict(reason);
  return conflict(message, field);
}
