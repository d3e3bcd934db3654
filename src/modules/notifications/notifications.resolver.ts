/** The notification centre over GraphQL: the feed, unread count, read/delete, preferences, push subscriptions, live feed. */
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { requireViewer, type GraphQLContext } from '../../shared/graphql/context.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import { notFound, unauthenticated } from '../../shared/errors.js';
import type { NotificationFeedService } from './feed.service.js';
import type { NotificationEvent } from './notifications.events.js';
import { NotificationFilter, NotificationPreferencesInput, PushSubscriptionInput } from './notifications.inputs.js';
import type { NotificationLoaders } from './notifications.loaders.js';
import { toDelivery, toNotification, toPreferences, toPushSubscription } from './notifications.mappers.js';
import { Delivery, Notification, NotificationConnection, NotificationPreferences, PushSubscription } from './notifications.types.js';
import type { NotificationPreferencesService } from './preferences.service.js';
import type { PushSubscriptionsService } from './push-subscriptions.service.js';

type Ctx = GraphQLContext;

@Resolver(() => Notification)
export class NotificationResolver {
  constructor(
    private readonly feedService: NotificationFeedService,
    private readonly preferences: NotificationPreferencesService,
    private readonly push: PushSubscriptionsService,
    private readonly loaders: (ctx: Ctx) => NotificationLoaders,
  ) {}

  /** The caller's live feed (the subscription asks this application's instance through the context). */
  liveFeed(viewer: Viewer) {
    return this.feedService.live(viewer);
  }

  @Authorized()
  @Query(() => NotificationConnection, { description: 'The caller\'s in-app feed, newest first.' })
  async notifications(
    @Arg('filter', () => NotificationFilter, { description: 'Restricts by category or unread.', nullable: true }) filter: NotificationFilter | null,
    @Arg('first', () => Int, { description: 'Page size, 1 to 100 (default 20); counts in the query cost as `first` times the selected fields.', nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { description: 'Cursor from the previous page\'s `pageInfo.endCursor`.', nullable: true }) after: string | null,
    @Ctx() ctx: Ctx,
  ): Promise<NotificationConnection> {
    const page = await this.feedService.feed(requireViewer(ctx), filter, first, after);
    return { ...page, nodes: page.nodes.map(toNotification) };
  }

  @Authorized()
  @Query(() => Int, { description: 'How many of the caller\'s notifications are unread (for a badge).' })
  unreadNotificationCount(@Ctx() ctx: Ctx): Promise<number> {
    return this.feedService.unreadCount(requireViewer(ctx));
  }

  @Authorized()
  @Mutation(() => Int, { description: 'Marks the caller\'s notifications read; answers how many changed.' })
  markNotificationsRead(@Arg('ids', () => [ID], { description: 'The caller\'s notifications to mark read; others are ignored.' }) ids: string[], @Ctx() ctx: Ctx): Promise<number> {
    return this.feedService.markRead(requireViewer(ctx), ids);
  }

  @Authorized()
  @Mutation(() => Int, { description: 'Marks every unread notification of the caller read; answers how many changed.' })
  markAllNotificationsRead(@Ctx() ctx: Ctx): Promise<number> {
    return this.feedService.markAllRead(requireViewer(ctx));
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Clears a notification from the feed.' })
  deleteNotification(@Arg('id', () => ID, { description: 'The caller\'s notification to delete.' }) id: string, @Ctx() ctx: Ctx): Promise<boolean> {
    return this.feedService.remove(requireViewer(ctx), id);
  }

  @Authorized()
  @Mutation(() => NotificationPreferences, { description: 'Changes which channels each category goes to, and quiet hours; SECURITY keeps at least one channel.' })
  async updateNotificationPreferences(@Arg('input', () => NotificationPreferencesInput, { description: 'The changes; absent fields stay.' }) input: NotificationPreferencesInput, @Ctx() ctx: Ctx): Promise<NotificationPreferences> {
    return toPreferences(await this.preferences.updatePreferences(requireViewer(ctx), input));
  }

  @Query(() => String, { description: 'Beyond the contract: the VAPID public key to pass as applicationServerKey when subscribing a browser to push.' })
  pushPublicKey(): string {
    return this.push.pushPublicKey();
  }

  @Authorized()
  @Query(() => [PushSubscription], { description: 'Beyond the contract: the caller\'s devices subscribed to push.' })
  async myPushSubscriptions(@Ctx() ctx: Ctx): Promise<PushSubscription[]> {
    return (await this.push.myPushSubscriptions(requireViewer(ctx))).map(toPushSubscription);
  }

  @Authorized()
  @Mutation(() => PushSubscription, { description: 'Beyond the contract: registers this browser for web push (an endpoint registered again moves to the caller).' })
  async registerPushSubscription(@Arg('input', () => PushSubscriptionInput, { description: 'The browser\'s PushSubscription (endpoint and keys).' }) input: PushSubscriptionInput, @Ctx() ctx: Ctx): Promise<PushSubscription> {
    return toPushSubscription(await this.push.registerPush(requireViewer(ctx), input, ctx.meta.userAgent));
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Beyond the contract: stops push to that device.' })
  removePushSubscription(@Arg('id', () => ID, { description: 'The caller\'s push registration to remove.' }) id: string, @Ctx() ctx: Ctx): Promise<boolean> {
    return this.push.removePush(requireViewer(ctx), id);
  }

  @Subscription(() => Notification, {
    description: 'Notifications reaching the caller\'s feed. A stream of new ones with no current state (that is the `notifications` list): after a reconnect, resume through `accountUpdates(after:)`, which replays every notification missed.',
    subscribe: ({ context }: SubscribeResolverData<unknown, unknown, Ctx>) => {
      const viewer = context.viewer;
      if (!viewer) throw unauthenticated();
      return context.resolver(NotificationResolver).liveFeed(viewer);
    },
  })
  async notificationAdded(@Root() event: NotificationEvent, @Ctx() ctx: Ctx): Promise<Notification> {
    const row = await this.feedService.notification(requireViewer(ctx), event.notificationId);
    if (!row) throw notFound('Уведомление');
    return toNotification(row);
  }

  @FieldResolver(() => [Delivery], { description: 'One per channel, fallbacks included.' })
  async deliveries(@Root() n: Notification, @Ctx() ctx: Ctx): Promise<Delivery[]> {
    return (await this.loaders(ctx).deliveriesByNotification.load(n.id)).map(toDelivery);
  }
}
