/**
 * Booking events for integrators' webhooks (scope BOOKINGS_READ), written to the outbox in the
 * transaction of the change. The data is the booking without the citizen: no user id, name or
 * purpose, only what a branch's scheduling system needs.
 */
import type { Executor } from '../../db/client.js';
import { recordIntegrationEvent } from '../../jobs/integration-events.js';
import type { BookingRow } from './bookings.repository.js';

type BookingEventType = 'BOOKING_CREATED' | 'BOOKING_CONFIRMED' | 'BOOKING_RESCHEDULED' | 'BOOKING_CANCELLED' | 'BOOKING_EXPIRED';

export async function recordBookingEvent(tx: Executor, type: BookingEventType, row: BookingRow, at: Date, extra: Record<string, unknown> = {}): Promise<void> {
  await recordIntegrationEvent(tx, {
    type,
    occurredAt: at,
    branchId: row.branchId,
    data: {
      bookingId: row.id,
      number: row.number,
      status: row.status,
      branchId: row.branchId,
      serviceId: row.serviceId,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      ...extra,
    },
  });
}
