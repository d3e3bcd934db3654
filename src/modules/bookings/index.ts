/** The front door of the bookings module: the only file other code imports from it. */
// The door defines GraphQL types: the metadata polyfill loads first, whoever imports the door first (a job contract in a test).
import 'reflect-metadata';
export { createBookingsModule, type BookingsModule, type BookingsModuleDeps } from './bookings.module.js';
export { BookingsService } from './bookings.service.js';
export { bookingTopic, type BookingTopicEvent } from './bookings.events.js';
export { expireBooking, remindBooking, sweepBookings } from './bookings.jobs.js';
export { bookingsLoaders, createBookingLoaders } from './bookings.loaders.js';
export { toBooking } from './bookings.mappers.js';
export { Booking, BookingStatus } from './bookings.types.js';
export { BookingResolver, SlotWatchResolver, TicketBookingResolver } from './bookings.resolver.js';
export type { BookingRow } from './bookings.repository.js';
