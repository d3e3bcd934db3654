/** Booking rows to GraphQL objects. */
import type { BookingEventRow, BookingRow, SlotWatchRow } from './bookings.repository.js';
import { BookingStatus, type Booking, type BookingEvent, type SlotWatch } from './bookings.types.js';

export function toBooking(row: BookingRow): Booking {
  return {
    id: row.id,
    number: row.number,
    userId: row.userId,
    forDependantId: row.forDependantId,
    branchId: row.branchId,
    serviceId: row.serviceId,
    purpose: row.purpose,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    originalStartsAt: row.originalStartsAt,
    status: BookingStatus[row.status],
    confirmBy: row.confirmBy,
    rescheduleCount: row.rescheduleCount,
    createdAt: row.createdAt,
  };
}

export function toWatch(row: SlotWatchRow): SlotWatch {
  return { id: row.id, branchId: row.branchId, serviceId: row.serviceId, from: row.fromDate, to: row.toDate, active: row.active, heldBookingId: row.heldBookingId };
}

export function toBookingEvent(row: BookingEventRow): BookingEvent {
  return { status: BookingStatus[row.status], at: row.at, note: row.note };
}
