/** Chats with an operator over GraphQL: open, send, close, lists, history and live messages. */
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { requireViewer, type GraphQLContext } from '../../shared/graphql/context.js';
import { unauthenticated } from '../../shared/errors.js';
import type { ChatMessageEvent } from './chat.events.js';
import { eventToMessage, toMessage, toThread } from './chat.mappers.js';
import type { ChatService } from './chat.service.js';
import { ChatMessage, ChatThread } from './chat.types.js';

import type { Viewer } from '../../shared/auth/viewer.js';

type Ctx = GraphQLContext;

@Resolver(() => ChatThread)
export class ChatResolver {
  constructor(private readonly chats: ChatService) {}

  /** Live messages of a thread (the subscription asks this application's instance through the context). */
  liveMessages(viewer: Viewer, threadId: string) {
    return this.chats.live(viewer, threadId);
  }

  @Authorized()
  @Query(() => [ChatThread], { description: 'The caller\'s chats, latest activity first.' })
  async myChats(@Ctx() ctx: Ctx): Promise<ChatThread[]> {
    return (await this.chats.myChats(requireViewer(ctx))).map(toThread);
  }

  @Authorized()
  @Query(() => ChatThread, { nullable: true, description: 'A chat of the caller, or one the calling operator answers.' })
  async chat(@Arg('id', () => ID, { description: 'The chat\'s id (the citizen\'s own; staff: of their branch).' }) id: string, @Ctx() ctx: Ctx): Promise<ChatThread | null> {
    const t = await this.chats.thread(requireViewer(ctx), id);
    return t ? toThread(t) : null;
  }

  @Authorized('OPERATOR', 'ADMIN')
  @Query(() => [ChatThread], { description: 'Beyond the contract, operators and admins: chats to answer, of the operator\'s branch and the general line.' })
  async supportChats(@Arg('includeClosed', () => Boolean, { description: 'Also closed chats (default only open ones).', nullable: true, defaultValue: false }) includeClosed: boolean, @Ctx() ctx: Ctx): Promise<ChatThread[]> {
    return (await this.chats.supportChats(requireViewer(ctx), includeClosed)).map(toThread);
  }

  @Authorized()
  @Mutation(() => ChatThread, { description: 'Opens a chat; about an application, its branch answers. branchId (beyond the contract) picks the branch otherwise.' })
  async openChat(
    @Arg('subject', { description: 'What the chat is about.' }) subject: string,
    @Arg('applicationId', () => ID, { description: 'The caller\'s application the chat is about (optional).', nullable: true }) applicationId: string | null,
    @Arg('branchId', () => ID, { description: 'The branch whose operators should answer (optional; else the application\'s branch or any).', nullable: true }) branchId: string | null,
    @Ctx() ctx: Ctx,
  ): Promise<ChatThread> {
    return toThread(await this.chats.open(requireViewer(ctx), { subject, applicationId, branchId }));
  }

  @Authorized()
  @Mutation(() => ChatMessage, { description: 'Length- and rate-limited.' })
  async sendChatMessage(@Arg('threadId', () => ID, { description: 'The open chat to write to.' }) threadId: string, @Arg('text', { description: 'The message, 1 to CHAT_MESSAGE_MAX_LENGTH (2000) characters; rate-limited per user.' }) text: string, @Ctx() ctx: Ctx): Promise<ChatMessage> {
    return toMessage(await this.chats.send(requireViewer(ctx), threadId, text));
  }

  @Authorized()
  @Mutation(() => ChatThread, { description: 'Closes a chat (its citizen or staff); no more messages can be sent.' })
  async closeChat(@Arg('id', () => ID, { description: 'The chat to close.' }) id: string, @Ctx() ctx: Ctx): Promise<ChatThread> {
    return toThread(await this.chats.close(requireViewer(ctx), id));
  }

  @Subscription(() => ChatMessage, {
    description: 'New messages of a chat, for its citizen and its operators. A stream of new messages with no current state: after a reconnect, read the thread\'s `messages(after:)` from the last one seen, or (the citizen) resume through `accountUpdates(after:)`, which replays every message missed.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { threadId: string }, Ctx>) => {
      const viewer = context.viewer;
      if (!viewer) throw unauthenticated();
      return context.resolver(ChatResolver).liveMessages(viewer, args.threadId);
    },
  })
  chatMessageAdded(@Arg('threadId', () => ID, { description: 'The chat to follow (its citizen or staff who may read it).' }) _threadId: string, @Root() event: ChatMessageEvent): ChatMessage {
    return eventToMessage(event);
  }

  @FieldResolver(() => [ChatMessage], { description: 'In the order written; pass the id of the last message seen as `after` for the next ones.' })
  async messages(
    @Root() t: ChatThread,
    @Arg('first', () => Int, { description: 'Page size, 1 to 200 (default 50); the query cost counts at most 100 (GRAPHQL_MAX_PAGE_SIZE) per page.', nullable: true, defaultValue: 50 }) first: number | null,
    @Arg('after', () => String, { description: 'Cursor from the previous page\'s `pageInfo.endCursor`.', nullable: true }) after: string | null,
    @Ctx() ctx: Ctx,
  ): Promise<ChatMessage[]> {
    return (await this.chats.messages(requireViewer(ctx), t, first, after)).map(toMessage);
  }
}
