/** The front door of the bookings module: the only file other code imports from it. */
export { bookingTopic } from './bookings.events.js';
export { bookingFilesRouter } from './bookings.http.js';
export { createBookingLoaders } from './bookings.loaders.js';
export { BookingResolver, SlotWatchResolver, TicketBookingResolver } from './bookings.resolver.js';
export { BookingsService } from './bookings.service.js';
export { createBookingsDirectory, type BookingsDirectory } from './bookings.directory.js';
export type { BookingRow } from './bookings.repository.js';
