/**
 * Realtime events between API instances: graphql-yoga's pubsub over Redis (one publishing and one
 * subscribing connection), so a change made on one instance reaches subscribers on every other.
 * Topics carry the deployment's REDIS_PREFIX. Payloads travel as JSON: dates arrive as strings.
 */
import { Repeater } from '@repeaterjs/repeater';
import { createPubSub } from '@graphql-yoga/subscription';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import type { Redis } from 'ioredis';
import { m, metricsEnabled } from './metrics.js';

/**
 * A topic and the payload it carries. Modules declare theirs in `<m>.events.ts` with defineTopic;
 * the name is the Redis channel (after REDIS_PREFIX), so it must be unique across modules.
 */
export interface Topic<T> {
  readonly name: string;
  /** Never set: carries the payload type. */
  readonly payload?: T;
}

export function defineTopic<T>(name: string): Topic<T> {
  return { name };
}

/** A topic's events as one subscriber receives them; `return()` unsubscribes. */
export type TopicEvents<T> = AsyncIterableIterator<T> & { return?: () => Promise<IteratorResult<T>> };

export interface AppPubSub {
  publish<T>(topic: Topic<T>, payload: T): void;
  subscribe<T>(topic: Topic<T>): TopicEvents<T>;
}

/** Events of a per-user topic that belong to `userId`, as an iterable a subscription can return. */
export function ownEvents<T extends { userId: string }>(pubsub: AppPubSub, topic: Topic<T>, userId: string): AsyncIterable<T> {
  return filteredEvents(pubsub, topic, (e) => e.userId === userId);
}

/**
 * The current state first, then live events (every per-user subscription with a current state):
 * the live feed is subscribed before the current state is read, so a change in between is not
 * lost (at worst an object comes twice, both times as it is now).
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

/**
 * A public live feed many subscribers share (`@Broadcast()` subscriptions): each subscriber's
 * current state, then live events that depend only on the arguments. Iterated, it is
 * currentThenLive; the WebSocket transport instead reads the parts (liveParts) and subscribes to
 * `live` once for every subscriber with the same selection and arguments (src/server/broadcast.ts).
 */
export interface LiveParts<T> {
  /** This subscriber's current state, read after the live feed is subscribed. */
  current: () => Promise<T[]>;
  /** A fresh live feed; the transport opens one for a whole group of subscribers. */
  live: () => AsyncIterable<T>;
}

const LIVE_PARTS = Symbol('liveParts');

export function sharedLive<T>(parts: LiveParts<T>): AsyncIterable<T> {
  return {
    [LIVE_PARTS]: parts,
    [Symbol.asyncIterator]: () => currentThenLive(parts.current, parts.live())[Symbol.asyncIterator](),
  } as AsyncIterable<T>;
}

/** The parts of a sharedLive source; undefined for any other iterable. */
export function liveParts(source: unknown): LiveParts<unknown> | undefined {
  return typeof source === 'object' && source !== null && LIVE_PARTS in source ? (source as { [LIVE_PARTS]: LiveParts<unknown> })[LIVE_PARTS] : undefined;
}

/** Events of a topic that pass `keep`, as an iterable a subscription can return. */
export function filteredEvents<T>(pubsub: AppPubSub, topic: Topic<T>, keep: (e: T) => boolean): AsyncIterable<T> {
  const live = pubsub.subscribe(topic);
  return new Repeater<T>(async (push, stop) => {
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
      if (metricsEnabled()) m.pubsubPublished.inc({ topic: topic.name });
      pubsub.publish(channel(topic.name), payload);
    },
    subscribe(topic) {
      const events = pubsub.subscribe(channel(topic.name)) as TopicEvents<unknown>;
      return counted(events, topic.name) as never;
    },
  };
}

/** Counts the events a subscription receives (mfc_pubsub_delivered_total), passing everything through. */
function counted<T>(events: TopicEvents<T>, topic: string) {
  if (!metricsEnabled()) return events;
  const wrapped = {
    async next() {
      const r = await events.next();
      if (!r.done) m.pubsubDelivered.inc({ topic });
      return r;
    },
    return: () => events.return?.() ?? Promise.resolve({ done: true as const, value: undefined }),
    throw: (e?: unknown) => events.throw?.(e) ?? Promise.reject(e instanceof Error ? e : new Error(String(e))),
    [Symbol.asyncIterator]() {
      return wrapped;
    },
  };
  return wrapped;
}
