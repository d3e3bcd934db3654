/**
 * Chat between a citizen and operators, optionally about an application. The citizen owns the
 * thread; operators of the thread's branch (threads without one are the general line, any
 * operator's) read and answer it; admins see all. Messages are length- and rate-limited,
 * pushed live to both sides (chatMessageAdded), and a reply to a citizen who is not watching the
 * thread also becomes a CHAT notification through their channels, in the reply's transaction.
 * Every message of a thread (a reply, the citizen's own from any device, the closing note) goes
 * into the citizen's account feed (accountUpdates) in the message's transaction.
 * Users and branches are read through the directories of accounts and branches; the limits and
 * wording are in chat.rules.ts.
 */
import type { CoreDeps } from '../../shared/module.js';
import type { AccountFeed } from '../../shared/account-feed.js';
import { Repeater } from '@repeaterjs/repeater';
import type { ApplicationSubjects } from '../../shared/application-subjects.js';
import { hasRole, type Viewer } from '../../shared/auth/viewer.js';
import { badField, forbidden, notFound, preconditionFailed } from '../../shared/errors.js';
import { isUuid } from '../../shared/ids.js';
import type { Executor } from '../../db/client.js';
import { filteredEvents } from '../../shared/pubsub.js';
import { chatMessageTopic, type ChatMessageEvent } from './chat.events.js';
import type { RateLimiter } from '../../shared/rate-limit.js';
import type { AccountsDirectory } from '../accounts/index.js';
import type { BranchesDirectory } from '../branches/index.js';
import type { NotificationsService } from '../notifications/index.js';
import { toMessageEvent } from './chat.mappers.js';
import * as repo from './chat.repository.js';
import { authorName, checkMessageText, checkSubject, closedBy, messagesPageSize, replyExcerpt } from './chat.rules.js';
import type { ChatPresence } from './presence.js';

export class ChatService {
  constructor(
    private readonly deps: CoreDeps & {
      notifications: NotificationsService;
      rateLimiter: RateLimiter;
      presence: ChatPresence;
      applications: ApplicationSubjects;
      accounts: AccountsDirectory;
      branches: BranchesDirectory;
      /** The account feed (accountUpdates); none when the module is built alone. */
      feed?: AccountFeed;
    },
  ) {}

  async open(viewer: Viewer, input: { subject: string; applicationId?: string | null; branchId?: string | null }): Promise<repo.ChatThreadRow> {
    const { db, clock, applications, branches } = this.deps;
    const checked = checkSubject(input.subject);
    if (!checked.ok) throw badField(checked.problem.field, checked.problem.message);
    const subject = checked.subject;
    let branchId: string | null = null;
    if (input.applicationId) {
      const app = isUuid(input.applicationId) ? await applications.find(input.applicationId) : null;
      if (!app || app.userId !== viewer.userId) throw notFound('Заявление');
      branchId = app.branchId;
    } else if (input.branchId) {
      const [branch] = isUuid(input.branchId) ? await branches.branchesByIds([input.branchId]) : [];
      if (!branch) throw notFound('Отделение');
      branchId = branch.id;
    }
    const now = clock.now();
    return repo.insertThread(db, { userId: viewer.userId, subject, applicationId: input.applicationId ?? null, branchId, createdAt: now, lastMessageAt: now });
  }

  /** A thread as its owner or the staff who answer it see it; null for anyone else. */
  async thread(viewer: Viewer, id: string): Promise<repo.ChatThreadRow | null> {
    if (!isUuid(id)) return null;
    // Only staff read threads of others: a citizen's look-up is scoped to their own.
    const staff = hasRole(viewer, 'OPERATOR') || hasRole(viewer, 'ADMIN');
    const t = staff ? await repo.findThread(this.deps.db, id) : await repo.findOwnThread(this.deps.db, viewer.userId, id);
    if (!t) return null;
    return t.userId === viewer.userId || (await this.answers(viewer, t)) ? t : null;
  }

  myChats(viewer: Viewer): Promise<repo.ChatThreadRow[]> {
    return repo.threadsOfUser(this.deps.db, viewer.userId);
  }

  /** Staff: threads to answer, of the operator's branch and the general line (admins: all). */
  async supportChats(viewer: Viewer, includeClosed: boolean): Promise<repo.ChatThreadRow[]> {
    if (hasRole(viewer, 'ADMIN')) return repo.threadsForStaff(this.deps.db, { branchIds: null, includeClosed });
    const branchId = await this.staffBranch(viewer);
    return repo.threadsForStaff(this.deps.db, { branchIds: branchId ? [branchId] : [], includeClosed });
  }

  async messages(viewer: Viewer, thread: { id: string }, first: number | null, after: string | null): Promise<repo.ChatMessageRow[]> {
    const t = await this.thread(viewer, thread.id);
    if (!t) throw notFound('Чат');
    const limit = messagesPageSize(first);
    let from: { at: Date; id: string } | null = null;
    if (after) {
      const m = isUuid(after) ? await repo.findMessage(this.deps.db, t.id, after) : undefined;
      if (!m) throw badField('after', 'Нет такого сообщения в этом чате');
      from = { at: m.createdAt, id: m.id };
    }
    return repo.messagesPage(this.deps.db, { threadId: t.id, after: from, limit });
  }

