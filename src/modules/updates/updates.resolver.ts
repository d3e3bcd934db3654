/** accountUpdates: everything that concerns the caller, resumable from a cursor. */
import { Arg, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { Viewer } from '../../shared/auth/viewer.js';
import { unauthenticated } from '../../shared/errors.js';
import type { GraphQLContext } from '../../shared/graphql/context.js';
import type { ApplicationEvent } from '../applications/index.js';
import type { Booking } from '../bookings/index.js';
import type { ChatMessage } from '../chat/index.js';
import type { Notification } from '../notifications/index.js';
import type { Payment } from '../payments/index.js';
import type { QueueTicket } from '../queue/index.js';
import type { AccountEventKind } from '../../shared/account-feed.js';
import type { AccountEventRow } from './updates.repository.js';
import { encodeCursor } from './updates.rules.js';
import type { AccountFeedService } from './updates.service.js';
import { AccountUpdate } from './updates.types.js';

/**
 * An object of the feed as the viewer may see it now (the modules' node fetchers, and the finders of
 * applications and chat for their timeline entries and messages, which are not Relay nodes: each
 * checks access); null when not.
 */
export type FindNode = (viewer: Viewer, typename: string, id: string) => Promise<object | null>;

type Typename = 'Booking' | 'Notification' | 'QueueTicket' | 'Payment' | 'ApplicationEvent' | 'ChatMessage';

/** The GraphQL type each kind of event is delivered as. */
const TYPENAMES: Record<AccountEventKind, Typename> = {
  BOOKING: 'Booking',
  NOTIFICATION: 'Notification',
  TICKET: 'QueueTicket',
  PAYMENT: 'Payment',
  APPLICATION_EVENT: 'ApplicationEvent',
  CHAT_MESSAGE: 'ChatMessage',
};

@Resolver(() => AccountUpdate)
export class AccountUpdatesResolver {
  constructor(
    private readonly feed: AccountFeedService,
    private readonly find: FindNode,
  ) {}

  /** The caller's updates after `after` (or from now), replayed then live; each resolved with the caller's rights at delivery. */
  async liveUpdates(viewer: Viewer, after: string | null): Promise<AsyncIterable<AccountUpdate>> {
    const from = await this.feed.startAfter(viewer.userId, after);
    return this.feed.stream(viewer.userId, from, (e) => this.deliver(viewer, e));
  }

  private async deliver(viewer: Viewer, e: AccountEventRow): Promise<AccountUpdate | null> {
    const typename = (TYPENAMES as Partial<Record<string, Typename>>)[e.kind];
    const found = typename ? await this.find(viewer, typename, e.subjectId) : null;
    if (!found) return null;
    return {
      cursor: encodeCursor(e.seq),
      at: e.at,
      booking: typename === 'Booking' ? (found as Booking) : null,
      notification: typename === 'Notification' ? (found as Notification) : null,
      ticket: typename === 'QueueTicket' ? (found as QueueTicket) : null,
      payment: typename === 'Payment' ? (found as Payment) : null,
      application: typename === 'ApplicationEvent' ? (found as ApplicationEvent) : null,
      chatMessage: typename === 'ChatMessage' ? (found as ChatMessage) : null,
    };
  }

  @Subscription(() => AccountUpdate, {
    description: 'Everything that concerns the caller, resumable: events after `after` are replayed first, in order, then live ones. An unknown or expired cursor answers PRECONDITION_FAILED with rule CURSOR_UNKNOWN or CURSOR_EXPIRED: reload the current state and subscribe without `after`.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { after?: string | null }, GraphQLContext>) => {
      const viewer = context.viewer;
      if (!viewer) throw unauthenticated();
      return context.resolver(AccountUpdatesResolver).liveUpdates(viewer, args.after ?? null);
    },
  })
  accountUpdates(@Root() update: AccountUpdate, @Arg('after', () => String, { nullable: true, description: 'The cursor of the last update received.' }) _after: string | null): AccountUpdate {
    return update;
  }
}
