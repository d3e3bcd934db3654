/** GraphQL types of the account feed. */
import { Field, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../shared/graphql/scalars.js';
import { ApplicationEvent } from '../applications/index.js';
import { Booking } from '../bookings/index.js';
import { ChatMessage } from '../chat/index.js';
import { Notification } from '../notifications/index.js';
import { Payment } from '../payments/index.js';
import { QueueTicket } from '../queue/index.js';

@ObjectType({ description: 'One change that concerns the caller; `cursor` resumes the stream after a reconnect.' })
export class AccountUpdate {
  @Field({ description: 'Give it as `after` when subscribing again to receive what came after this update.' })
  cursor!: string;
  @Field(() => DateTimeScalar, { description: 'When the change was made.' })
  at!: Date;
  @Field(() => Booking, { nullable: true, description: 'A booking of the caller that changed (as it is now).' })
  booking!: Booking | null;
  @Field(() => QueueTicket, { nullable: true, description: 'A queue ticket of the caller that changed (called, served, cancelled...).' })
  ticket!: QueueTicket | null;
  @Field(() => ApplicationEvent, { nullable: true, description: 'A new entry of the timeline of one of the caller\'s applications (a dependant\'s included).' })
  application!: ApplicationEvent | null;
  @Field(() => Notification, { nullable: true, description: 'A notification that reached the caller\'s feed.' })
  notification!: Notification | null;
  @Field(() => ChatMessage, { nullable: true, description: 'A new message in one of the caller\'s chats: an operator\'s reply, the caller\'s own from another device, the closing note.' })
  chatMessage!: ChatMessage | null;
  @Field(() => Payment, { nullable: true, description: 'A payment of the caller that changed (paid, declined, refunded).' })
  payment!: Payment | null;
}
