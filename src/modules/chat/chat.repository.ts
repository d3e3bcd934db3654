/** The only drizzle importer of the chat module: threads and their messages, every read naming its columns. */
import { and, asc, desc, eq, gt, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { chatMessages, chatThreads } from '../../db/schema/index.js';

export type ChatThreadRow = typeof chatThreads.$inferSelect;
export type ChatMessageRow = typeof chatMessages.$inferSelect;

const threadColumns = {
  id: chatThreads.id,
  userId: chatThreads.userId,
  subject: chatThreads.subject,
  applicationId: chatThreads.applicationId,
  branchId: chatThreads.branchId,
  open: chatThreads.open,
  closedAt: chatThreads.closedAt,
  lastMessageAt: chatThreads.lastMessageAt,
  createdAt: chatThreads.createdAt,
};

const messageColumns = {
  id: chatMessages.id,
  threadId: chatMessages.threadId,
  authorId: chatMessages.authorId,
  authorRole: chatMessages.authorRole,
  authorName: chatMessages.authorName,
  text: chatMessages.text,
  createdAt: chatMessages.createdAt,
};

export async function insertThread(db: Executor, values: typeof chatThreads.$inferInsert): Promise<ChatThreadRow> {
  const [row] = await db.insert(chatThreads).values(values).returning(threadColumns);
  if (!row) throw new Error('insert chat_threads returned nothing');
  return row;
}

export async function findThread(db: Executor, id: string): Promise<ChatThreadRow | undefined> {
  const [row] = await db.select(threadColumns).from(chatThreads).where(eq(chatThreads.id, id));
  return row;
}

/** A thread of the user (a citizen reads only their own). */
export async function findOwnThread(db: Executor, userId: string, id: string): Promise<ChatThreadRow | undefined> {
  const [row] = await db.select(threadColumns).from(chatThreads).where(and(eq(chatThreads.id, id), eq(chatThreads.userId, userId)));
  return row;
}

export async function threadsOfUser(db: Executor, userId: string): Promise<ChatThreadRow[]> {
  return db.select(threadColumns).from(chatThreads).where(eq(chatThreads.userId, userId)).orderBy(desc(chatThreads.lastMessageAt), desc(chatThreads.id));
}

/** Threads staff may answer: of the given branches (null: every branch) plus the general line; open ones unless `includeClosed`. */
export async function threadsForStaff(db: Executor, p: { branchIds: string[] | null; includeClosed: boolean }): Promise<ChatThreadRow[]> {
  const conds: SQL[] = [];
  if (p.branchIds) {
    const scope = p.branchIds.length > 0 ? or(inArray(chatThreads.branchId, p.branchIds), isNull(chatThreads.branchId)) : isNull(chatThreads.branchId);
    if (scope) conds.push(scope);
  }
  if (!p.includeClosed) conds.push(eq(chatThreads.open, true));
  return db
    .select(threadColumns)
    .from(chatThreads)
    .where(conds.length > 0 ? and(...conds) : undefined)
    .orderBy(desc(chatThreads.lastMessageAt), desc(chatThreads.id))
    .limit(200);
}

export async function insertMessage(db: Executor, values: typeof chatMessages.$inferInsert): Promise<ChatMessageRow> {
  const [row] = await db.insert(chatMessages).values(values).returning(messageColumns);
  if (!row) throw new Error('insert chat_messages returned nothing');
  await db.update(chatThreads).set({ lastMessageAt: row.createdAt }).where(eq(chatThreads.id, row.threadId));
  return row;
}

export async function findMessage(db: Executor, threadId: string, id: string): Promise<ChatMessageRow | undefined> {
  const [row] = await db.select(messageColumns).from(chatMessages).where(and(eq(chatMessages.threadId, threadId), eq(chatMessages.id, id)));
  return row;
}

/** A message by id, whatever its thread (the caller checks the thread's access). */
export async function findMessageById(db: Executor, id: string): Promise<ChatMessageRow | undefined> {
  const [row] = await db.select(messageColumns).from(chatMessages).where(eq(chatMessages.id, id));
  return row;
}

/** Messages of a thread in the order written, after the keyset position (createdAt, id). */
export async function messagesPage(db: Executor, p: { threadId: string; after: { at: Date; id: string } | null; limit: number }): Promise<ChatMessageRow[]> {
  const keyset = p.after ? or(gt(chatMessages.createdAt, p.after.at), and(eq(chatMessages.createdAt, p.after.at), gt(chatMessages.id, p.after.id))) : undefined;
  const where = eq(chatMessages.threadId, p.threadId);
  return db
    .select(messageColumns)
    .from(chatMessages)
    .where(keyset ? and(where, keyset) : where)
    .orderBy(asc(chatMessages.createdAt), asc(chatMessages.id))
    .limit(p.limit);
}

/** Closes an open thread; undefined when it was already closed. */
export async function closeThread(db: Executor, id: string, now: Date): Promise<ChatThreadRow | undefined> {
  const [row] = await db.update(chatThreads).set({ open: false, closedAt: now }).where(and(eq(chatThreads.id, id), eq(chatThreads.open, true))).returning(threadColumns);
  return row;
}

/** Open chats at the branch (the general line is no branch's): what lets its operators see the citizen. */
export async function hasOpenThreadAt(db: Executor, userId: string, branchId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: chatThreads.id })
    .from(chatThreads)
    .where(and(eq(chatThreads.userId, userId), eq(chatThreads.branchId, branchId), eq(chatThreads.open, true)))
    .limit(1);
  return row !== undefined;
}

export async function citizensWithOpenThreadsAt(db: Executor, branchId: string): Promise<string[]> {
  const rows = await db.selectDistinct({ userId: chatThreads.userId }).from(chatThreads).where(and(eq(chatThreads.branchId, branchId), eq(chatThreads.open, true)));
  return rows.map((r) => r.userId);
}
