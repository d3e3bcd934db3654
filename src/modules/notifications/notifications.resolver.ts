/** The notification centre over GraphQL: the feed, unread count, read/delete, preferences, push subscriptions, live feed. */
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { requireViewer, type GraphQLContext } from '../../server/context.js';
import { notFound, unauthenticated } from '../../shared/errors.js';
import { ownEvents } from '../../shared/pubsub.js';
import { notificationTopic, type NotificationEvent } from './notifications.events.js';
import { User } from '../accounts/index.js';
import type { DeliveryRow, NotificationRow, PushSubscriptionRow } from './notifications.repository.js';
import { CATEGORIES, channelsFor, type StoredPreferences } from './preferences.js';
import {
  Delivery,
  DeliveryStatus,
  Notification,
  NotificationCategory,
  NotificationChannel,
  NotificationConnection,
  NotificationFilter,
  NotificationPreferences,
  NotificationPreferencesInput,
  PushSubscription,
  PushSubscriptionInput,
} from './notifications.types.js';

type Ctx = GraphQLContext;

export function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    category: NotificationCategory[row.category],
    title: row.title,
    body: row.body,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    readAt: row.readAt,
    createdAt: row.createdAt,
  };
}

function toDelivery(row: DeliveryRow): Delivery {
  return {
    channel: NotificationChannel[row.channel],
    status: DeliveryStatus[row.status],
    attempts: row.attempts,
    lastError: row.lastError,
    sentAt: row.sentAt,
    scheduledFor: row.scheduledFor,
    deliveredAt: row.deliveredAt,
    fallback: row.fallbackOf !== null,
  };
}

export function toPreferences(p: StoredPreferences): NotificationPreferences {
  return {
    categories: CATEGORIES.map((category) => ({ category: NotificationCategory[category], channels: channelsFor(p, category).map((c) => NotificationChannel[c]) })),
    quietHoursStart: p.quietHoursStart,
    quietHoursEnd: p.quietHoursEnd,
    timezone: p.timezone,
  };
}

const toPush = (r: PushSubscriptionRow): PushSubscription => ({ id: r.id, endpoint: r.endpoint, userAgent: r.userAgent, createdAt: r.createdAt });

@Resolver(() => Notification)
export class NotificationResolver {
  @Authorized()
  @Query(() => NotificationConnection, { description: 'The caller\'s in-app feed, newest first.' })
  async notifications(
    @Arg('filter', () => NotificationFilter, { nullable: true }) filter: NotificationFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Ctx,
  ): Promise<NotificationConnection> {
    const page = await ctx.services.notifications.feed(requireViewer(ctx), filter, first, after);
    return { ...page, nodes: page.nodes.map(toNotification) };
  }

  @Authorized()
  @Query(() => Int)
  unreadNotificationCount(@Ctx() ctx: Ctx): Promise<number> {
    return ctx.services.notifications.unreadCount(requireViewer(ctx));
  }

  @Authorized()
  @Mutation(() => Int, { description: 'Marks the caller\'s notifications read; answers how many changed.' })
  markNotificationsRead(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: Ctx): Promise<number> {
    return ctx.services.notifications.markRead(requireViewer(ctx), ids);
  }

  @Authorized()
  @Mutation(() => Int)
  markAllNotificationsRead(@Ctx() ctx: Ctx): Promise<number> {
    return ctx.services.notifications.markAllRead(requireViewer(ctx));
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Clears a notification from the feed.' })
  deleteNotification(@Arg('id', () => ID) id: string, @Ctx() ctx: Ctx): Promise<boolean> {
    return ctx.services.notifications.remove(requireViewer(ctx), id);
  }

  @Authorized()
  @Mutation(() => NotificationPreferences)
  async updateNotificationPreferences(@Arg('input', () => NotificationPreferencesInput) input: NotificationPreferencesInput, @Ctx() ctx: Ctx): Promise<NotificationPreferences> {
    return toPreferences(await ctx.services.notifications.updatePreferences(requireViewer(ctx), input));
  }

  @Query(() => String, { description: 'Beyond the contract: the VAPID public key to pass as applicationServerKey when subscribing a browser to push.' })
  pushPublicKey(@Ctx() ctx: Ctx): string {
    return ctx.services.notifications.pushPublicKey();
  }

  @Authorized()
  @Query(() => [PushSubscription], { description: 'Beyond the contract: the caller\'s devices subscribed to push.' })
  async myPushSubscriptions(@Ctx() ctx: Ctx): Promise<PushSubscription[]> {
    return (await ctx.services.notifications.myPushSubscriptions(requireViewer(ctx))).map(toPush);
  }

  @Authorized()
  @Mutation(() => PushSubscription, { description: 'Beyond the contract: registers this browser for web push (an endpoint registered again moves to the caller).' })
  async registerPushSubscription(@Arg('input', () => PushSubscriptionInput) input: PushSubscriptionInput, @Ctx() ctx: Ctx): Promise<PushSubscription> {
    return toPush(await ctx.services.notifications.registerPush(requireViewer(ctx), input, ctx.meta.userAgent));
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Beyond the contract: stops push to that device.' })
  removePushSubscription(@Arg('id', () => ID) id: string, @Ctx() ctx: Ctx): Promise<boolean> {
    return ctx.services.notifications.removePush(requireViewer(ctx), id);
  }

  @Subscription(() => Notification, {
    description: 'Notifications reaching the caller\'s feed.',
    subscribe: ({ context }: SubscribeResolverData<unknown, unknown, Ctx>) => {
      const viewer = context.viewer;
      if (!viewer) throw unauthenticated();
      return ownEvents(context.services.pubsub, notificationTopic, viewer.userId);
    },
  })
  async notificationAdded(@Root() event: NotificationEvent, @Ctx() ctx: Ctx): Promise<Notification> {
    const row = await ctx.services.notifications.notification(requireViewer(ctx), event.notificationId);
    if (!row) throw notFound('Уведомление');
    return toNotification(row);
  }

  @FieldResolver(() => [Delivery], { description: 'One per channel, fallbacks included.' })
  async deliveries(@Root() n: Notification, @Ctx() ctx: Ctx): Promise<Delivery[]> {
    return (await ctx.loaders.notifications.deliveriesByNotification.load(n.id)).map(toDelivery);
  }
}

@Resolver(() => User)
export class UserNotificationPreferencesResolver {
  @FieldResolver(() => NotificationPreferences, { description: 'Visible to the user (and admins).' })
  async notificationPreferences(@Root() user: User, @Ctx() ctx: Ctx): Promise<NotificationPreferences> {
    return toPreferences(await ctx.services.notifications.preferences(requireViewer(ctx), user.id));
  }
}
