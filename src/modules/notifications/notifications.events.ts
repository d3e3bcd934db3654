/** Realtime topic of the feed: a notification reached the user's in-app feed (published after the worker's commit). */
import { defineTopic } from '../../shared/pubsub.js';

export interface NotificationEvent {
  userId: string;
  notificationId: string;
}

export const notificationTopic = defineTopic<NotificationEvent>('notification');
