/**
 * Chat with an operator: the citizen opens a thread at a branch, operators of that branch see it
 * and answer, both sides get chatMessageAdded live and nobody else does, a citizen who is not
 * watching gets the reply as a CHAT notification, an operator of another branch cannot read it,
 * messages are length- and rate-limited, and a closed chat takes no more messages.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ChatDocument,
  ChatMessageAddedDocument,
  CloseChatDocument,
  MyChatsDocument,
  NotificationsDocument,
  OpenChatDocument,
  SendChatMessageDocument,
  SupportChatsDocument,
} from '../../../src/sdk/generated/graphql.js';
import type { MfcClient } from '../../../src/sdk/client.js';
import { createStaff, registerCitizen } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { errorOf } from '../../helpers/graphql.js';
import { operatorOf } from '../../helpers/staff.js';
import { subscribe } from '../../helpers/subscriptions.js';
import { buildBranch } from '../../factories/catalog.js';

const t = useTestApp({ CHAT_MESSAGES_PER_MINUTE: '5', CHAT_MESSAGE_MAX_LENGTH: '300' });

let admin: MfcClient;
beforeAll(async () => {
  admin = (await createStaff(t, 'ADMIN')).client;
});

async function setting() {
  const branch = await buildBranch(admin);
  const elsewhere = await buildBranch(admin);
  const operator = await operatorOf(t, branch.id, 'Анна');
  const stranger = await operatorOf(t, elsewhere.id, 'Пётр');
  const citizen = await registerCitizen(t);
  const { openChat } = await citizen.client.request(OpenChatDocument, { subject: 'Справка о несудимости', branchId: branch.id });
  return { branch, operator, stranger, citizen, thread: openChat };
}

describe('chat with an operator', () => {
  it('operators of the branch see the open thread and answer; both sides get the messages live, nobody else does', async () => {
    const { operator, stranger, citizen, thread } = await setting();
    const other = await registerCitizen(t);
    expect(thread).toMatchObject({ subject: 'Справка о несудимости', open: true, applicationId: null });
    expect((await operator.client.request(SupportChatsDocument, {})).supportChats.map((c) => c.id)).toContain(thread.id);
    expect((await stranger.client.request(SupportChatsDocument, {})).supportChats.map((c) => c.id)).not.toContain(thread.id);

    const citizenLive = await subscribe(citizen.client, ChatMessageAddedDocument, { threadId: thread.id });
    const operatorLive = await subscribe(operator.client, ChatMessageAddedDocument, { threadId: thread.id });
    const otherThread = (await other.client.request(OpenChatDocument, { subject: 'Другое' })).openChat;
    const otherLive = await subscribe(other.client, ChatMessageAddedDocument, { threadId: otherThread.id });
    try {
      await new Promise((r) => setTimeout(r, 200));
      await citizen.client.request(SendChatMessageDocument, { threadId: thread.id, text: '  Когда будет готова справка?  ' });
      const seen = await operatorLive.next((e) => e.chatMessageAdded.authorRole === 'CITIZEN');
      expect(seen.chatMessageAdded).toMatchObject({ threadId: thread.id, text: 'Когда будет готова справка?', authorName: 'Мария П.' });

      const { sendChatMessage: reply } = await operator.client.request(SendChatMessageDocument, { threadId: thread.id, text: 'Добрый день! В пятницу.' });
      const got = await citizenLive.next((e) => e.chatMessageAdded.id === reply.id);
      expect(got.chatMessageAdded).toMatchObject({ authorRole: 'OPERATOR', authorName: 'Оператор Анна', text: 'Добрый день! В пятницу.' });
      await new Promise((r) => setTimeout(r, 700));
      expect(otherLive.events).toHaveLength(0);
      // The citizen was watching: no CHAT notification for this reply.
      expect((await citizen.client.request(NotificationsDocument, { filter: { category: 'CHAT' } })).notifications.totalCount).toBe(0);
    } finally {
      await Promise.all([citizenLive.dispose(), operatorLive.dispose(), otherLive.dispose()]);
    }

    const { chat } = await citizen.client.request(ChatDocument, { id: thread.id });
    expect(chat?.messages.map((m) => [m.authorRole, m.text])).toEqual([
      ['CITIZEN', 'Когда будет готова справка?'],
      ['OPERATOR', 'Добрый день! В пятницу.'],
    ]);
    const firstId = chat?.messages[0]?.id ?? '';
    expect((await citizen.client.request(ChatDocument, { id: thread.id, first: 1, after: firstId })).chat?.messages.map((m) => m.text)).toEqual(['Добрый день! В пятницу.']);
    expect((await citizen.client.request(MyChatsDocument)).myChats.map((c) => c.id)).toEqual([thread.id]);
  });

  it('an operator of another branch, or another citizen, cannot read, answer, follow or close the chat', async () => {
    const { stranger, citizen, thread } = await setting();
    const other = await registerCitizen(t);
    await citizen.client.request(SendChatMessageDocument, { threadId: thread.id, text: 'Личный вопрос' });
    for (const outsider of [stranger.client, other.client]) {
      expect((await outsider.request(ChatDocument, { id: thread.id })).chat).toBeNull();
      expect((await errorOf(outsider.request(SendChatMessageDocument, { threadId: thread.id, text: 'Вмешаюсь' }))).code).toBe('NOT_FOUND');
      expect((await errorOf(outsider.request(CloseChatDocument, { id: thread.id }))).code).toBe('NOT_FOUND');
      const live = await subscribe(outsider, ChatMessageAddedDocument, { threadId: thread.id });
      try {
        await expect(live.next(() => true, 1500)).rejects.toThrow(/NOT_FOUND|не найден/);
      } finally {
        await live.dispose();
      }
    }
    expect((await errorOf(citizen.client.request(SupportChatsDocument, {}))).code).toBe('FORBIDDEN');
  });

  it('a citizen who is not watching gets the reply as a CHAT notification', async () => {
    const { operator, citizen, thread } = await setting();
    const sinceSms = t.sms.messages.length;
    await operator.client.request(SendChatMessageDocument, { threadId: thread.id, text: 'Принесите, пожалуйста, паспорт.' });
    const deadline = Date.now() + 5000;
    let feed = (await citizen.client.request(NotificationsDocument, { filter: { category: 'CHAT' } })).notifications;
    while (feed.totalCount === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      feed = (await citizen.client.request(NotificationsDocument, { filter: { category: 'CHAT' } })).notifications;
    }
    expect(feed.nodes[0]).toMatchObject({ category: 'CHAT', title: 'Ответ в чате: Справка о несудимости', body: 'Оператор Анна: Принесите, пожалуйста, паспорт.', subjectType: 'ChatThread', subjectId: thread.id });
    // CHAT defaults to push, e-mail and the feed: no SMS.
    await new Promise((r) => setTimeout(r, 300));
    expect(t.sms.messages.slice(sinceSms).some((m) => m.to === citizen.phone)).toBe(false);
  });

  it('messages are length- and rate-limited; a closed chat takes no more; an application that does not exist is NOT_FOUND', async () => {
    const { operator, citizen, thread } = await setting();
    const long = await errorOf(citizen.client.request(SendChatMessageDocument, { threadId: thread.id, text: 'я'.repeat(301) }));
    expect(long.code).toBe('BAD_USER_INPUT');
    expect(long.extensions.fields).toEqual([{ field: 'text', message: 'Не длиннее 300 символов' }]);
    expect((await errorOf(citizen.client.request(SendChatMessageDocument, { threadId: thread.id, text: '   ' }))).code).toBe('BAD_USER_INPUT');
    for (let i = 0; i < 5; i++) await citizen.client.request(SendChatMessageDocument, { threadId: thread.id, text: `Сообщение ${i}` });
    const limited = await errorOf(citizen.client.request(SendChatMessageDocument, { threadId: thread.id, text: 'Ещё одно' }));
    expect(limited.code).toBe('RATE_LIMITED');
    expect(limited.extensions.retryAfter).toBeGreaterThan(0);

    const { closeChat } = await operator.client.request(CloseChatDocument, { id: thread.id });
    expect(closeChat.open).toBe(false);
    expect((await errorOf(operator.client.request(SendChatMessageDocument, { threadId: thread.id, text: 'После закрытия' }))).code).toBe('PRECONDITION_FAILED');
    expect((await operator.client.request(SupportChatsDocument, {})).supportChats.map((c) => c.id)).not.toContain(thread.id);
    expect((await operator.client.request(SupportChatsDocument, { includeClosed: true })).supportChats.map((c) => c.id)).toContain(thread.id);
    const { chat } = await citizen.client.request(ChatDocument, { id: thread.id });
    expect(chat?.messages.at(-1)).toMatchObject({ authorRole: 'SYSTEM', text: 'Оператор закрыл чат' });

    const err = await errorOf(citizen.client.request(OpenChatDocument, { subject: 'О заявлении', applicationId: '00000000-0000-4000-8000-000000000009' }));
    expect(err.code).toBe('NOT_FOUND');
  });
});
