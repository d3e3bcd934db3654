/** Realtime topic of bookings: a booking of `userId` changed (its owner re-reads it). */
import { defineTopic } from '../../shared/pubsub.js';

export interface BookingTopicEvent {
  userId: string;
  bookingId: string;
}

export const bookingTopic = defineTopic<BookingTopicEvent>('booking');
