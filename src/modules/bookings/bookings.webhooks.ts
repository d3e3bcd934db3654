/**
 * Booking events for integrators' webhooks (scope BOOKINGS_READ), written to the outbox in the
 * transaction of the change. The data is the booking without the citizen: no user id, name or
 * purpose, only what a branch's scheduling system needs.
 */
import type { Executor } from '../../db/client.js';
import { integrationEventRow, recordIntegrationEvent, type IntegrationEventInput } from '../../jobs/integration-events.js';
import type { OutboxRow } from '../../jobs/outbox.js';
import type { BookingRow } from './bookings.repository.js';

type BookingEventType = 'BOOKING_CREATED' | 'BOOKING_CONFIRMED' | 'BOOKING_RESCHEDULED' | 'BOOKING_CANCELLED' | 'BOOKING_EXPIRED';

type EventBooking = Pick<BookingRow, 'id' | 'number' | 'status' | 'branchId' | 'serviceId' | 'startsAt' | 'endsAt'>;

/** The event as an outbox row, for a statement that writes it itself (the one-statement booking). */
export function bookingEventRow(type: BookingEventType, row: EventBooking, at: Date, extra: Record<string, unknown> = {}): OutboxRow {
  return integrationEventRow(bookingEvent(type, row, at, extra));
}

export async function recordBookingEvent(tx: Executor, type: BookingEventType, row: EventBooking, at: Date, extra: Record<string, unknown> = {}): Promise<void> {
  await recordIntegrationEvent(tx, bookingEvent(type, row, at, extra));
}

function bookingEvent(type: BookingEventType, row: EventBooking, at: Date, extra: Record<string, unknown>): IntegrationEventInput {
  return {
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
  };
}