  async send(viewer: Viewer, threadId: string, rawText: string): Promise<repo.ChatMessageRow> {
    const { config, db, clock, rateLimiter, presence, notifications, accounts } = this.deps;
    const t = await this.thread(viewer, threadId);
    if (!t) throw notFound('Чат');
    if (!t.open) throw preconditionFailed('Чат закрыт: откройте новый', { rule: 'CHAT_CLOSED' });
    const checked = checkMessageText(rawText, config.CHAT_MESSAGE_MAX_LENGTH);
    if (!checked.ok) throw badField(checked.problem.field, checked.problem.message);
    const text = checked.text;
    await rateLimiter.hit([{ key: `chat:${viewer.userId}`, limit: config.CHAT_MESSAGES_PER_MINUTE, windowSeconds: 60 }]);
    const author = await accounts.userById(viewer.userId);
    if (!author) throw notFound('Пользователь');
    const fromCitizen = t.userId === viewer.userId;
    const name = authorName(author, fromCitizen);
    const citizenWatching = fromCitizen ? true : await presence.isWatching(t.id, t.userId);
    const message = await db.transaction(async (tx) => {
      const row = await this.write(tx, t, { authorId: viewer.userId, authorRole: fromCitizen ? 'CITIZEN' : 'OPERATOR', authorName: name, text, createdAt: clock.now() });
      if (!citizenWatching) {
        await notifications.notify(tx, {
          userId: t.userId,
          template: 'chat.reply',
          vars: { subject: t.subject, operator: name, excerpt: replyExcerpt(text) },
          subjectType: 'ChatThread',
          subjectId: t.id,
        });
      }
      return row;
    });
    this.publish(message);
    return message;
  }

  async close(viewer: Viewer, id: string): Promise<repo.ChatThreadRow> {
    const { db, clock } = this.deps;
    const t = await this.thread(viewer, id);
    if (!t) throw notFound('Чат');
    if (!t.open) return t;
    const now = clock.now();
    const result = await db.transaction(async (tx) => {
      const closed = await repo.closeThread(tx, t.id, now);
      if (!closed) return { thread: (await repo.findThread(tx, t.id)) ?? t, message: null };
      const message = await this.write(tx, t, { authorId: null, authorRole: 'SYSTEM', authorName: 'МФЦ', text: closedBy(t.userId === viewer.userId), createdAt: now });
      return { thread: { ...closed, lastMessageAt: message.createdAt }, message };
    });
    if (result.message) this.publish(result.message);
    return result.thread;
  }

  /** The thread's new messages, for its owner or its staff; the owner counts as watching meanwhile. */
  async live(viewer: Viewer, threadId: string): Promise<AsyncIterable<ChatMessageEvent>> {
    const t = await this.thread(viewer, threadId);
    if (!t) throw notFound('Чат');
    const events = filteredEvents(this.deps.pubsub, chatMessageTopic, (e) => e.threadId === t.id);
    const leave = t.userId === viewer.userId ? this.deps.presence.enter(t.id, viewer.userId) : () => undefined;
    return new Repeater<ChatMessageEvent>(async (push, stop) => {
      const it = events[Symbol.asyncIterator]();
      void stop.then(() => {
        leave();
        void it.return?.();
      });
      for (;;) {
        const next = await Promise.race([it.next(), stop.then(() => null)]);
        if (!next || next.done) break;
        await push(next.value);
      }
      leave();
      stop();
    });
  }

  /** A message by id, if the viewer may read its thread (the account feed delivers these; messages are not Relay nodes). */
  async message(viewer: Viewer, id: string): Promise<repo.ChatMessageRow | null> {
    const m = isUuid(id) ? await repo.findMessageById(this.deps.db, id) : undefined;
    if (!m) return null;
    return (await this.thread(viewer, m.threadId)) ? m : null;
  }

  /** A message of the thread, and its event in the citizen's account feed, in the caller's transaction. */
  private async write(tx: Executor, t: repo.ChatThreadRow, values: Omit<Parameters<typeof repo.insertMessage>[1], 'threadId'>): Promise<repo.ChatMessageRow> {
    const row = await repo.insertMessage(tx, { ...values, threadId: t.id });
    await this.deps.feed?.append(tx, t.userId, 'CHAT_MESSAGE', row.id);
    return row;
  }

  /** Whether the viewer is staff who answer this thread. */
  private async answers(viewer: Viewer, t: repo.ChatThreadRow): Promise<boolean> {
    if (hasRole(viewer, 'ADMIN')) return true;
    if (!hasRole(viewer, 'OPERATOR')) return false;
    if (t.branchId === null) return true;
    return (await this.staffBranch(viewer)) === t.branchId;
  }

  private async staffBranch(viewer: Viewer): Promise<string | null> {
    if (!hasRole(viewer, 'OPERATOR')) throw forbidden('Только для сотрудников');
    return (await this.deps.accounts.userById(viewer.userId))?.staffBranchId ?? null;
  }

  private publish(m: repo.ChatMessageRow): void {
    try {
      this.deps.pubsub.publish(chatMessageTopic, toMessageEvent(m));
    } catch (err) {
      this.deps.log.warn({ err }, 'could not publish a chat message');
    }
  }
}
