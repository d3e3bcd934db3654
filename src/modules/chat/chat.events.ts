/** Realtime topic of chats: a message, carried whole (subscribers of the thread need nothing else). */
import { defineTopic } from '../../shared/pubsub.js';

export interface ChatMessageEvent {
  threadId: string;
  message: { id: string; threadId: string; authorRole: string; authorName: string; text: string; createdAt: string };
}

export const chatMessageTopic = defineTopic<ChatMessageEvent>('chatMessage');
