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
registerEnumType(NotificationChannel, { description: 'Where a notification is delivered.', name: 'NotificationChannel', valuesConfig: { EMAIL: { description: 'E-mail to the verified address.' }, IN_APP: { description: 'The in-app feed (`notifications`); always on.' }, PUSH: { description: 'Web push to the registered browsers and devices.' }, SMS: { description: 'SMS to the verified phone; held back during quiet hours unless urgent.' } } });

export enum NotificationCategory {
  APPLICATION_STATUS = 'APPLICATION_STATUS',
  BOOKING = 'BOOKING',
  DOCUMENT_EXPIRY = 'DOCUMENT_EXPIRY',
  LOAD_ALERT = 'LOAD_ALERT',
  SECURITY = 'SECURITY',
  CHAT = 'CHAT',
  SYSTEM = 'SYSTEM',
}
registerEnumType(NotificationCategory, { description: 'What a notification is about; the user picks channels per category.', name: 'NotificationCategory', valuesConfig: { APPLICATION_STATUS: { description: 'An application\'s status changed.' }, BOOKING: { description: 'Bookings: confirmations, reminders 24 hours before, cancellations, freed places.' }, CHAT: { description: 'A new chat message from an operator.' }, DOCUMENT_EXPIRY: { description: 'A personal document expires within 30 days.' }, LOAD_ALERT: { description: 'A watched branch\'s queue dropped to the asked size.' }, SECURITY: { description: 'Logins, locks, password and second-factor changes; cannot be switched off.' }, SYSTEM: { description: 'Messages of the service itself.' } } });

export enum DeliveryStatus {
  QUEUED = 'QUEUED',
  SENT = 'SENT',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
  SKIPPED = 'SKIPPED',
}
registerEnumType(DeliveryStatus, {
  description: 'Where one delivery of a notification over one channel is.', name: 'DeliveryStatus',
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
  @Field(() => NotificationChannel, { description: 'The channel of this delivery.' })
  channel!: NotificationChannel;
  @Field(() => DeliveryStatus, { description: 'Where the delivery is.' })
  status!: DeliveryStatus;
  @Field(() => Int, { description: 'How many times sending was tried (retries with backoff).' })
  attempts!: number;
  @Field(() => String, { nullable: true, description: 'Why the last attempt failed, in words for the citizen.' })
  lastError!: string | null;
  @Field(() => DateTimeScalar, { description: 'When the provider accepted it; null until then.', nullable: true })
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
  @Field(() => NotificationCategory, { description: 'What the notification is about; the user picks channels per category.' })
  category!: NotificationCategory;
  @Field({ description: 'The headline, plain text.' })
  title!: string;
  @Field({ description: 'The text, plain, in Russian.' })
  body!: string;
  @Field(() => String, { nullable: true, description: 'What the notification is about (Booking, QueueTicket, ChatThread…).' })
  subjectType!: string | null;
  @Field(() => ID, { description: 'The id of what it is about (an application, a booking, a chat...), fetchable with `node(id)` where it is a Node.', nullable: true })
  subjectId!: string | null;
  @Field(() => DateTimeScalar, { description: 'When the user marked it read; null while unread.', nullable: true })
  readAt!: Date | null;
  @Field(() => DateTimeScalar, { description: 'When it was written (with the change that caused it).' })
  createdAt!: Date;
}

@ObjectType({ description: 'A page of the feed, newest first.' })
export class NotificationConnection {
  @Field(() => [Notification], { description: 'The notifications of this page, newest first.' })
  nodes!: Notification[];
  @Field(() => PageInfo, { description: 'Where this page ends; pass `endCursor` as `after` for the next one.' })
  pageInfo!: PageInfo;
  @Field(() => Int, { description: 'How many notifications match the filter, across all pages.' })
  totalCount!: number;
}

@ObjectType({ description: 'The channels chosen for one category.' })
export class ChannelPreference {
  @Field(() => NotificationCategory, { description: 'The notification category.' })
  category!: NotificationCategory;
  @Field(() => [NotificationChannel], { description: 'The channels it goes to; SECURITY always keeps at least one.' })
  channels!: NotificationChannel[];
}

@ObjectType({ description: 'Where each category of messages goes, and the quiet hours.' })
export class NotificationPreferences {
  @Field(() => [ChannelPreference], { description: 'Channels per category.' })
  categories!: ChannelPreference[];
  @Field(() => String, { nullable: true, description: 'Local time HH:MM; SMS and push that are not urgent wait until the quiet hours end.' })
  quietHoursStart!: string | null;
  @Field(() => String, { description: 'End of quiet hours (HH:MM in the user\'s time zone), if set.', nullable: true })
  quietHoursEnd!: string | null;
  @Field({ description: 'IANA time zone of the quiet hours, e.g. Europe/Moscow.' })
  timezone!: string;
}

@ObjectType({ description: 'Beyond the contract: a browser or device subscribed to web push.' })
export class PushSubscription {
  @Field(() => ID, { description: 'The registration\'s id (for `removePushSubscription`).' })
  id!: string;
  @Field({ description: 'The push service URL of the browser or device.' })
  endpoint!: string;
  @Field(() => String, { description: 'The browser or device that registered, when known.', nullable: true })
  userAgent!: string | null;
  @Field(() => DateTimeScalar, { description: 'When the browser or device was registered.' })
  createdAt!: Date;
}
