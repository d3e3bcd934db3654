/** Rows and live events of chats -> their GraphQL objects. */
import type { ChatMessageEvent } from './chat.events.js';
import type { ChatMessageRow, ChatThreadRow } from './chat.repository.js';
import type { ChatMessage, ChatThread } from './chat.types.js';

export const toThread = (t: ChatThreadRow): ChatThread => ({
  id: t.id,
  subject: t.subject,
  applicationId: t.applicationId,
  branchId: t.branchId,
  open: t.open,
  createdAt: t.createdAt,
  lastMessageAt: t.lastMessageAt,
});

export const toMessage = (m: ChatMessageRow): ChatMessage => ({ id: m.id, threadId: m.threadId, authorRole: m.authorRole, authorName: m.authorName, text: m.text, createdAt: m.createdAt });

/** A message as published (dates travel as strings) -> the GraphQL object. */
export const eventToMessage = (event: ChatMessageEvent): ChatMessage => ({ ...event.message, createdAt: new Date(event.message.createdAt) });

/** A stored message -> the event published to the thread's subscribers. */
export const toMessageEvent = (m: ChatMessageRow): ChatMessageEvent => ({
  threadId: m.threadId,
  message: { id: m.id, threadId: m.threadId, authorRole: m.authorRole, authorName: m.authorName, text: m.text, createdAt: m.createdAt.toISOString() },
});
