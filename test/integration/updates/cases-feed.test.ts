/**
 * accountUpdates carries application timeline entries and chat messages: a client on instance B
 * disconnects, an operator on instance A moves the application and answers the chat, and the client
 * comes back with its cursor and gets both, in order. What the caller may not read (another
 * citizen's entry or message that reached its feed) is passed over at delivery.
 */
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/env.js';
import { start, type Running } from '../../../src/main.js';
import { MfcClient } from '../../../src/sdk/client.js';
import {
  AccountUpdatesDocument,
  ApplicationDetailsDocument,
  ChangeApplicationStatusDocument,
  CloseChatDocument,
  CreateApplicationDraftDocument,
  OpenChatDocument,
  SendChatMessageDocument,
  SubmitApplicationDocument,
  type AccountUpdatesSubscription,
} from '../../../src/sdk/generated/graphql.js';
import { createAccount, createStaff } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { subscribe } from '../../helpers/subscriptions.js';
import { buildBranch, buildCategory, buildService } from '../../factories/catalog.js';

const a = useTestApp({ ROLE: 'api' });
let b: Running;
let urlB: string;
type Update = AccountUpdatesSubscription['accountUpdates'];

let serviceId: string;
let branchId: string;
let operator: Awaited<ReturnType<typeof createAccount>>;

beforeAll(async () => {
  b = await start(
    loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATABASE_URL: a.databaseUrl, REDIS_URL: a.config.REDIS_URL, REDIS_PREFIX: a.config.REDIS_PREFIX, MIGRATE_ON_START: 'false', ROLE: 'api' }),
  );
  urlB = b.api?.url ?? '';
  const admin = (await createStaff(a, 'ADMIN')).client;
  serviceId = (await buildService(admin, (await buildCategory(admin)).id, { availableOnline: true, requiredDocuments: [], applicationForm: null })).id;
  branchId = (await buildBranch(admin, {}, [serviceId])).id;
  operator = await createAccount(a, 'OPERATOR', { staffBranchId: branchId });
});
afterAll(async () => {
  await b.stop();
});

const onB = (c: { accessToken: string }) => new MfcClient({ url: urlB, webSocketImpl: WebSocket }).withToken(c.accessToken);
const seqOf = (cursor: string) => parseInt(cursor.slice(3), 36);

/** An event put straight into a user's feed, numbered and announced as the feed does (a misrouted one). */
async function appendRaw(userId: string, kind: string, subjectId: string) {
  const sql = a.running.app.db.sql;
  await sql.begin(async (tx) => {
    const [head] = await tx<{ seq: number }[]>`insert into account_feed_heads (user_id, seq) values (${userId}, 1) on conflict (user_id) do update set seq = account_feed_heads.seq + 1 returning seq::int as seq`;
    await tx`insert into account_events (user_id, seq, kind, subject_id, at) values (${userId}, ${head?.seq ?? 1}, ${kind}, ${subjectId}, now())`;
    await tx`select pg_notify('account_feed', ${userId})`;
  });
}

/** A submitted (ACCEPTED) application of the citizen and a chat about it, made on instance A. */
async function caseOf(client: MfcClient) {
  const { createApplicationDraft: draft } = await client.request(CreateApplicationDraftDocument, { input: { serviceId, branchId, attachmentIds: [], data: {} } });
  const { submitApplication: application } = await client.request(SubmitApplicationDocument, { id: draft.id });
  const { openChat: thread } = await client.request(OpenChatDocument, { subject: 'Когда будет готово?', applicationId: application.id });
  return { application, thread };
}

/** What an update carries, for the kinds of this test (others: null). */
function caseUpdate(u: Update): string | null {
  if (u.application) return `application ${u.application.status} ${u.application.actor}`;
  if (u.chatMessage) return `chat ${u.chatMessage.authorRole} ${u.chatMessage.text}`;
  return null;
}

