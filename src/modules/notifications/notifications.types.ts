/** GraphQL types of the notification centre: the feed, deliveries, preferences, push subscriptions (inputs in notifications.inputs.ts). */
import 'reflect-metadata';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../shared/graphql/scalars.js';
import { Node, PageInfo } from '../../shared/graphql/relay.js';

export enum NotificationChannel {
  EMAIL = 'EMAIL',
  SMS = 'SMS',
  PUSH = 'PUSH',
  IN_APP = 'IN_APP',
}
registerEnumType(NotificationChannel, { name: 'NotificationChannel' });

export enum NotificationCategory {
  APPLICATION_STATUS = 'APPLICATION_STATUS',
  BOOKING = 'BOOKING',
  DOCUMENT_EXPIRY = 'DOCUMENT_EXPIRY',
  LOAD_ALERT = 'LOAD_ALERT',
  SECURITY = 'SECURITY',
  CHAT = 'CHAT',
  SYSTEM = 'SYSTEM',
}
registerEnumType(NotificationCategory, { name: 'NotificationCategory' });

export enum DeliveryStatus {
  QUEUED = 'QUEUED',
  SENT = 'SENT',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
  SKIPPED = 'SKIPPED',
}
registerEnumType(DeliveryStatus, {
  name: 'DeliveryStatus',
  valuesConfig: {
    QUEUED: { description: 'Waiting to be sent (or being retried; quiet hours may hold it until scheduledFor).' },
    SENT: { description: 'Handed to the gateway or push service.' },
    DELIVERED: { description: 'Confirmed delivered (SMS receipt), or shown in the feed.' },
    FAILED: { description: 'Given up on; lastError says why.' },
    SKIPPED: { description: 'Not sent.' },
  },
});

@ObjectType({ description: 'How a notification went out on one channel.' })
export class Delivery {
  @Field(() => NotificationChannel)
  channel!: NotificationChannel;
  @Field(() => DeliveryStatus)
  status!: DeliveryStatus;
  @Field(() => Int)
  attempts!: number;
  @Field(() => String, { nullable: true, description: 'Why the last attempt failed, in words for the citizen.' })
  lastError!: string | null;
  @Field(() => DateTimeScalar, { nullable: true })
  sentAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Beyond the contract: held by quiet hours until this moment.' })
  scheduledFor!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Beyond the contract: when delivery was confirmed.' })
  deliveredAt!: Date | null;
  @Field({ description: 'Beyond the contract: sent because another channel failed for good.' })
  fallback!: boolean;
}

@ObjectType({ implements: Node, description: 'A message of the in-app feed, with how it went out on every channel.' })
export class Notification extends Node {
  @Field(() => NotificationCategory)
  category!: NotificationCategory;
  @Field()
  title!: string;
  @Field()
  body!: string;
  @Field(() => String, { nullable: true, description: 'What the notification is about (Booking, QueueTicket, ChatThread…).' })
  subjectType!: string | null;
  @Field(() => ID, { nullable: true })
  subjectId!: string | null;
  @Field(() => DateTimeScalar, { nullable: true })
  readAt!: Date | null;
  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

@ObjectType({ description: 'A page of the feed, newest first.' })
export class NotificationConnection {
  @Field(() => [Notification])
  nodes!: Notification[];
  @Field(() => PageInfo)
  pageInfo!: PageInfo;
  @Field(() => Int)
  totalCount!: number;
}

@ObjectType({ description: 'The channels chosen for one category.' })
export class ChannelPreference {
  @Field(() => NotificationCategory)
  category!: NotificationCategory;
  @Field(() => [NotificationChannel])
  channels!: NotificationChannel[];
}

@ObjectType({ description: 'Where each category of messages goes, and the quiet hours.' })
export class NotificationPreferences {
  @Field(() => [ChannelPreference])
  categories!: ChannelPreference[];
  @Field(() => String, { nullable: true, description: 'Local time HH:MM; SMS and push that are not urgent wait until the quiet hours end.' })
  quietHoursStart!: string | null;
  @Field(() => String, { nullable: true })
  quietHoursEnd!: string | null;
  @Field({ description: 'IANA time zone of the quiet hours, e.g. Europe/Moscow.' })
  timezone!: string;
}

@ObjectType({ description: 'Beyond the contract: a browser or device subscribed to web push.' })
export class PushSubscription {
  @Field(() => ID)
  id!: string;
  @Field()
  endpoint!: string;
  @Field(() => String, { nullable: true })
  userAgent!: string | null;
  @Field(() => DateTimeScalar)
  createdAt!: Date;
}
