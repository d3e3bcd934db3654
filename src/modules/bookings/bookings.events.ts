/** Realtime topic of bookings: a booking of `userId` changed (its owner re-reads it). */
import { defineTopic } from '../../shared/pubsub.js';

export interface BookingTopicEvent {
  userId: string;
  bookingId: string;
}

export const bookingTopic = defineTopic<BookingTopicEvent>('booking');

/**
 * Places given back (epoch ms), or every place of the offer when its capacity changed (`places`
 * null): each instance forgets them as full (full-places.ts), not only the one that freed them.
 */
export interface PlacesFreedEvent {
  branchId: string;
  serviceId: string;
  places: number[] | null;
}

export const placesFreedTopic = defineTopic<PlacesFreedEvent>('bookings.places-freed');
