/** The front door of the bookings module: the only file other code imports from it. */
// The door defines GraphQL types: the metadata polyfill loads first, whoever imports the door first (a job contract in a test).
import 'reflect-metadata';
export { createBookingsModule, type BookingsModule, type BookingsModuleDeps } from './bookings.module.js';
export type { BookingsService } from './bookings.service.js';
export { sweepBookings } from './bookings.jobs.js';
export { BookingResolver, SlotWatchResolver, TicketBookingResolver } from './bookings.resolver.js';
export { RecommendationSlotResolver } from './recommendation.resolver.js';
export { BookingReadinessResolver } from './readiness.resolver.js';
export type { VisitDocuments } from './bookings.deps.js';
export { CalendarFeedResolver } from './calendar-feed.resolver.js';
export { createBookingsDirectory, type BookingsDirectory } from './bookings.directory.js';
export type { BookingRow } from './bookings.repository.js';
export { Booking } from './bookings.types.js';
export { toBooking } from './bookings.mappers.js';
