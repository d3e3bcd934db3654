/** GraphQL inputs of the notification centre: the feed's filter, a preferences change, a browser's push subscription. */
import { Field, InputType } from 'type-graphql';
import { NotificationCategory, NotificationChannel } from './notifications.types.js';

@InputType()
export class NotificationFilter {
  @Field(() => Boolean, { nullable: true })
  unreadOnly?: boolean | null;
  @Field(() => NotificationCategory, { nullable: true })
  category?: NotificationCategory | null;
}

@InputType()
export class ChannelPreferenceInput {
  @Field(() => NotificationCategory)
  category!: NotificationCategory;
  @Field(() => [NotificationChannel])
  channels!: NotificationChannel[];
}

@InputType({ description: 'Only what is given changes; null clears the quiet hours. SECURITY must keep SMS or EMAIL.' })
export class NotificationPreferencesInput {
  @Field(() => [ChannelPreferenceInput], { nullable: true })
  categories?: ChannelPreferenceInput[] | null;
  @Field(() => String, { nullable: true })
  quietHoursStart?: string | null;
  @Field(() => String, { nullable: true })
  quietHoursEnd?: string | null;
  @Field(() => String, { nullable: true })
  timezone?: string | null;
}

@InputType({ description: 'Beyond the contract: PushSubscription.toJSON() of the browser: endpoint and keys.' })
export class PushSubscriptionInput {
  @Field()
  endpoint!: string;
  @Field({ description: 'keys.p256dh (base64url).' })
  p256dh!: string;
  @Field({ description: 'keys.auth (base64url).' })
  auth!: string;
}
