/** Realtime topic of payments: a payment of `userId` changed (its owner re-reads it for paymentUpdated). */
import { defineTopic } from '../../shared/pubsub.js';

export interface PaymentTopicEvent {
  userId: string;
  paymentId: string;
}

export const paymentTopic = defineTopic<PaymentTopicEvent>('payment');
