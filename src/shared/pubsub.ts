/**
 * Realtime events between API instances: graphql-yoga's pubsub over Redis (one publishing and one
 * subscribing connection), so a change made on one instance reaches subscribers on every other.
 * Topics carry the deployment's REDIS_PREFIX. Payloads travel as JSON: dates arrive as strings.
 */
import { Repeater } from '@repeaterjs/repeater';
import { createPubSub } from '@graphql-yoga/subscription';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import type { Redis } from 'ioredis';

export interface BranchLoadEvent {
  branchId: string;
  waiting: number;
  averageWaitMinutes: number;
  openWindows: number;
  freeWindows: number;
  level: 'LOW' | 'MEDIUM' | 'HIGH';
  updatedAt: string;
}

export interface TicketEvent {
  userId: string;
  ticketId: string;
}

export interface BookingEvent {
  userId: string;
  bookingId: string;
}

/** A timeline entry of an application, with who may hear it: the applicant and the branch's staff. */
export interface ApplicationTopicEvent {
  applicationId: string;
  userId: string;
  branchId: string | null;
  event: { id: string; status: string; actor: string; comment: string | null; at: string };
}

/** A notification reached the user's in-app feed (published by the worker that delivered it). */
export interface NotificationEvent {
  userId: string;
  notificationId: string;
}

/** A chat message, carried whole: subscribers of the thread need nothing else. */
export interface ChatMessageEvent {
  threadId: string;
  message: { id: string; threadId: string; authorRole: string; authorName: string; text: string; createdAt: string };
}

type Topics = {
  branchLoad: [BranchLoadEvent];
  ticket: [TicketEvent];
  booking: [BookingEvent];
  application: [ApplicationTopicEvent];
  notification: [NotificationEvent];
  chatMessage: [ChatMessageEvent];
};

export interface AppPubSub {
  publish<K extends keyof Topics>(topic: K, payload: Topics[K][0]): void;
  subscribe<K extends keyof Topics>(topic: K): AsyncIterableIterator<Topics[K][0]> & { return?: () => Promise<IteratorResult<Topics[K][0]>> };
}

/** Events of a per-user topic that belong to `userId`, as an iterable a subscription can return. */
export function ownEvents<K extends 'ticket' | 'booking' | 'notification'>(pubsub: AppPubSub, topic: K, userId: string): AsyncIterable<Topics[K][0]> {
  const live = pubsub.subscribe(topic);
  return new Repeater<Topics[K][0]>(async (push, stop) => {
    void stop.then(() => live.return?.());
    for await (const e of live) if (e.userId === userId) await push(e);
    stop();
  });
}

/** Events of a topic that pass `keep`, as an iterable a subscription can return. */
export function filteredEvents<K extends keyof Topics>(pubsub: AppPubSub, topic: K, keep: (e: Topics[K][0]) => boolean): AsyncIterable<Topics[K][0]> {
  const live = pubsub.subscribe(topic);
  return new Repeater<Topics[K][0]>(async (push, stop) => {
    void stop.then(() => live.return?.());
    for await (const e of live) if (keep(e)) await push(e);
    stop();
  });
}

export function createAppPubSub(opts: { publisher: Redis; subscriber: Redis; prefix: string }): AppPubSub {
  const pubsub = createPubSub<Record<string, [unknown]>>({
    eventTarget: createRedisEventTarget({ publishClient: opts.publisher, subscribeClient: opts.subscriber }),
  });
  const channel = (topic: string) => `${opts.prefix}${topic}`;
  return {
    publish(topic, payload) {
      pubsub.publish(channel(topic), payload);
    },
    subscribe(topic) {
      return pubsub.subscribe(channel(topic)) as never;
    },
  };
}
