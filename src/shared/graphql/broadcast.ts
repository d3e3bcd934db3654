/**
 * `@Broadcast()` on a subscription: its answer depends only on the event and the arguments, never
 * on who asks (public live feeds: a branch's load, the hall's board). The WebSocket transport
 * then executes and serializes each event once per distinct selection for all subscribers
 * (src/server/broadcast.ts). Never on anything personal or filtered by the caller's rights.
 * The field's `subscribe` returns `sharedLive({ current, live })` (src/shared/pubsub.ts): then every
 * subscriber of one selection and arguments shares ONE live feed (multiplexed); any other iterable
 * still works, with a feed per subscriber.
 */
import { Extensions } from 'type-graphql';

export const BROADCAST_EXTENSION = 'broadcast';

export function Broadcast(): MethodDecorator {
  return Extensions({ [BROADCAST_EXTENSION]: true });
}