describe('accountUpdates: application events and chat messages', () => {
  it('a client that reconnects with its cursor gets the operator’s move and reply made on the other instance, in order, and nothing it may not read', async () => {
    const [citizen, other] = await Promise.all([createAccount(a, 'CITIZEN'), createAccount(a, 'CITIZEN')]);
    const mine = await caseOf(citizen.client);
    const theirs = await caseOf(other.client);

    const live = await subscribe(onB(citizen), AccountUpdatesDocument, {});
    await new Promise((r) => setTimeout(r, 200));
    // The citizen's own message from another device (instance A) reaches this one.
    const { sendChatMessage: own } = await citizen.client.request(SendChatMessageDocument, { threadId: mine.thread.id, text: 'Добрый день' });
    const seenOwn = await live.next((e) => e.accountUpdates.chatMessage?.id === own.id);
    expect(seenOwn.accountUpdates.chatMessage).toMatchObject({ threadId: mine.thread.id, authorRole: 'CITIZEN', text: 'Добрый день' });
    const cursor = seenOwn.accountUpdates.cursor;
    await live.dispose();

    // While the client is away, on instance A: the operator moves the application and answers; another
    // citizen's timeline entry and message reach this citizen's feed (as a misrouted event would).
    await operator.client.request(ChangeApplicationStatusDocument, { id: mine.application.id, status: 'IN_PROGRESS', comment: 'Взяли в работу' });
    const { application: theirApp } = await other.client.request(ApplicationDetailsDocument, { id: theirs.application.id });
    const theirEventId = theirApp?.timeline.at(-1)?.id ?? '';
    await appendRaw(citizen.id, 'APPLICATION_EVENT', theirEventId);
    const { sendChatMessage: reply } = await operator.client.request(SendChatMessageDocument, { threadId: mine.thread.id, text: 'Будет готово в пятницу' });
    const { sendChatMessage: theirMessage } = await other.client.request(SendChatMessageDocument, { threadId: theirs.thread.id, text: 'Чужое сообщение' });
    await appendRaw(citizen.id, 'CHAT_MESSAGE', theirMessage.id);
    await operator.client.request(CloseChatDocument, { id: mine.thread.id });

    const back = await subscribe(onB(citizen), AccountUpdatesDocument, { after: cursor });
    await back.next((e) => e.accountUpdates.chatMessage?.authorRole === 'SYSTEM');
    await new Promise((r) => setTimeout(r, 300));
    const replayed = back.events.map((e) => e.accountUpdates);
    expect(replayed.map(caseUpdate).filter((x) => x !== null)).toEqual([
      'application IN_PROGRESS OPERATOR',
      `chat OPERATOR ${reply.text}`,
      expect.stringMatching(/^chat SYSTEM /),
    ]);
    expect(replayed.find((u) => u.application)?.application).toMatchObject({ applicationId: mine.application.id, comment: 'Взяли в работу' });
    const seqs = replayed.map((u) => seqOf(u.cursor));
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(seqs[0]).toBe(seqOf(cursor) + 1);
    // Nothing of the other citizen's came, neither their entry nor their message.
    expect(JSON.stringify(replayed)).not.toContain(theirEventId);
    expect(JSON.stringify(replayed)).not.toContain(theirMessage.id);
    await back.dispose();
  });

  it('submitting writes both timeline entries into the applicant’s feed', async () => {
    const citizen = await createAccount(a, 'CITIZEN');
    const live = await subscribe(onB(citizen), AccountUpdatesDocument, {});
    await new Promise((r) => setTimeout(r, 200));
    await caseOf(citizen.client);
    await live.next((e) => e.accountUpdates.application?.status === 'ACCEPTED');
    expect(live.events.map((e) => caseUpdate(e.accountUpdates)).filter((x) => x !== null)).toEqual(['application SUBMITTED CITIZEN', 'application ACCEPTED SYSTEM']);
    await live.dispose();
  });
});
