/** Realtime topic of bookings: a booking of `userId` changed (its owner re-reads it). */
import { Repeater } from '@repeaterjs/repeater';
import { defineTopic } from '../../shared/pubsub.js';

export interface BookingTopicEvent {
  userId: string;
  bookingId: string;
}

export const bookingTopic = defineTopic<BookingTopicEvent>('booking');

/**
 * The current state first, then live events: the live feed is subscribed before the current state is
 * read, so a change in between is not lost (at worst a booking comes twice, both times as it is now).
 */
export function currentThenLive<T>(current: () => Promise<T[]>, live: AsyncIterable<T>): AsyncIterable<T> {
  return new Repeater<T>(async (push, stop) => {
    const it = live[Symbol.asyncIterator]();
    void stop.then(() => it.return?.());
    const first = it.next();
    for (const e of await current()) await push(e);
    for (let r = await first; !r.done; r = await it.next()) await push(r.value);
    stop();
  });
}
