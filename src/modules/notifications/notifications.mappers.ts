/** Rows of the notification centre -> its GraphQL objects. */
import type { DeliveryRow, NotificationRow, PushSubscriptionRow } from './notifications.repository.js';
import { CATEGORIES, channelsFor, type StoredPreferences } from './notifications.rules.js';
import { Delivery, DeliveryStatus, Notification, NotificationCategory, NotificationChannel, NotificationPreferences, PushSubscription } from './notifications.types.js';

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

export function toDelivery(row: DeliveryRow): Delivery {
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

/** Every category with its channels (the defaults where nothing was chosen). */
export function toPreferences(p: StoredPreferences): NotificationPreferences {
  return {
    categories: CATEGORIES.map((category) => ({ category: NotificationCategory[category], channels: channelsFor(p, category).map((c) => NotificationChannel[c]) })),
    quietHoursStart: p.quietHoursStart,
    quietHoursEnd: p.quietHoursEnd,
    timezone: p.timezone,
  };
}

export const toPushSubscription = (r: PushSubscriptionRow): PushSubscription => ({ id: r.id, endpoint: r.endpoint, userAgent: r.userAgent, createdAt: r.createdAt });
