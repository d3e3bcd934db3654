/** GraphQL inputs of the notification centre: the feed's filter, a preferences change, a browser's push subscription. */
import { Field, InputType } from 'type-graphql';
import { NotificationCategory, NotificationChannel } from './notifications.types.js';

@InputType({ description: 'Restricts the notification feed.' })
export class NotificationFilter {
  @Field(() => Boolean, { description: 'Only unread notifications.', nullable: true })
  unreadOnly?: boolean | null;
  @Field(() => NotificationCategory, { description: 'Only this category.', nullable: true })
  category?: NotificationCategory | null;
}

@InputType({ description: 'Channels for one category.' })
export class ChannelPreferenceInput {
  @Field(() => NotificationCategory, { description: 'The category.' })
  category!: NotificationCategory;
  @Field(() => [NotificationChannel], { description: 'The channels to use; SECURITY cannot be left without one.' })
  channels!: NotificationChannel[];
}

@InputType({ description: 'Only what is given changes; null clears the quiet hours. SECURITY must keep SMS or EMAIL.' })
export class NotificationPreferencesInput {
  @Field(() => [ChannelPreferenceInput], { description: 'Channels per category; categories not given keep theirs.', nullable: true })
  categories?: ChannelPreferenceInput[] | null;
  @Field(() => String, { description: 'Start of quiet hours (HH:MM); may be after the end (overnight).', nullable: true })
  quietHoursStart?: string | null;
  @Field(() => String, { description: 'End of quiet hours (HH:MM); give both ends or neither.', nullable: true })
  quietHoursEnd?: string | null;
  @Field(() => String, { description: 'IANA time zone of the quiet hours, e.g. Europe/Moscow.', nullable: true })
  timezone?: string | null;
}

@InputType({ description: 'Beyond the contract: PushSubscription.toJSON() of the browser: endpoint and keys.' })
export class PushSubscriptionInput {
  @Field({ description: 'The push service URL from the browser\'s PushSubscription.' })
  endpoint!: string;
  @Field({ description: 'keys.p256dh (base64url).' })
  p256dh!: string;
  @Field({ description: 'keys.auth (base64url).' })
  auth!: string;
}
